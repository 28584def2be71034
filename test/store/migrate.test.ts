import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { migrationsBefore, migrationsWith as withExtra } from '../support/migrations-dir.ts';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DATABASE_URL,
  databaseKind,
  redactUrl,
  resolveDatabaseUrl,
  sqliteFilePath,
} from '../../src/store/database-url.ts';
import {
  applyMigrations,
  MigrationError,
  readMigrations,
  SQLITE_MIGRATIONS_DIR,
} from '../../src/store/migrate.ts';
import type { Case, Recipient } from '../../src/core/model.ts';
import { paceKeyOf } from '../../src/store/pace-key.ts';
import { caseColumns } from '../../src/store/sql/rows.ts';
import { makeDraft } from '../support/case-factory.ts';
import { homeListCases } from './home-lists.ts';
import { postgresConnection } from '../../src/store/postgres/connection.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ladder-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => path.join(dir, `db-${++files}`, 'ladder.db');
const run = promisify(execFile);
const INIT = '20261123000000_init';
/** Every committed migration, in order: the tests hold as migrations are added. */
const ALL = readMigrations().map((m) => m.name);

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: string | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: string | null;
  started_at: string;
  applied_steps_count: number;
}

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const tables = (file: string) =>
  query<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map(
    (t) => t.name,
  );

const migrationsWith = (extra: Record<string, string>) => withExtra(SQLITE_MIGRATIONS_DIR, dir, extra);
const HOME_LISTS = '20261126000000_home_lists';

/** Inserts `c` with the columns the table has (a schema from before later migrations). */
function insertOldCase(db: Database.Database, c: Case): void {
  const have = new Set(
    (db.prepare('PRAGMA table_info(cases)').all() as { name: string }[]).map((col) => col.name),
  );
  const row = Object.fromEntries(Object.entries(caseColumns(c)).filter(([name]) => have.has(name)));
  const names = Object.keys(row);
  db.prepare(
    `INSERT INTO cases (${names.map((n) => `"${n}"`).join(',')}) VALUES (${names.map((n) => `@${n}`).join(',')})`,
  ).run(row);
}

