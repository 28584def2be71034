// Intake throughput: cases opened per second through the desk (SQLite), sustained for a while,
// with open-to-acknowledged latency (the call returns once the case, its timers and the
// acknowledgement are committed), against the raw driver writing the same rows in the same run.
//   node --import tsx bench/intake.ts [--seconds 20] [--concurrency 16]
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createDesk } from '../src/core/desk.ts';
import type { Case, CaseEvent, Notice, Timer } from '../src/core/model.ts';
import type { CaseStore } from '../src/core/ports.ts';
import { openStore } from '../src/store/open-store.ts';
import { caseColumns, eventColumns, noticeColumns, timerColumns } from '../src/store/sql/rows.ts';
import { customer, deskConfig } from '../test/support/desk-fixture.ts';
import { percentile, preparedInsert, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '16' } },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const clock = { now: () => new Date() };

async function appRun(
  store: CaseStore,
): Promise<{ cases: number; latencies: number[]; sample: { c: Case; rows: Rows } }> {
  const desk = createDesk({ store, clock, ids: { next: randomUUID }, config: deskConfig() });
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  let sample: { c: Case; rows: Rows } | undefined;
  const worker = async () => {
    while (performance.now() < end) {
      const i = n++;
      const started = performance.now();
      const result = await desk.openCase({
        workspace: 'bench',
        audience: 'internal',
        conversation: `slack:T1:C1:${i}`,
        customer: { ...customer, id: `slack:T1:U${i % 500}` },
        text: 'The export page times out after the upgrade',
        topic: 'billing',
      });
      latencies.push(performance.now() - started);
      sample ??= { c: result.case, rows: { notices: result.notices, timers: [], events: [] } };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (!sample) throw new Error('no case opened');
  sample.rows.timers = await store.listTimers(sample.c.id);
  sample.rows.events = await store.listEvents(sample.c.id);
  return { cases: latencies.length, latencies, sample };
}

interface Rows {
  notices: readonly Notice[];
  timers: Timer[];
  events: CaseEvent[];
}

/** The floor: the same rows written with prepared statements, one transaction per case. */
function rawRun(file: string, sample: { c: Case; rows: Rows }): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const prepared = (table: string, columns: Record<string, unknown>) => preparedInsert(db, table, columns);
  const caseRow = caseColumns(sample.c);
  const insertCase = prepared('cases', caseRow);
  const counter = db.prepare(
    `INSERT INTO case_counters (workspace, next) VALUES ('raw', 2) ON CONFLICT (workspace) DO UPDATE SET next = next + 1 RETURNING next`,
  );
  const timers = sample.rows.timers.map(timerColumns);
  const notices = sample.rows.notices.map(noticeColumns);
  const events = sample.rows.events.map(eventColumns);
  const insertTimer = prepared('timers', timers[0] ?? {});
  const insertNotice = prepared('outbox', notices[0] ?? {});
  const insertEvent = prepared('case_events', events[0] ?? {});
  const writeOne = db.transaction((i: number) => {
    const { next } = counter.get() as { next: number };
    const id = `raw-${i}`;
    insertCase.run({ ...caseRow, id, workspace: 'raw', number: next - 1 });
    for (const t of timers) insertTimer.run({ ...t, id: `${id}-t${t.kind}`, case_id: id });
    for (const [k, n] of notices.entries())
      insertNotice.run({ ...n, id: `${id}-n${k}`, case_id: id, dedupe_key: `${id}:${k}` });
    for (const [k, e] of events.entries()) insertEvent.run({ ...e, id: `${id}-e${k}`, case_id: id });
  });
  const end = performance.now() + seconds * 1000;
  let i = 0;
  while (performance.now() < end) writeOne(i++);
  db.close();
  return i / seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
const url = `file:${join(dir, 'intake.db')}`;
const store = await openStore({ databaseUrl: url });
const app = await appRun(store);
await store.close();
const rawPerSecond = rawRun(join(dir, 'intake.db'), app.sample);
const perSecond = app.cases / seconds;
const result = {
  store: 'sqlite',
  seconds,
  concurrency,
  casesPerSecond: Math.round(perSecond),
  rawCasesPerSecond: Math.round(rawPerSecond),
  fractionOfRaw: Number((perSecond / rawPerSecond).toFixed(3)),
  latencyMs: {
    p50: percentile(app.latencies, 50),
    p99: percentile(app.latencies, 99),
    max: percentile(app.latencies, 100),
  },
  goals: { casesPerSecond: 3000, p99Ms: 50 },
};
writeResult('intake-sqlite', result);
console.log(JSON.stringify(result, null, 2));
