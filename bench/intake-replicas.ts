// Intake with replicas on one PostgreSQL: the same load as bench/intake.ts (16 at once, pool of 16,
// one workspace) from one replica process, then from three replica processes started together on
// the same database; each replica is its own process (bench/intake-replica.ts). The goal: three
// together open at least 1.5 × the cases one opens alone, in the same run.
//   node --import tsx bench/intake-replicas.ts [--seconds 10] [--replicas 3] [--concurrency 16]
//     [--url postgresql://postgres@127.0.0.1:5432/test?schema=bench_replicas]
// The schema named in --url is DROPPED and recreated before each phase. Every replica runs in its
// own process group and is killed (the group) when the benchmark ends, also when it fails.
import { type ChildProcess, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openStore } from '../src/store/open-store.ts';
import { postgresConnection } from '../src/store/postgres/connection.ts';
import { percentile, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    replicas: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    url: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/test?schema=bench_replicas' },
  },
});
const seconds = Number(values.seconds);
const replicas = Number(values.replicas);
const concurrency = Number(values.concurrency);
const url = new URL(values.url);
url.searchParams.set('connection_limit', String(concurrency));
const GOAL = 1.5;

async function freshSchema(): Promise<void> {
  const { pool, schema } = postgresConnection(url.toString());
  if (schema === 'public') throw new Error('--url must name a schema of its own (?schema=bench_replicas)');
  const client = new pg.Client(pool);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await client.end();
  }
  await (await openStore({ databaseUrl: url.toString() })).close(); // migrates
}

interface ReplicaFigures {
  cases: number;
  elapsedSeconds: number;
  cpuShare: number;
  latencies: number[];
}

const children = new Set<ChildProcess>();
const killAll = () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
};

function replica(prefix: string, startAt: number): Promise<ReplicaFigures> {
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      'bench/intake-replica.ts',
      url.toString(),
      prefix,
      String(startAt),
      String(seconds),
      String(concurrency),
    ],
    { cwd: `${import.meta.dirname}/..`, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  children.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      children.delete(child);
      if (code !== 0) reject(new Error(`replica ${prefix} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ReplicaFigures);
    });
  });
}

/** `count` replicas started together (they begin their load at the same instant). */
async function phase(count: number) {
  await freshSchema();
  // Time to start node, load the app and open the store before the load begins.
  const startAt = Date.now() + 4_000;
  const figures = await Promise.all(
    Array.from({ length: count }, (_, i) => replica(`r${count}x${i}`, startAt)),
  );
  const cases = figures.reduce((sum, f) => sum + f.cases, 0);
  const elapsed = Math.max(...figures.map((f) => f.elapsedSeconds));
  const latencies = figures.flatMap((f) => f.latencies);
  return {
    replicas: count,
    cases,
    casesPerSecond: Math.round(cases / elapsed),
    perReplica: figures.map((f) => Math.round(f.cases / f.elapsedSeconds)),
    cpuShare: figures.map((f) => Math.round(f.cpuShare * 100) / 100),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
  };
}

process.once('SIGINT', () => {
  killAll();
  process.exit(130);
});
try {
  const one = await phase(1);
  console.log(`1 replica: ${one.casesPerSecond} cases/s`);
  const many = await phase(replicas);
  console.log(`${replicas} replicas: ${many.casesPerSecond} cases/s (${many.perReplica.join(' + ')})`);
  const ratio = Math.round((many.casesPerSecond / one.casesPerSecond) * 100) / 100;
  const result = {
    store: 'postgres',
    seconds,
    concurrencyPerReplica: concurrency,
    poolPerReplica: concurrency,
    one,
    many,
    ratio,
    goals: { ratioAtLeast: GOAL },
  };
  writeResult('intake-replicas', result);
  console.log(JSON.stringify(result, null, 2));
} finally {
  killAll();
}
