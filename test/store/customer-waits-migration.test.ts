// The customer-waits migration on a database at the migration before it, on SQLite and PostgreSQL:
// cases written before get their promise id (so a healthy database is not reported broken), their
// policy snapshot's missing fields read back as the defaults, and Prisma's schema agrees.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Case, POLICY_FIELD_DEFAULTS, type PolicySnapshot, type Timer } from '../../src/core/model.ts';
import {
  applyMigrations,
  POSTGRES_MIGRATIONS_DIR,
  readMigrations,
  SQLITE_MIGRATIONS_DIR,
} from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/open-store.ts';
import { caseColumns, type Columns, timerColumns } from '../../src/store/sql/rows.ts';
import { at, MIN, makeDraft, makeTimer, policySnapshot } from '../support/case-factory.ts';
import { migrationsBefore } from '../support/migrations-dir.ts';
import { createSchema, PG_SKIP, pgTitle, type TestSchema } from '../fixtures/postgres.ts';
import { approval, windowDue } from './home-lists.ts';

const CUSTOMER_WAITS = '20261207000000_customer_waits';
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ladder-waits-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A policy snapshot as written before the four new fields existed. */
function oldPolicy(): PolicySnapshot {
  const {
    customerReminderAfterMinutes: _r,
    autoCloseAfterMinutes: _a,
    reopenWithinMinutes: _o,
    reassignAfterMisses: _m,
    ...old
  } = policySnapshot();
  return old as PolicySnapshot;
}

/** Cases 1..6 as an older release wrote them (no wait, old policy), with their timers. */
function oldRows(): { cases: Case[]; timers: Timer[]; broken: string[] } {
  const shapes: Partial<Case>[] = [
    {}, // 1: a running window and its live miss timer
    { status: 'waiting_on_expert', window: windowDue(at(60 * MIN), true) }, // 2: paused while on staff
    { status: 'resolved', window: null }, // 3
    {
      status: 'awaiting_approval',
      approval: approval('pending'),
      window: { ...windowDue(at(90 * MIN)), kind: 'approval' },
    }, // 4: a decision window and its miss timer
    { status: 'waiting_on_customer', window: windowDue(at(60 * MIN), true) }, // 5: no wait yet
    {}, // 6: its miss timer was cancelled
  ];
  const cases = shapes.map((shape, i) => ({ ...makeDraft(shape), policy: oldPolicy(), number: i + 1 }));
  const timers = cases
    .filter((c) => c.window !== null)
    .map((c) =>
      makeTimer(c, { windowId: c.window?.id ?? '', status: c.number === 6 ? 'cancelled' : 'pending' }),
    );
  const broken = [2, 5, 6].map((n) => cases[n - 1]?.id ?? '');
  return { cases, timers, broken };
}

/** What the store reads back: the defaults fill the snapshot's missing fields. */
const readBack = (c: Case): Case => ({ ...c, policy: { ...POLICY_FIELD_DEFAULTS, ...c.policy } });

/** Checks the migrated database at `url` (its promise ids as read raw) through a store opened on it. */
async function checkMigrated(
  url: string,
  promiseIds: (string | null)[],
  rows: ReturnType<typeof oldRows>,
): Promise<void> {
  // The same values the row mapper writes for these cases today.
  expect(promiseIds).toEqual(rows.cases.map((c) => caseColumns(c).promise_id));
  expect(promiseIds.filter((id) => id !== null)).toHaveLength(3);
  const store = await openStore({ databaseUrl: url });
  try {
    for (const c of rows.cases) expect(await store.cases.getCase(c.id)).toEqual(readBack(c));
    expect((await store.cases.getCase(rows.cases[0]?.id ?? ''))?.policy.reassignAfterMisses).toBeNull();
    expect(await store.cases.listBrokenPromises(10)).toEqual(rows.broken);
  } finally {
    await store.close();
  }
}

/**
 * Tables with their columns and indexes as SQLite describes them (column order aside: ALTER TABLE
 * appends). Partial indexes, triggers and full-text tables (a virtual table and the shadow tables
 * FTS5 keeps for it, named after it) are left out: Prisma cannot declare them.
 */
