// The committed migrations (prisma/<provider>/migrations/<name>/migration.sql) and what applying
// them reports. Each provider's applier records them in `_prisma_migrations` exactly as Prisma does.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * prisma/<provider>/migrations of the checkout this code runs from: found by walking up from this
 * file, so it holds for the sources (src/store) and for the bundle `npm start` runs (dist/).
 */
function dirOf(provider: string): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma', provider, 'migrations');
    if (existsSync(candidate)) return `${candidate}${path.sep}`;
    if (path.dirname(dir) === dir) return path.join(start, '../../prisma', provider, 'migrations') + path.sep;
  }
}
export const SQLITE_MIGRATIONS_DIR = dirOf('sqlite');
export const POSTGRES_MIGRATIONS_DIR = dirOf('postgres');

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

/** A bookkeeping row as the appliers read it back. */
export interface AppliedRow {
  checksum: string;
  finished_at: unknown;
}

/**
 * What to do with a migration given its non-rolled-back rows in `_prisma_migrations`: skip it
 * (applied, checksum verified), apply it (no row), or stop (changed file, or a failed attempt).
 */
export function decide(m: MigrationFile, rows: readonly AppliedRow[]): 'apply' | 'alreadyApplied' {
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
  return 'apply';
}

export const failed = (m: MigrationFile, e: unknown) =>
  new MigrationError('migration_failed', `Migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
