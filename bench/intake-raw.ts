// The raw floors of the intake benchmark: the same rows the app wrote for one case (same row
// mappers), written straight through the driver, with nothing of the app in between.
//   SQLite:     better-sqlite3 prepared statements, one transaction per case, or `batch` cases per
//               transaction (what a raw program does at its best); WAL + synchronous=FULL, as the store.
//   PostgreSQL: pg, one transaction per case, `concurrency` workers on a pg.Pool of that size, each
//               doing BEGIN / the same statements as the store (multi-row INSERT per table) / COMMIT.
// Rows get their own ids and workspace (`prefix`), so they sit in the app's tables without clashing.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Case, CaseEvent, Notice, Timer } from '../src/core/model.ts';
import { postgresConnection } from '../src/store/postgres/connection.ts';
import {
  type Columns,
  caseColumns,
  eventColumns,
  noticeColumns,
  timerColumns,
} from '../src/store/sql/rows.ts';
import { preparedInsert } from './stats.ts';

/** One case as the app stored it: the rows every raw case copies. */
export interface IntakeSample {
  c: Case;
  rows: { notices: readonly Notice[]; timers: Timer[]; events: CaseEvent[] };
}

export interface RawFigures {
  cases: number;
  /** Wall time from the first write to the last commit, in s. */
  elapsedSeconds: number;
  casesPerSecond: number;
}

/** The rows of raw case `i`, under ids and a workspace of its own. */
function rowsOf(sample: IntakeSample, prefix: string) {
  const caseRow = caseColumns(sample.c);
  const timers = sample.rows.timers.map(timerColumns);
  const notices = sample.rows.notices.map(noticeColumns);
  const events = sample.rows.events.map(eventColumns);
  return (i: number, number: number) => {
    const id = `${prefix}-${i}`;
    return {
      case: { ...caseRow, id, workspace: prefix, number },
      timers: timers.map((t) => ({ ...t, id: `${id}-t${t.kind}`, case_id: id })),
      notices: notices.map((n, k) => ({ ...n, id: `${id}-n${k}`, case_id: id, dedupe_key: `${id}:${k}` })),
      events: events.map((e, k) => ({ ...e, id: `${id}-e${k}`, case_id: id })),
    };
  };
}

const figures = (cases: number, started: number): RawFigures => {
  const elapsedSeconds = (performance.now() - started) / 1000;
  return { cases, elapsedSeconds: round(elapsedSeconds), casesPerSecond: cases / elapsedSeconds };
};
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The SQLite floor: `batch` cases per transaction (1 = one transaction per case). */
export function rawSqliteRun(
  file: string,
  sample: IntakeSample,
  options: { seconds: number; batch: number; prefix: string },
): RawFigures {
  const db = new Database(file, { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const rows = rowsOf(sample, options.prefix);
  const shape = rows(0, 0);
  const prepared = (table: string, columns: Columns | undefined) =>
    columns ? preparedInsert(db, table, columns) : undefined;
  const insertCase = preparedInsert(db, 'cases', shape.case);
  const insertTimer = prepared('timers', shape.timers[0]);
  const insertNotice = prepared('outbox', shape.notices[0]);
  const insertEvent = prepared('case_events', shape.events[0]);
  const counter = db.prepare(
    `INSERT INTO case_counters (workspace, next) VALUES (?, 2) ON CONFLICT (workspace) DO UPDATE SET next = next + 1 RETURNING next`,
  );
  const writeOne = (i: number) => {
    const { next } = counter.get(options.prefix) as { next: number };
    const r = rows(i, next - 1);
    insertCase.run(r.case);
    for (const t of r.timers) insertTimer?.run(t);
    for (const n of r.notices) insertNotice?.run(n);
    for (const e of r.events) insertEvent?.run(e);
  };
  const writeBatch = db.transaction((from: number, count: number) => {
    for (let i = from; i < from + count; i++) writeOne(i);
  });
  const started = performance.now();
  const end = started + options.seconds * 1000;
  let i = 0;
  while (performance.now() < end) {
    writeBatch(i, options.batch);
    i += options.batch;
  }
  const result = figures(i, started);
  db.close();
  return result;
}

/** `INSERT INTO table (columns) VALUES ($1, …), (…)` for these rows, with its values in order. */
function insertOf(table: string, rows: readonly Columns[], suffix = ''): { text: string; values: unknown[] } {
  const columns = Object.keys(rows[0] ?? {});
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = columns.map((c) => {
      values.push(row[c] ?? null);
      return `$${values.length}`;
    });
    return `(${slots.join(', ')})`;
  });
  const names = columns.map((c) => `"${c}"`).join(', ');
  return { text: `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(', ')}${suffix}`, values };
}

/**
 * The PostgreSQL floor: `concurrency` workers, each on its own pooled connection, one transaction
 * per case with the store's statements (counter upsert, then one multi-row INSERT per table), as
 * named prepared statements (parsed and planned once per connection).
 */
export async function rawPostgresRun(
  url: string,
  sample: IntakeSample,
  options: { seconds: number; concurrency: number; prefix: string },
): Promise<RawFigures> {
  const { pool: config } = postgresConnection(url);
  const pool = new pg.Pool({ ...config, max: options.concurrency });
  const rows = rowsOf(sample, options.prefix);
  const statements = (i: number, number: number) => {
    const r = rows(i, number);
    const list = [{ name: 'raw-case', ...insertOf('cases', [r.case]) }];
    if (r.timers.length > 0) list.push({ name: 'raw-timers', ...insertOf('timers', r.timers) });
    if (r.notices.length > 0) {
      const skipKnown = ' ON CONFLICT (dedupe_key) DO NOTHING';
      list.push({ name: 'raw-outbox', ...insertOf('outbox', r.notices, skipKnown) });
    }
    if (r.events.length > 0) list.push({ name: 'raw-events', ...insertOf('case_events', r.events) });
    return list;
  };
  const counter = {
    name: 'raw-counter',
    text: `INSERT INTO case_counters (workspace, next) VALUES ($1, 2)
      ON CONFLICT (workspace) DO UPDATE SET next = case_counters.next + 1 RETURNING next`,
    values: [options.prefix],
  };
  let started = 0;
  let end = 0;
  let next = 0;
  let cases = 0;
  const worker = async (client: pg.PoolClient) => {
    while (performance.now() < end) {
      const i = next++;
      await client.query('BEGIN');
      try {
        const { rows: numbered } = await client.query<{ next: number }>(counter);
        for (const statement of statements(i, Number(numbered[0]?.next) - 1)) await client.query(statement);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      cases++;
    }
  };
  // Connections are opened before the clock starts: the floor measures writes, not connecting.
  const clients = await Promise.all(Array.from({ length: options.concurrency }, () => pool.connect()));
  try {
    started = performance.now();
    end = started + options.seconds * 1000;
    await Promise.all(clients.map(worker));
    return figures(cases, started);
  } finally {
    for (const client of clients) client.release();
    await pool.end();
  }
}
