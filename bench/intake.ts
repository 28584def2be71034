// Intake throughput: cases opened per second through the desk, sustained for a while, with
// open-to-acknowledged latency (the call returns once the case, its timers and the acknowledgement
// are committed), against the raw driver writing the same rows in the same run (bench/intake-raw.ts).
//   node --import tsx bench/intake.ts [--store sqlite|postgres] [--seconds 20] [--concurrency 16]
//     [--batch 100] [--url postgresql://postgres@127.0.0.1:5432/test?schema=bench_intake]
//     [--intake-limit]   (the intake limit on for the load's audience; result file *-limited.json)
// SQLite: a fresh file in a temp directory; two floors, one transaction per case and `batch` cases
// per transaction. PostgreSQL: the schema named in --url is DROPPED and recreated, then migrated by
// openStore; the app's pool and the floor's pool both have `concurrency` connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openStore } from '../src/store/open-store.ts';
import { postgresConnection } from '../src/store/postgres/connection.ts';
import { DEFAULT_INTAKE_LIMITS } from '../src/core/model.ts';
import { deskConfig } from '../test/support/desk-fixture.ts';
import { type AppFigures, appRun } from './intake-app.ts';
import { rawPostgresRun, rawSqliteRun } from './intake-raw.ts';
import { percentile, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    batch: { type: 'string', default: '100' },
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/test?schema=bench_intake' },
    /** Switches the intake limit on for the audience the load uses (a cap of 3 open cases each). */
    'intake-limit': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const batch = Number(values.batch);
const limited = values['intake-limit'];
const config = limited
  ? {
      ...deskConfig(),
      intake: {
        internal: { cooldownMinutes: 0, maxOpenCases: 3 },
        community: DEFAULT_INTAKE_LIMITS.community,
      },
    }
  : deskConfig();
if (values.store !== 'sqlite' && values.store !== 'postgres') {
  throw new Error(`--store ${values.store}: use sqlite or postgres`);
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
  app = await appRun(store, { seconds, concurrency, config });
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
  app = await appRun(store, { seconds, concurrency, config });
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
  intakeLimit: limited ? 'internal: at most 3 open cases a person' : 'off (the default for internal)',
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
  // Goals are ratios to the raw one-transaction-per-case floor measured above in the same run.
  goals:
    storeLabel === 'sqlite'
      ? { fractionOfRawAtLeast: 1.5, p99Ms: 50 }
      : { fractionOfRawAtLeast: 0.6, p99Ms: null },
};
writeResult(limited ? `${resultName}-limited` : resultName, result);
console.log(JSON.stringify(result, null, 2));