describe('applyMigrations', () => {
  it('creates the schema in a new file and records it the way Prisma does', async () => {
    const file = newFile();
    const now = new Date('2026-11-23T19:44:08.507Z');
    const report = await applyMigrations(`file:${file}`, { now: () => now });
    expect(report).toEqual({ databaseUrl: `file:${file}`, applied: ALL, alreadyApplied: [] });
    expect(ALL[0]).toBe(INIT);
    expect(tables(file)).toEqual(
      expect.arrayContaining([
        '_prisma_migrations',
        'case_counters',
        'case_events',
        'case_refs',
        'cases',
        'inbound_events',
        'outbox',
        'timers',
      ]),
    );
    const sql = readFileSync(path.join(SQLITE_MIGRATIONS_DIR, INIT, 'migration.sql'));
    const rows = query<MigrationRow>(file, 'SELECT * FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(ALL);
    expect(rows[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      checksum: createHash('sha256').update(sql).digest('hex'),
      finished_at: '2026-11-23T19:44:08.507+00:00',
      migration_name: INIT,
      logs: null,
      rolled_back_at: null,
      started_at: '2026-11-23T19:44:08.507+00:00',
      applied_steps_count: 1,
    });
  });

  it('is idempotent', async () => {
    const file = newFile();
    await applyMigrations(`file:${file}`);
    const again = await applyMigrations(`file:${file}`);
    expect(again).toMatchObject({ applied: [], alreadyApplied: ALL });
    expect(query(file, 'SELECT id FROM _prisma_migrations')).toHaveLength(ALL.length);
  });

  it('refuses a migration whose file changed after it was applied, naming it', async () => {
    const file = newFile();
    await applyMigrations(`file:${file}`);
    const db = new Database(file);
    db.prepare("UPDATE _prisma_migrations SET checksum = 'abc'").run();
    db.close();
    const error = await applyMigrations(`file:${file}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'checksum_mismatch', message: expect.stringContaining(INIT) });
  });

  it('rolls a failing migration back whole, names it, and keeps the earlier ones', async () => {
    const file = newFile();
    const migrationsDir = migrationsWith({
      '99991231000000_broken': 'CREATE TABLE "half" ("a" INTEGER);\nINSERT INTO "nowhere" VALUES (1);\n',
    });
    const error = await applyMigrations(`file:${file}`, { migrationsDir }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'migration_failed',
      message: expect.stringContaining('99991231000000_broken'),
    });
    expect(tables(file)).toContain('cases');
    expect(tables(file)).not.toContain('half');
    const names = query<{ migration_name: string }>(file, 'SELECT migration_name FROM _prisma_migrations');
    expect(names.map((r) => r.migration_name)).toEqual(ALL);
  });

  it('stops at a migration that started earlier and never finished', async () => {
    const file = newFile();
    await applyMigrations(`file:${file}`);
    const db = new Database(file);
    db.prepare('UPDATE _prisma_migrations SET finished_at = NULL').run();
    db.close();
    await expect(applyMigrations(`file:${file}`)).rejects.toMatchObject({ code: 'failed_earlier' });
  });

  it('applies again a migration Prisma was told was rolled back', async () => {
    const file = newFile();
    const migrationsDir = migrationsWith({ '99991231000000_notes': 'CREATE TABLE "notes" ("id" TEXT);\n' });
    await applyMigrations(`file:${file}`, { migrationsDir });
    const db = new Database(file);
    db.exec('DROP TABLE "notes"');
    db.prepare(
      "UPDATE _prisma_migrations SET rolled_back_at = '2026-11-24T00:00:00.000+00:00' WHERE migration_name LIKE '%notes'",
    ).run();
    db.close();
    const report = await applyMigrations(`file:${file}`, { migrationsDir });
    expect(report).toMatchObject({ applied: ['99991231000000_notes'], alreadyApplied: ALL });
    expect(tables(file)).toContain('notes');
  });

  it('leaves Prisma migrate with nothing to do', async () => {
    const file = newFile();
    await applyMigrations(`file:${file}`);
    const env = { ...process.env, DATABASE_URL: `file:${file}` };
    const prisma = path.join(root, 'node_modules/.bin/prisma');
    const schema = ['--schema', 'prisma/sqlite/schema.prisma'];
    const status = await run(prisma, ['migrate', 'status', ...schema], { cwd: root, env });
    expect(status.stdout).toContain('Database schema is up to date');
    const deploy = await run(prisma, ['migrate', 'deploy', ...schema], { cwd: root, env });
    expect(deploy.stdout).toContain('No pending migrations to apply');
    expect(query(file, 'SELECT id FROM _prisma_migrations')).toHaveLength(ALL.length);
  }, 120_000); // two Prisma CLI runs: seconds each, tens of them on a loaded machine

  it('serializes two processes migrating the same file at once (npm run migrate)', async () => {
    const file = newFile();
    const env = { ...process.env, DATABASE_URL: `file:${file}` };
    const cli = () =>
      run(path.join(root, 'node_modules/.bin/tsx'), ['src/store/migrate-cli.ts'], { cwd: root, env });
    const outputs = (await Promise.all([cli(), cli()])).map((o) => o.stdout.trim());
    // Each migration runs in its own transaction, so the two may share the work between them
    // (one applies the first, the other the rest): what matters is that each is applied once.
    const applied = outputs.flatMap((line) => {
      const m = /^migrations: applied (\d+)(?: \(([^)]*)\))?, (\d+) already applied — file:(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(m?.[4]).toBe(file);
      return m?.[2] ? m[2].split(', ') : [];
    });
    expect(applied.sort()).toEqual([...ALL].sort());
    expect(query(file, 'SELECT id FROM _prisma_migrations')).toHaveLength(ALL.length);
  }, 120_000);

  it('gives notices written before the pacing migration their destination', async () => {
    const file = newFile();
    const before = migrationsBefore(SQLITE_MIGRATIONS_DIR, dir, '20261124000000_outbox_pacing');
    await applyMigrations(`file:${file}`, { migrationsDir: before });
    const db = new Database(file);
    const insert = db.prepare(
      `INSERT INTO outbox (id, case_id, recipient, "key", params, actions, locale, time_zone, dedupe_key,
         created_at, status, attempts, next_attempt_at) VALUES (?, 'c', ?, 'k', '{}', '[]', 'en', 'UTC', ?, 0, 'pending', 0, 0)`,
    );
    const recipients = [
      { kind: 'customer', customerId: 'u', conversation: 'slack:T1:C1:1.2' },
      { kind: 'person', personId: 'tom' },
      { kind: 'triage', teamId: 'support' },
      { kind: 'supervisors', teamId: 'support' },
      { kind: 'customer', customerId: 'u', conversation: 'discord:G1:111' },
      { kind: 'customer', customerId: 'u', conversation: 'slack:T1:D5' },
    ];
    recipients.forEach((r, i) => insert.run(`n${i}`, JSON.stringify(r), `d${i}`));
    db.close();
    expect(await applyMigrations(`file:${file}`)).toMatchObject({
      applied: ALL.slice(ALL.indexOf('20261124000000_outbox_pacing')),
    });
    const keys = query<{ pace_key: string }>(file, 'SELECT pace_key FROM outbox ORDER BY id').map(
      (r) => r.pace_key,
    );
    // After every migration: a Slack thread counts against its channel (20261127000000).
    expect(keys).toEqual([
      'conversation:slack:T1:C1',
      'person:tom',
      'triage:support',
      'supervisors:support',
      'conversation:discord:G1:111',
      'conversation:slack:T1:D5',
    ]);
    // The same keys the stores derive for new notices.
    expect(keys).toEqual(recipients.map((r) => paceKeyOf(r as Recipient)));
  });

  it('counts the cases already waiting when the queue counter arrives', async () => {
    const file = newFile();
    const before = migrationsBefore(SQLITE_MIGRATIONS_DIR, dir, '20261125000000_queue_counters');
    await applyMigrations(`file:${file}`, { migrationsDir: before });
    const db = new Database(file);
    const overrides = [{}, {}, { ownerId: 'tom' }, { team: 'it' }, { status: 'resolved' as const }];
    for (const [i, o] of overrides.entries()) insertOldCase(db, { ...makeDraft(o), number: i + 1 });
    db.close();
    expect(await applyMigrations(`file:${file}`)).toMatchObject({
      applied: ALL.slice(ALL.indexOf('20261125000000_queue_counters')),
    });
    expect(query(file, 'SELECT team, waiting FROM queue_counters ORDER BY team')).toEqual([
      { team: 'finance', waiting: 2 },
      { team: 'it', waiting: 1 },
    ]);
  });

  it('copies the approval status, running due time and risk band out of the JSON of cases written before', async () => {
    const file = newFile();
    const before = migrationsBefore(SQLITE_MIGRATIONS_DIR, dir, HOME_LISTS);
    await applyMigrations(`file:${file}`, { migrationsDir: before });
    const db = new Database(file);
    const cases = homeListCases();
    for (const c of cases) insertOldCase(db, c);
    db.close();
    expect(await applyMigrations(`file:${file}`)).toMatchObject({
      applied: ALL.slice(ALL.indexOf(HOME_LISTS)),
    });
    const rows = query<Record<string, unknown>>(
      file,
      'SELECT approval_status, window_due_at, risk_band FROM cases ORDER BY "number"',
    );
    // The same values the row mapper writes for new rows (to the millisecond).
    expect(rows).toEqual(
      cases.map((c) => {
        const { approval_status, window_due_at, risk_band } = caseColumns(c);
        return {
          approval_status,
          window_due_at: window_due_at === null ? null : Number(window_due_at),
          risk_band,
        };
      }),
    );
  });

  it('refuses a URL that is neither SQLite nor PostgreSQL, naming it', async () => {
    await expect(applyMigrations('mysql://localhost/ladder')).rejects.toMatchObject({
      code: 'unsupported_database',
      message: expect.stringContaining('mysql://localhost/ladder'),
    });
  });
});

describe('database URLs', () => {
  it('takes the explicit URL, else DATABASE_URL, else the default file', () => {
    expect(resolveDatabaseUrl('file:/x.db', { DATABASE_URL: 'file:/y.db' })).toBe('file:/x.db');
    expect(resolveDatabaseUrl(undefined, { DATABASE_URL: 'file:/y.db' })).toBe('file:/y.db');
    expect(resolveDatabaseUrl(undefined, { DATABASE_URL: ' ' })).toBe(DEFAULT_DATABASE_URL);
    expect(resolveDatabaseUrl(undefined, {})).toBe('file:./data/ladder.db');
  });

  it('resolves SQLite files against the working directory', () => {
    expect(sqliteFilePath('file:./data/ladder.db', '/srv/app')).toBe('/srv/app/data/ladder.db');
    expect(sqliteFilePath('file:dev.db?connection_limit=1', '/srv/app')).toBe('/srv/app/dev.db');
    expect(sqliteFilePath('file:/var/lib/ladder.db', '/srv/app')).toBe('/var/lib/ladder.db');
    expect(sqliteFilePath('file:///var/lib/ladder.db', '/srv/app')).toBe('/var/lib/ladder.db');
    expect(() => sqliteFilePath('file::memory:')).toThrow(/names no file/);
  });

  it('tells SQLite from PostgreSQL and rejects anything else', () => {
    expect(databaseKind('file:./x.db')).toBe('sqlite');
    expect(databaseKind('postgresql://u@h/db')).toBe('postgresql');
    expect(databaseKind('postgres://u@h/db')).toBe('postgresql');
    expect(() => databaseKind('mysql://h/db')).toThrow(/Unsupported DATABASE_URL/);
  });
});

describe('PostgreSQL URLs', () => {
  it('takes the schema and pool size out of the URL, and points search_path at the schema', () => {
    expect(
      postgresConnection(
        'postgresql://app:pw@db:5432/ladder?schema=support&connection_limit=4&sslmode=require',
      ),
    ).toEqual({
      schema: 'support',
      pool: {
        connectionString: 'postgresql://app:pw@db:5432/ladder?sslmode=require',
        max: 4,
        options: '-c search_path=support',
      },
    });
    expect(postgresConnection('postgres://db/ladder')).toMatchObject({ schema: 'public', pool: { max: 10 } });
  });

  it('refuses a schema name it would have to quote, and a pool size that is not a count', () => {
    expect(() => postgresConnection('postgresql://db/x?schema=a;drop')).toThrow(/schema "a;drop"/);
    expect(() => postgresConnection('postgresql://db/x?connection_limit=0')).toThrow(/connection_limit/);
  });

  it('hides a password when a URL is shown', () => {
    expect(redactUrl('postgresql://app:s3cret@db:5432/ladder?schema=x')).toBe(
      'postgresql://app:***@db:5432/ladder?schema=x',
    );
    expect(redactUrl('postgresql://app@db/ladder')).toBe('postgresql://app@db/ladder');
    expect(redactUrl('file:./data/ladder.db')).toBe('file:./data/ladder.db');
  });
});