function shapeOf(file: string) {
  const db = new Database(file, { readonly: true });
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  try {
    const virtual = all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`,
    ).map((t) => t.name);
    const tables = all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name <> '_prisma_migrations' ORDER BY name`,
    ).filter(({ name }) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
    return tables.map(({ name }) => ({
      name,
      columns: all<Record<string, unknown>>(`PRAGMA table_info("${name}")`)
        .map((c) => [c.name, c.type, c.notnull, c.dflt_value, c.pk].join(' '))
        .sort(),
      indexes: all<{ name: string; unique: number; partial: number }>(`PRAGMA index_list("${name}")`)
        .filter((i) => i.partial === 0)
        .map((i) => {
          const columns = all<{ name: string }>(`PRAGMA index_info("${i.name}")`).map((c) => c.name);
          return `${i.name} ${i.unique} ${columns.join(',')}`;
        })
        .sort(),
    }));
  } finally {
    db.close();
  }
}

/** Only the columns the table has: a schema from before the migration. */
const existing = (row: Columns, have: Set<string>) => Object.entries(row).filter(([name]) => have.has(name));

describe('customer-waits migration on SQLite', () => {
  let files = 0;
  const newUrl = () => `file:${path.join(dir, `db-${++files}`, 'ladder.db')}`;

  it('back-fills the promise id of cases written before, and their policy reads with the defaults', async () => {
    const url = newUrl();
    const before = migrationsBefore(SQLITE_MIGRATIONS_DIR, dir, CUSTOMER_WAITS);
    await applyMigrations(url, { migrationsDir: before });
    const rows = oldRows();
    const db = new Database(url.slice('file:'.length));
    const insert = (table: string, row: Columns) => {
      const have = new Set(
        (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
      );
      const values = existing(row, have);
      db.prepare(
        `INSERT INTO ${table} (${values.map(([n]) => `"${n}"`).join(', ')}) VALUES (${values.map(() => '?').join(', ')})`,
      ).run(...values.map(([, v]) => v));
    };
    for (const c of rows.cases) insert('cases', caseColumns(c));
    for (const t of rows.timers) insert('timers', timerColumns(t));
    db.close();
    const all = readMigrations(SQLITE_MIGRATIONS_DIR).map((m) => m.name);
    expect(await applyMigrations(url)).toMatchObject({ applied: all.slice(all.indexOf(CUSTOMER_WAITS)) });
    const check = new Database(url.slice('file:'.length), { readonly: true });
    const ids = check.prepare('SELECT promise_id FROM cases ORDER BY "number"').all() as {
      promise_id: string;
    }[];
    check.close();
    await checkMigrated(
      url,
      ids.map((r) => r.promise_id),
      rows,
    );
  });

  it("agrees with schema.prisma: Prisma's own DDL for it builds the same tables, columns and indexes", async () => {
    const migrated = newUrl();
    await applyMigrations(migrated);
    // `migrate diff` from nothing prints the DDL Prisma derives from the schema (its adapter opens
    // some database file, in a directory that must exist, and writes nothing to it).
    const { stdout } = await promisify(execFile)(
      path.join(root, 'node_modules/.bin/prisma'),
      ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/sqlite/schema.prisma', '--script'],
      { cwd: root, env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'prisma-diff.db')}` } },
    );
    const fromSchema = path.join(dir, 'from-schema.db');
    const db = new Database(fromSchema);
    db.exec(stdout);
    db.close();
    expect(shapeOf(fromSchema)).toEqual(shapeOf(migrated.slice('file:'.length)));
  });
});

describe.skipIf(PG_SKIP !== null)(pgTitle('customer-waits migration on PostgreSQL'), () => {
  let schema: TestSchema;
  beforeEach(async () => {
    schema = await createSchema();
  });
  afterEach(async () => {
    await schema.drop();
  });

  it('back-fills the promise id of cases written before, and their policy reads with the defaults', async () => {
    const before = migrationsBefore(POSTGRES_MIGRATIONS_DIR, dir, CUSTOMER_WAITS);
    await applyMigrations(schema.url, { migrationsDir: before });
    const rows = oldRows();
    const insert = async (table: string, row: Columns) => {
      const columns = await schema.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
        [schema.name, table],
      );
      const values = existing(row, new Set(columns.map((c) => c.column_name)));
      await schema.query(
        `INSERT INTO ${table} (${values.map(([n]) => `"${n}"`).join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
        values.map(([, v]) => (typeof v === 'bigint' ? v.toString() : v)),
      );
    };
    for (const c of rows.cases) await insert('cases', caseColumns(c));
    for (const t of rows.timers) await insert('timers', timerColumns(t));
    const all = readMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name);
    expect(await applyMigrations(schema.url)).toMatchObject({
      applied: all.slice(all.indexOf(CUSTOMER_WAITS)),
    });
    const ids = await schema.query<{ promise_id: string | null }>(
      'SELECT promise_id FROM cases ORDER BY "number"',
    );
    await checkMigrated(
      schema.url,
      ids.map((r) => r.promise_id),
      rows,
    );
  });
});
