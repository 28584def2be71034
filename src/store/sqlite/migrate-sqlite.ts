// Applies the committed SQLite migrations with better-sqlite3 directly: no Prisma CLI subprocess
// at start-up. Bookkeeping follows Prisma's `_prisma_migrations` exactly, so `prisma migrate
// deploy` / `migrate status` agree with what ran here.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { sqliteFilePath } from '../database-url.ts';
import {
  type ApplyOptions,
  type AppliedRow,
  decide,
  failed,
  type MigrationFile,
  type MigrationReport,
  readMigrations,
  SQLITE_MIGRATIONS_DIR,
} from '../migration-files.ts';
import { createPrivateFile } from './private-file.ts';

// Prisma's own DDL for the table (copied from a database set up by `prisma migrate deploy`).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** How long to wait for another process that is migrating the same file, in ms. */
const LOCK_TIMEOUT_MS = 30_000;

/** Applies pending migrations, each in its own `BEGIN IMMEDIATE` transaction. Idempotent. */
export function applySqliteMigrations(databaseUrl: string, options: ApplyOptions = {}): MigrationReport {
  const migrations = readMigrations(options.migrationsDir ?? SQLITE_MIGRATIONS_DIR);
  const now = options.now ?? (() => new Date());
  const file = sqliteFilePath(databaseUrl);
  createPrivateFile(file); // 0600: SQLite would create it 0644
  const db = new Database(file, { timeout: LOCK_TIMEOUT_MS });
  const report: MigrationReport = { databaseUrl, applied: [], alreadyApplied: [] };
  try {
    switchToWal(db);
    for (const migration of migrations) {
      const outcome = inImmediateTransaction(db, () => applyOne(db, migration, now));
      report[outcome].push(migration.name);
    }
  } finally {
    db.close();
  }
  return report;
}

/**
 * Switching a new file to WAL needs it to itself for a moment, and SQLite answers SQLITE_BUSY at
 * once (no busy handler) when a second process is opening the same file: try again until the
 * lock timeout.
 */
function switchToWal(db: Database.Database): void {
  const until = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function inImmediateTransaction<T>(db: Database.Database, work: () => T): T {
  // Takes the write lock up front: a second process starting at the same moment waits here, then
  // sees the first one's rows and skips what is already applied.
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

function applyOne(db: Database.Database, m: MigrationFile, now: () => Date): 'applied' | 'alreadyApplied' {
  db.exec(CREATE_MIGRATIONS_TABLE);
  // Rows with rolled_back_at are migrations Prisma was told to forget (`migrate resolve --rolled-back`).
  const rows = db
    .prepare<[string], AppliedRow>(
      'SELECT checksum, finished_at FROM _prisma_migrations WHERE migration_name = ? AND rolled_back_at IS NULL',
    )
    .all(m.name);
  if (decide(m, rows) === 'alreadyApplied') return 'alreadyApplied';
  const id = randomUUID();
  db.prepare(
    'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)',
  ).run(id, m.checksum, m.name, prismaTimestamp(now()));
  try {
    db.exec(m.script);
  } catch (e) {
    throw failed(m, e);
  }
  db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(
    prismaTimestamp(now()),
    id,
  );
  return 'applied';
}

/** The text Prisma's engine writes through the better-sqlite3 adapter: `2026-11-23T19:44:08.536+00:00`. */
const prismaTimestamp = (d: Date): string => d.toISOString().replace('Z', '+00:00');
