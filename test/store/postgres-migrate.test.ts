// Migrations on real PostgreSQL: committed SQL applied by the app in one transaction per
// migration under Prisma Migrate's advisory lock, recorded in `_prisma_migrations` as Prisma does.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { migrationsBefore, migrationsWith as withExtra } from '../support/migrations-dir.ts';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, POSTGRES_MIGRATIONS_DIR, readMigrations } from '../../src/store/migrate.ts';
import { PRISMA_MIGRATE_LOCK } from '../../src/store/postgres/migrate-postgres.ts';
import { caseColumns } from '../../src/store/sql/rows.ts';
import { createSchema, PG_SKIP, PG_URL, pgTitle, type TestSchema } from '../fixtures/postgres.ts';
import { homeListCases } from './home-lists.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ladder-pg-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ALL = readMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name);

const migrationsWith = (extra: Record<string, string>) => withExtra(POSTGRES_MIGRATIONS_DIR, dir, extra);

describe.skipIf(PG_SKIP !== null)(pgTitle('PostgreSQL migrations'), () => {
  let schema: TestSchema;
  beforeEach(async () => {
    schema = await createSchema();
  });
  afterEach(async () => {
    await schema.drop();
  });
  const tables = async () =>
    (
      await schema.query<{ tablename: string }>(
        'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename',
        [schema.name],
      )
    ).map((t) => t.tablename);

  it('creates the schema and records each migration the way Prisma does on PostgreSQL', async () => {
    const now = new Date('2026-11-24T10:00:00.507Z');
    const report = await applyMigrations(schema.url, { now: () => now });
    expect(report).toEqual({ databaseUrl: schema.url, applied: ALL, alreadyApplied: [] });
    expect(await tables()).toEqual([
      '_prisma_migrations',
      'answer_bank',
      'case_counters',
      'case_events',
      'case_refs',
      'cases',
      'inbound_events',
      'incidents',
      'outbox',
      'pace_keys',
      'queue_counters',
      'staff_away',
      'timers',
    ]);
    const columns = await schema.query<{ column_name: string; data_type: string; max: number | null }>(
      `SELECT column_name, data_type, character_maximum_length AS max FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      [schema.name],
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.max])).toEqual([
      ['id', 'character varying', 36],
      ['checksum', 'character varying', 64],
      ['finished_at', 'timestamp with time zone', null],
      ['migration_name', 'character varying', 255],
      ['logs', 'text', null],
      ['rolled_back_at', 'timestamp with time zone', null],
      ['started_at', 'timestamp with time zone', null],
      ['applied_steps_count', 'integer', null],
    ]);
    const [row] = await schema.query('SELECT * FROM _prisma_migrations WHERE migration_name = $1', [ALL[0]]);
    const sql = readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, ALL[0] ?? '', 'migration.sql'));
    expect(row).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      checksum: createHash('sha256').update(sql).digest('hex'),
      finished_at: now,
      migration_name: ALL[0],
      logs: null,
      rolled_back_at: null,
      started_at: now,
      applied_steps_count: 1,
    });
  });

  it('moves the pace key of notices to Slack threads written before onto their channel', async () => {
    const SLACK_PACE = '20261127000000_slack_channel_pace';
    const before = migrationsBefore(POSTGRES_MIGRATIONS_DIR, dir, SLACK_PACE);
    await applyMigrations(schema.url, { migrationsDir: before });
    const keys = [
      'conversation:slack:T1:C1:1.2',
      'conversation:discord:G1:111',
      'conversation:slack:T1:D5',
      'person:tom',
    ];
    for (const [i, key] of keys.entries()) {
      await schema.query(
        `INSERT INTO outbox (id, case_id, recipient, "key", params, actions, locale, time_zone, dedupe_key,
           created_at, status, attempts, next_attempt_at, pace_key)
         VALUES ($1, 'c', '{}', 'k', '{}', '[]', 'en', 'UTC', $1, 0, 'pending', 0, 0, $2)`,
        [`n${i}`, key],
      );
    }
    expect(await applyMigrations(schema.url)).toMatchObject({ applied: ALL.slice(ALL.indexOf(SLACK_PACE)) });
    const rows = await schema.query<{ pace_key: string }>('SELECT pace_key FROM outbox ORDER BY id');
    expect(rows.map((r) => r.pace_key)).toEqual([
      'conversation:slack:T1:C1',
      'conversation:discord:G1:111',
      'conversation:slack:T1:D5',
      'person:tom',
    ]);
  });

  it('copies the approval status, running due time and risk band out of the JSON of cases written before', async () => {
    const HOME_LISTS = '20261126000000_home_lists';
    const before = migrationsBefore(POSTGRES_MIGRATIONS_DIR, dir, HOME_LISTS);
    await applyMigrations(schema.url, { migrationsDir: before });
    const have = new Set(
      (
        await schema.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'cases'`,
          [schema.name],
        )
      ).map((c) => c.column_name),
    );
    const cases = homeListCases();
    for (const c of cases) {
      const row = Object.entries(caseColumns(c)).filter(([name]) => have.has(name));
      await schema.query(
        `INSERT INTO cases (${row.map(([n]) => `"${n}"`).join(', ')}) VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`,
        row.map(([, v]) => (typeof v === 'bigint' ? v.toString() : v)),
      );
    }
    expect(await applyMigrations(schema.url)).toMatchObject({ applied: ALL.slice(ALL.indexOf(HOME_LISTS)) });
    const rows = await schema.query(
      'SELECT approval_status, window_due_at::text AS window_due_at, risk_band FROM cases ORDER BY "number"',
    );
    // The same values the row mapper writes for new rows (to the millisecond).
    expect(rows).toEqual(
      cases.map((c) => {
        const { approval_status, window_due_at, risk_band } = caseColumns(c);
        return { approval_status, window_due_at: window_due_at?.toString() ?? null, risk_band };
      }),
    );
  });

  it('is idempotent, and refuses a migration changed after it was applied', async () => {
    await applyMigrations(schema.url);
    expect(await applyMigrations(schema.url)).toMatchObject({ applied: [], alreadyApplied: ALL });
    await schema.query("UPDATE _prisma_migrations SET checksum = 'abc'");
    await expect(applyMigrations(schema.url)).rejects.toMatchObject({
      code: 'checksum_mismatch',
      message: expect.stringContaining(ALL[0] ?? ''),
    });
  });

  it('rolls a failing migration back whole, DDL included, with no bookkeeping row', async () => {
    const migrationsDir = migrationsWith({
      '99991231000000_broken': 'CREATE TABLE "half" ("a" INTEGER);\nINSERT INTO "nowhere" VALUES (1);\n',
    });
    const error = await applyMigrations(schema.url, { migrationsDir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'migration_failed', message: expect.stringContaining('_broken') });
    expect(await tables()).toContain('cases');
    expect(await tables()).not.toContain('half');
    const names = await schema.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations',
    );
    expect(names.map((r) => r.migration_name).sort()).toEqual(ALL);
  });

  it('stops at a migration that started earlier and never finished (Prisma left it failed)', async () => {
    await applyMigrations(schema.url);
    await schema.query('UPDATE _prisma_migrations SET finished_at = NULL');
    await expect(applyMigrations(schema.url)).rejects.toMatchObject({ code: 'failed_earlier' });
  });

  it("waits for Prisma Migrate's advisory lock, then applies", async () => {
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
      let done = false;
      const migrating = applyMigrations(schema.url).finally(() => {
        done = true;
      });
      // The migrator shows up waiting on that very lock (pg_locks), and has not applied anything.
      const waiting = async () =>
        (
          await holder.query(
            `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1`,
            [PRISMA_MIGRATE_LOCK],
          )
        ).rowCount === 1;
      const deadline = Date.now() + 10_000;
      while (!(await waiting())) {
        if (Date.now() > deadline) throw new Error('the migrator never waited on the lock');
      }
      expect(done).toBe(false);
      expect(await tables()).toEqual([]);
      await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
      expect((await migrating).applied).toEqual(ALL);
    } finally {
      await holder.end();
    }
  });

  it('N processes migrating at once (npm run migrate) apply each migration once', async () => {
    // The test holds the lock until all N are queued on it, so they really do start together.
    const N = 5;
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
      const env = { ...process.env, DATABASE_URL: schema.url };
      const cli = () =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/store/migrate-cli.ts'], {
          cwd: root,
          env,
        });
      const runs = Promise.all(Array.from({ length: N }, cli));
      const waiters = async () =>
        (
          await holder.query(
            `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1`,
            [PRISMA_MIGRATE_LOCK],
          )
        ).rowCount;
      const deadline = Date.now() + 30_000;
      while ((await waiters()) !== N) {
        if (Date.now() > deadline) throw new Error(`not all ${N} migrators queued on the lock`);
      }
      await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
      const outputs = (await runs).map((o) => o.stdout.trim());
      // Each migration is its own transaction under the lock, so the migrators may share the work;
      // together they must apply each migration exactly once.
      const applied = outputs.flatMap((line) => {
        const m = /^migrations: applied (\d+)(?: \(([^)]*)\))?, (\d+) already applied — (.*)$/.exec(line);
        expect(m, line).not.toBeNull();
        expect(m?.[4]).toBe(schema.url);
        return m?.[2] ? m[2].split(', ') : [];
      });
      expect(outputs).toHaveLength(N);
      expect(applied.sort()).toEqual([...ALL].sort());
    } finally {
      await holder.end();
    }
    const rows = await schema.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations',
    );
    expect(rows.map((r) => r.migration_name).sort()).toEqual(ALL);
  });
});
