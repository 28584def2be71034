// The store on PostgreSQL through Prisma and @prisma/adapter-pg: a pool of connections, so
// operations run concurrently; each interactive transaction holds its own connection.
import type { InspectableStore } from '../store.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { createSqlStore } from '../sql/sql-store.ts';
import { sqltag as sql } from '../sql/sql-tag.ts';
import { claimOutbox, claimTimers } from './claims.ts';
import { PrismaClient, postgresDb } from './client.ts';
import { postgresConnection } from './connection.ts';

/** Opens the store on an already migrated database (see openStore for the full path). */
export async function openPostgresStore(databaseUrl: string): Promise<InspectableStore> {
  const { pool, schema } = postgresConnection(databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  await prisma.$connect();
  return createSqlStore(postgresDb(prisma), {
    claimTimers: (db, options) => claimTimers(db, options),
    claimNotices: (db, options) => claimOutbox(db, options),
    turn: (operation) => operation(),
    greatest: (a, b) => sql`GREATEST(${a}, ${b})`,
  });
}
