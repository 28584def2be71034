// Intake with replicas on one PostgreSQL: the same load as bench/intake.ts (16 at once, pool of 16,
// one workspace) from one replica process, then from three replica processes started together on
// the same database; each replica is its own process (bench/intake-replica.ts). The goal: three
// together open at least 1.5 × the cases one opens alone, in the same run.
//   node --import tsx bench/intake-replicas.ts [--seconds 10] [--replicas 3] [--concurrency 16]
//     [--url postgresql://postgres@127.0.0.1:5432/test?schema=bench_replicas] [--apart]
// While the load runs, pg_stat_activity is sampled every 20 ms for the replicas' connections (by
// their application_name): how many wait on a lock (every new case of a workspace takes its case
// counter row and holds it to COMMIT), how many run a statement, how many wait on their replica
// (idle in transaction). --apart gives each replica a workspace and a team of its own, so no
// counter row is shared: the most any way of numbering cases could reach on this machine (not the
// goal's setting; its result file is intake-replicas-apart.json).
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
    apart: { type: 'boolean', default: false },
  },
});
const apart = values.apart;
const seconds = Number(values.seconds);
const replicas = Number(values.replicas);
const concurrency = Number(values.concurrency);
const url = new URL(values.url);
url.searchParams.set('connection_limit', String(concurrency));
// Tells the replicas' connections from any other on the server (the sampler counts only these).
const applicationName = `intake-replica-${process.pid}`;
url.searchParams.set('application_name', applicationName);
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
      ...(apart ? ['apart'] : []),
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

/** Mean number of the replicas' connections in each state over the load, sampled every 20 ms. */
interface Connections {
  samples: number;
  waitingOnLock: number;
  runningStatement: number;
  waitingOnReplica: number;
}

/** Samples pg_stat_activity from `startAt` for `seconds`, counting the replicas' connections only. */
async function sampleConnections(startAt: number): Promise<Connections> {
  const client = new pg.Client(postgresConnection(url.toString()).pool);
  await client.connect();
  const sums = { samples: 0, waitingOnLock: 0, runningStatement: 0, waitingOnReplica: 0 };
  try {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const end = startAt + seconds * 1000;
    while (Date.now() < end) {
      const { rows } = await client.query<{ lock: number; running: number; idle: number }>(
        `SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock')::int AS lock,
                count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock')::int AS running,
                count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle
         FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`,
        [applicationName],
      );
      const row = rows[0];
      if (row) {
        sums.samples++;
        sums.waitingOnLock += row.lock;
        sums.runningStatement += row.running;
        sums.waitingOnReplica += row.idle;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
  const mean = (sum: number) => Math.round((sum / Math.max(1, sums.samples)) * 100) / 100;
  return {
    samples: sums.samples,
    waitingOnLock: mean(sums.waitingOnLock),
    runningStatement: mean(sums.runningStatement),
    waitingOnReplica: mean(sums.waitingOnReplica),
  };
}

/** `count` replicas started together (they begin their load at the same instant). */
async function phase(count: number) {
  await freshSchema();
  // Time to start node, load the app and open the store before the load begins.
  const startAt = Date.now() + 4_000;
  const [connections, ...figures] = await Promise.all([
    sampleConnections(startAt),
    ...Array.from({ length: count }, (_, i) => replica(`r${count}x${i}`, startAt)),
  ]);
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
    connections,
  };
}

process.once('SIGINT', () => {
  killAll();
  process.exit(130);
});
try {
  const one = await phase(1);
  const locks = (p: { connections: Connections }) =>
    `connections on average: ${p.connections.waitingOnLock} waiting on a lock, ${p.connections.runningStatement} running, ${p.connections.waitingOnReplica} waiting on their replica`;
  console.log(`1 replica: ${one.casesPerSecond} cases/s; ${locks(one)}`);
  const many = await phase(replicas);
  console.log(
    `${replicas} replicas: ${many.casesPerSecond} cases/s (${many.perReplica.join(' + ')}); ${locks(many)}`,
  );
  const ratio = Math.round((many.casesPerSecond / one.casesPerSecond) * 100) / 100;
  const result = {
    store: 'postgres',
    apart,
    seconds,
    concurrencyPerReplica: concurrency,
    poolPerReplica: concurrency,
    one,
    many,
    ratio,
    goals: { ratioAtLeast: GOAL },
  };
  writeResult(apart ? 'intake-replicas-apart' : 'intake-replicas', result);
  console.log(JSON.stringify(result, null, 2));
} finally {
  killAll();
}
