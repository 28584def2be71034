// The generated SQLite client lives at a custom output path (it cannot be reached by a bare
// specifier from ESM: package names may not start with a dot), so it is imported once, here.
import type { SqlDb, SqlRunner } from '../sql/sql-db.ts';
import { type Prisma, PrismaClient } from '../../../node_modules/.prisma/sqlite-client/index.js';

export { PrismaClient };

const runner = (client: Prisma.TransactionClient): SqlRunner => ({
  query: (statement) => client.$queryRaw(statement),
  execute: (statement) => client.$executeRaw(statement),
});

export function sqliteDb(prisma: PrismaClient): SqlDb {
  return {
    ...runner(prisma),
    transaction: (work) => prisma.$transaction((tx) => work(runner(tx))),
    close: () => prisma.$disconnect(),
  };
}
