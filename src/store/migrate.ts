// Applies the committed migrations (prisma/sqlite/migrations) with better-sqlite3 directly: no
// Prisma CLI subprocess at start-up. Bookkeeping follows Prisma's `_prisma_migrations` exactly, so
// `prisma migrate deploy` / `migrate status` agree with what ran here.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { databaseKind, sqliteFilePath } from './database-url.ts';

export const SQLITE_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../prisma/sqlite/migrations/', import.meta.url),
);

export type MigrationErrorCode =
  'unsupported_database' | 'checksum_mismatch' | 'failed_earlier' | 'migration_failed';

export class MigrationError extends Error {
  readonly code: MigrationErrorCode;
  constructor(code: MigrationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
    this.code = code;
  }
}

export interface MigrationReport {
  databaseUrl: string;
  /** Applied by this call, in order. */
  applied: string[];
  /** Found already applied (checksums verified). */
  alreadyApplied: string[];
}

export interface MigrationFile {
  name: string;
  script: string;
  /** sha256 hex of the file's bytes, as Prisma computes it. */
  checksum: string;
}

export interface ApplyOptions {
  migrationsDir?: string;
  /** Clock for started_at / finished_at. */
  now?: () => Date;
}

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

export function readMigrations(dir: string = SQLITE_MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return {
        name,
        script: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}

/** Applies pending migrations, each in its own `BEGIN IMMEDIATE` transaction. Idempotent. */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyOptions = {},
): Promise<MigrationReport> {
  if (databaseKind(databaseUrl) !== 'sqlite') {
    throw new MigrationError(
      'unsupported_database',
      'PostgreSQL migrations arrive with issue 5; use a file: URL',
    );
  }
  const migrations = readMigrations(options.migrationsDir);
  const now = options.now ?? (() => new Date());
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: LOCK_TIMEOUT_MS });
  const report: MigrationReport = { databaseUrl, applied: [], alreadyApplied: [] };
  try {
    db.pragma('journal_mode = WAL');
    for (const migration of migrations) {
      const outcome = inImmediateTransaction(db, () => applyOne(db, migration, now));
      report[outcome].push(migration.name);
    }
  } finally {
    db.close();
  }
  return report;
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

interface AppliedRow {
  checksum: string;
  finished_at: string | null;
}

function applyOne(db: Database.Database, m: MigrationFile, now: () => Date): 'applied' | 'alreadyApplied' {
  db.exec(CREATE_MIGRATIONS_TABLE);
  // Rows with rolled_back_at are migrations Prisma was told to forget (`migrate resolve --rolled-back`).
  const rows = db
    .prepare<[string], AppliedRow>(
      'SELECT checksum, finished_at FROM _prisma_migrations WHERE migration_name = ? AND rolled_back_at IS NULL',
    )
    .all(m.name);
  const finished = rows.find((r) => r.finished_at !== null);
  if (finished) {
    if (finished.checksum !== m.checksum) {
      throw new MigrationError(
        'checksum_mismatch',
        `Migration ${m.name} was modified after it was applied (checksum ${finished.checksum} in the database, ` +
          `${m.checksum} on disk): restore the committed file and add a new migration instead`,
      );
    }
    return 'alreadyApplied';
  }
  if (rows.length > 0) {
    throw new MigrationError(
      'failed_earlier',
      `Migration ${m.name} started earlier but never finished: inspect the database, then ` +
        `\`prisma migrate resolve --applied|--rolled-back ${m.name}\``,
    );
  }
  const id = randomUUID();
  db.prepare(
    'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)',
  ).run(id, m.checksum, m.name, prismaTimestamp(now()));
  try {
    db.exec(m.script);
  } catch (e) {
    throw new MigrationError('migration_failed', `Migration ${m.name} failed: ${(e as Error).message}`, {
      cause: e,
    });
  }
  db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(
    prismaTimestamp(now()),
    id,
  );
  return 'applied';
}

/** The text Prisma's engine writes through the better-sqlite3 adapter: `2026-11-23T19:44:08.536+00:00`. */
const prismaTimestamp = (d: Date): string => d.toISOString().replace('Z', '+00:00');
