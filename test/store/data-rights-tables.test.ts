// Erasure seen in the raw tables of SQLite and PostgreSQL: after `erasePerson`, no column of any
// row of any table holds the person's marker, while every number and instant of every row is as it
// was (only the redacted cases' version moves on) and the only new rows are the audit events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { createSchema, PG_SKIP, pgTitle, type TestSchema } from '../fixtures/postgres.ts';
import { at, MIN } from '../support/case-factory.ts';
import { ANA, ANA_MARKER, requestBy, seedStory, TOM, TOM_MARKER } from './data-rights-story.ts';

type Row = Record<string, unknown>;
/** Every row of every table the migrations made, by table. */
type Tables = Record<string, Row[]>;

/**
 * Columns that change when a case is redacted: its version, and when it was last redacted; an
 * answer-bank entry's edit and retirement (an erased entry is retired, by whoever asked), and its
 * PostgreSQL search words (a tsvector of the erased text).
 */
const MOVING: Record<string, ReadonlySet<string>> = {
  cases: new Set(['version', 'redacted_version']),
  answer_bank: new Set(['updated_at', 'retired_at', 'edited_by', 'search']),
};
/** SQLite's full-text index of the answer bank (FTS5's own tables): binary, rewritten with the entries. */
const isIndex = (table: string) => table.startsWith('answer_bank_fts');

/** The full-text index's pages as text (SQLite keeps its words in blobs). */
const indexPages = (tables: Tables): string =>
  Object.entries(tables)
    .filter(([table]) => isIndex(table))
    .flatMap(([, rows]) => rows.flatMap((row) => Object.values(row)))
    .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : ''))
    .join('\n');

/** Each row's numbers and instants (what reports count), as sorted JSON lines per table. */
function kept(tables: Tables, isText: (table: string, column: string, value: unknown) => boolean) {
  return Object.fromEntries(
    Object.entries(tables)
      .filter(([table]) => !isIndex(table))
      .map(([table, rows]) => [
        table,
        rows
          .filter((row) => !(table === 'case_events' && String(row.type).startsWith('data_')))
          .map((row) =>
            JSON.stringify(
              Object.entries(row).filter(
                ([column, value]) => !isText(table, column, value) && !MOVING[table]?.has(column),
              ),
            ),
          )
          .sort(),
      ]),
  );
}

async function eraseAndCompare(
  store: () => Promise<InspectableStore>,
  dump: () => Promise<Tables>,
  isText: (table: string, column: string, value: unknown) => boolean,
) {
  const seeding = await store();
  await seedStory(seeding);
  await seeding.close();
  const before = await dump();
  expect(JSON.stringify(before)).toMatch(ANA_MARKER);
  expect(JSON.stringify(before.answer_bank)).toMatch(ANA_MARKER);
  expect(JSON.stringify(before)).toMatch(TOM_MARKER);

  const erasing = await store();
  await erasing.privacy.erasePerson(ANA, requestBy('operator:dpo', at(600 * MIN)));
  await erasing.privacy.erasePerson(TOM, requestBy('operator:dpo', at(601 * MIN)));
  await erasing.close();
  const after = await dump();

  expect(JSON.stringify(after)).not.toMatch(ANA_MARKER);
  expect(JSON.stringify(after)).not.toMatch(TOM_MARKER);
  // Nor in SQLite's full-text index pages (binary, the words lower-cased inside).
  if (Object.keys(before).some(isIndex)) expect(indexPages(before)).toMatch(ANA_MARKER);
  expect(indexPages(after)).not.toMatch(ANA_MARKER);
  expect(kept(after, isText)).toEqual(kept(before, isText));
  const audit = (after.case_events ?? []).filter((e) => String(e.type).startsWith('data_'));
  expect(audit.map((e) => e.type)).toEqual(['data_erased', 'data_erased', 'data_erased']);
}

describe('erasure in the raw tables: SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-rights-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves no trace of the person's words in any table, and every number and instant as it was", async () => {
    const file = path.join(dir, 'ladder.db');
    const dump = async (): Promise<Tables> => {
      const db = new Database(file, { readonly: true });
      try {
        const tables = db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
          .all() as { name: string }[];
        return Object.fromEntries(
          tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all() as Row[]]),
        );
      } finally {
        db.close();
      }
    };
    await eraseAndCompare(
      () => openStore({ databaseUrl: `file:${file}` }),
      dump,
      (_table, _column, value) => typeof value === 'string',
    );
  });
});

describe.skipIf(PG_SKIP !== null)(pgTitle('erasure in the raw tables: PostgreSQL'), () => {
  let schema: TestSchema | undefined;
  afterAll(async () => {
    await schema?.drop();
  });

  it("leaves no trace of the person's words in any table, and every number and instant as it was", async () => {
    const created = await createSchema();
    schema = created;
    const textColumns = new Set<string>();
    const dump = async (): Promise<Tables> => {
      const columns = await created.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1`,
        [created.name],
      );
      for (const c of columns)
        if (/text|char/.test(c.data_type)) textColumns.add(`${c.table_name}.${c.column_name}`);
      const tables = [...new Set(columns.map((c) => c.table_name))];
      const rows = await Promise.all(tables.map((t) => created.query<Row>(`SELECT * FROM "${t}"`)));
      return Object.fromEntries(tables.map((t, i) => [t, rows[i] ?? []]));
    };
    await eraseAndCompare(
      () => openStore({ databaseUrl: created.url }),
      dump,
      (table, column) => textColumns.has(`${table}.${column}`),
    );
  });
});
