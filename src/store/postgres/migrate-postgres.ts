// Applies the committed PostgreSQL migrations with pg directly (Prisma 6.19's `migrate deploy`
// through @prisma/adapter-pg fails offline: "Column type 'name' could not be deserialized").
// Each migration runs in one transaction under the advisory lock Prisma Migrate itself takes, so
// replicas starting together apply each migration once, and a failed one leaves nothing behind.
// Bookkeeping follows Prisma's `_prisma_migrations` on PostgreSQL exactly.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  type ApplyOptions,
  type AppliedRow,
  decide,
  failed,
  type MigrationFile,
  type MigrationReport,
  POSTGRES_MIGRATIONS_DIR,
  readMigrations,
} from '../migration-files.ts';
import { postgresConnection } from './connection.ts';

/** The key of `pg_advisory_lock` in Prisma Migrate: it and this applier exclude each other. */
export const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's own DDL for the table on PostgreSQL (schema engine, postgres flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Fail rather than wait forever behind a migrator that hangs. */
const LOCK_TIMEOUT = '60s';

export async function applyPostgresMigrations(
  databaseUrl: string,
  options: ApplyOptions = {},
): Promise<MigrationReport> {
  const migrations = readMigrations(options.migrationsDir ?? POSTGRES_MIGRATIONS_DIR);
  const now = options.now ?? (() => new Date());
  const { pool, schema } = postgresConnection(databaseUrl);
  const client = new pg.Client(pool);
  await client.connect();
  const report: MigrationReport = { databaseUrl, applied: [], alreadyApplied: [] };
  try {
    for (const migration of migrations) {
      const outcome = await inLockedTransaction(client, schema, () => applyOne(client, migration, now));
      report[outcome].push(migration.name);
    }
  } finally {
    await client.end();
  }
  return report;
}

async function inLockedTransaction<T>(client: pg.Client, schema: string, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    // Held until COMMIT or ROLLBACK, and released by the server if this process dies.
    await client.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function applyOne(
  client: pg.Client,
  m: MigrationFile,
  now: () => Date,
): Promise<'applied' | 'alreadyApplied'> {
  // Rows with rolled_back_at are migrations Prisma was told to forget (`migrate resolve --rolled-back`).
  const { rows } = await client.query<AppliedRow>(
    'SELECT checksum, finished_at FROM _prisma_migrations WHERE migration_name = $1 AND rolled_back_at IS NULL',
    [m.name],
  );
  if (decide(m, rows) === 'alreadyApplied') return 'alreadyApplied';
  const id = randomUUID();
  await client.query(
    'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, 0)',
    [id, m.checksum, m.name, now()],
  );
  try {
    await client.query(m.script);
  } catch (e) {
    throw failed(m, e);
  }
  await client.query(
    'UPDATE _prisma_migrations SET finished_at = $1, applied_steps_count = applied_steps_count + 1 WHERE id = $2',
    [now(), id],
  );
  return 'applied';
}
