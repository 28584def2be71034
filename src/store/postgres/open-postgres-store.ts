// The store on PostgreSQL through node-postgres (client.ts): a pool of connections, so operations
// run concurrently; each transaction holds its own connection.
import type { InspectableStore } from '../store.ts';
import { createSqlStore } from '../sql/sql-store.ts';
import { sqltag as sql } from '../sql/sql-tag.ts';
import { postgresAnswerSearch } from './answer-search.ts';
import { claimOutbox, claimTimers } from './claims.ts';
import { postgresDb } from './client.ts';
import { postgresConnection } from './connection.ts';

/** Opens the store on an already migrated database (see openStore for the full path). */
export async function openPostgresStore(databaseUrl: string): Promise<InspectableStore> {
  const { pool } = postgresConnection(databaseUrl);
  const db = postgresDb(pool);
  // Fails here, at start, when the database cannot be reached (as Prisma's $connect did).
  await db.query(sql`SELECT 1 AS ok`);
  return createSqlStore(db, {
    claimTimers: (sqlDb, options) => claimTimers(sqlDb, options),
    claimNotices: (sqlDb, options) => claimOutbox(sqlDb, options),
    turn: (operation) => operation(),
    writesInOneStatement: true,
    greatest: (a, b) => sql`GREATEST(${a}, ${b})`,
    filterOnly: (column) => column,
    searchAnswers: postgresAnswerSearch,
  });
}
