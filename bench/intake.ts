// Intake throughput: cases opened per second through the desk, sustained for a while, with
// open-to-acknowledged latency (the call returns once the case, its timers and the acknowledgement
// are committed), against the raw driver writing the same rows in the same run (bench/intake-raw.ts).
//   node --import tsx bench/intake.ts [--store sqlite|postgres] [--seconds 20] [--concurrency 16]
//     [--batch 100] [--url postgresql://postgres@127.0.0.1:5432/test?schema=bench_intake]
// SQLite: a fresh file in a temp directory; two floors, one transaction per case and `batch` cases
// per transaction. PostgreSQL: the schema named in --url is DROPPED and recreated, then migrated by
// openStore; the app's pool and the floor's pool both have `concurrency` connections.
import { newId } from '../src/ids.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDesk } from '../src/core/desk.ts';
import type { InspectableStore } from '../src/store/store.ts';
import { openStore } from '../src/store/open-store.ts';
import { postgresConnection } from '../src/store/postgres/connection.ts';
import { customer, deskConfig } from '../test/support/desk-fixture.ts';
import { type IntakeSample, rawPostgresRun, rawSqliteRun } from './intake-raw.ts';
import { percentile, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    batch: { type: 'string', default: '100' },
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/test?schema=bench_intake' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const batch = Number(values.batch);
if (values.store !== 'sqlite' && values.store !== 'postgres') {
  throw new Error(`--store ${values.store}: use sqlite or postgres`);
}
const clock = { now: () => new Date() };

interface AppFigures {
  cases: number;
  elapsedSeconds: number;
  /** Node's CPU time over wall time during the run (1 = one core busy throughout). */
  cpuShare: number;
  latencies: number[];
  /** Cases acknowledged in each second of the run (is the rate sustained?). */
  bySecond: number[];
  sample: IntakeSample;
}

async function appRun(store: InspectableStore): Promise<AppFigures> {
  const desk = createDesk({
    store,
    clock,
    ids: { next: () => newId() },
    config: deskConfig(),
  });
  const latencies: number[] = [];
  const bySecond: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  let n = 0;
  let first: IntakeSample['c'] | undefined;
  let notices: IntakeSample['rows']['notices'] = [];
  const worker = async () => {
    while (performance.now() < end) {
      const i = n++;
      const opened = performance.now();
      const result = await desk.openCase({
        workspace: 'bench',
        audience: 'internal',
        conversation: `slack:T1:C1:${i}`,
        // A new person each time: every request opens its own case (one person's many requests
        // would meet the intake limit and become details on their open case).
        customer: { ...customer, id: `slack:T1:U${i}` },
        text: 'The export page times out after the upgrade',
        topic: 'billing',
      });
      const acknowledged = performance.now();
      latencies.push(acknowledged - opened);
      const second = Math.floor((acknowledged - started) / 1000);
      bySecond[second] = (bySecond[second] ?? 0) + 1;
      if (!first) {
        first = result.case;
        notices = result.notices;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedSeconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const cpuShare = (user + system) / 1e6 / elapsedSeconds;
  if (!first) throw new Error('no case opened');
  const timers = await store.cases.listTimers(first.id);
  const events = await store.inspect.listEvents(first.id);
  return {
    cases: latencies.length,
    elapsedSeconds,
    cpuShare,
    latencies,
    bySecond: Array.from(bySecond, (count) => count ?? 0),
    sample: { c: first, rows: { notices, timers, events } },
  };
}

/** Drops and recreates the bench schema, so every run starts empty (openStore then migrates it). */
async function freshSchema(url: string): Promise<void> {
  const { pool, schema } = postgresConnection(url);
  if (schema === 'public') throw new Error('--url must name a schema of its own (?schema=bench_intake)');
  const client = new pg.Client(pool);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await client.end();
  }
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits));
const fraction = (app: number, raw: number) => round(app / raw, 3);

let storeLabel: string;
let app: AppFigures;
let floors: Record<string, number | string>;
let resultName: string;

if (values.store === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  const file = join(dir, 'intake.db');
  const store = await openStore({ databaseUrl: `file:${file}` });
  app = await appRun(store);
  await store.close();
  const perCase = rawSqliteRun(file, app.sample, { seconds, batch: 1, prefix: 'raw' });
  const batched = rawSqliteRun(file, app.sample, { seconds, batch, prefix: 'rawb' });
  rmSync(dir, { recursive: true, force: true });
  const perSecond = app.cases / app.elapsedSeconds;
  storeLabel = 'sqlite';
  resultName = 'intake-sqlite';
  floors = {
    rawCasesPerSecond: round(perCase.casesPerSecond),
    rawBatchedCasesPerSecond: round(batched.casesPerSecond),
    rawBatch: batch,
    fractionOfRaw: fraction(perSecond, perCase.casesPerSecond),
    fractionOfRawBatched: fraction(perSecond, batched.casesPerSecond),
    durability: 'WAL, synchronous=FULL (app store and both floors)',
  };
} else {
  const { schema } = postgresConnection(values.url);
  await freshSchema(values.url);
  // The app's pool (Prisma's connection_limit) gets the same size as the floor's pg.Pool.
  const url = new URL(values.url);
  url.searchParams.set('connection_limit', String(concurrency));
  const store = await openStore({ databaseUrl: url.toString() });
  app = await appRun(store);
  await store.close();
  const raw = await rawPostgresRun(url.toString(), app.sample, { seconds, concurrency, prefix: 'raw' });
  const perSecond = app.cases / app.elapsedSeconds;
  storeLabel = 'postgres';
  resultName = 'intake-postgres';
  floors = {
    rawCasesPerSecond: round(raw.casesPerSecond),
    fractionOfRaw: fraction(perSecond, raw.casesPerSecond),
    poolSize: concurrency,
    schema,
  };
}

const result = {
  store: storeLabel,
  seconds,
  elapsedSeconds: round(app.elapsedSeconds, 3),
  concurrency,
  cases: app.cases,
  casesPerSecond: round(app.cases / app.elapsedSeconds),
  ...floors,
  appCpuShare: round(app.cpuShare, 2),
  appCasesBySecond: app.bySecond,
  latencyMs: {
    p50: percentile(app.latencies, 50),
    p99: percentile(app.latencies, 99),
    max: percentile(app.latencies, 100),
  },
  // The issue sets figures for SQLite only; PostgreSQL is measured and reported, with no goal.
  goals:
    storeLabel === 'sqlite' ? { casesPerSecond: 3000, p99Ms: 50 } : { casesPerSecond: null, p99Ms: null },
};
writeResult(resultName, result);
console.log(JSON.stringify(result, null, 2));
