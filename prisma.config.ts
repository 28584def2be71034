// Prisma CLI configuration. The "js" schema engine runs offline (the classic one downloads a
// native binary at run time). The app applies committed migrations itself (src/store/migrate.ts);
// this file serves `prisma generate` and developer commands such as `prisma migrate diff`.
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'sqlite', 'schema.prisma'),
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? 'file:./data/ladder.db' });
  },
});
