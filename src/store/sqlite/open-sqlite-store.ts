// The CaseStore on SQLite through Prisma and better-sqlite3 (WAL). One connection per store, so
import type { CaseStore } from '../../core/ports.ts';
// every operation takes its turn (see serial.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { sqliteFilePath } from '../database-url.ts';
import { createSqlStore } from '../sql/sql-store.ts';
import { claimOutbox, claimTimers } from './claims.ts';
import { PrismaClient, sqliteDb } from './client.ts';
import { serialQueue } from './serial.ts';

/** How long a connection waits for another process's write lock before failing, in ms. */
const BUSY_TIMEOUT_MS = 5_000;

/** Opens the store on an already migrated SQLite database (see openStore for the full path). */
export async function openSqliteStore(databaseUrl: string): Promise<CaseStore> {
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }),
  });
  await prisma.$connect();
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  return createSqlStore(sqliteDb(prisma), {
    claimTimers: (db, options) => claimTimers(db, options),
    claimNotices: (db, options) => claimOutbox(db, options),
    turn: serialQueue(),
  });
}
