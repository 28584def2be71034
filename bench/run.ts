// `npm run bench`: runs every benchmark in its own process (so memory and timings do not mix),
// then prints one table with each goal marked met or missed. Figures are also in
// bench/results/<name>.json, and the table in bench/results/summary.json.
//   npm run bench [-- --only intake,sweep-cost] [-- --quick]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCommand } from '../test/support/start-command.ts';
import { RESULTS_DIR, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } },
});

// Result files are JSON written by the benchmarks themselves; read back loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

interface Row {
  measure: string;
  figure: string;
  goal: string;
  met: boolean | null;
}

interface Bench {
  name: string;
  script: string;
  args: string[];
  quickArgs: string[];
  /** Reads bench/results/<result>.json and turns it into table rows. */
  rows: (r: Json) => Row[];
  result: string;
}

/** A round-trip benchmark's rows: this app against the bare SDK on the same fake. */
const roundTrip =
  (label: string) =>
  (r: Json): Row[] => {
    const p99Goal: number | undefined = r.goals.appP99BelowMs;
    return [
      {
        measure: `${label}: ${r.measure ?? r.interaction}`,
        figure: `app p50 ${r.app.p50} ms / p99 ${r.app.p99} ms; bare SDK p50 ${r.bare.p50} ms; ratio p50 ${r.ratioP50}`,
        goal: `ratio p50 ≤ ${r.goals.ratioP50AtMost}${p99Goal ? `, p99 < ${p99Goal} ms` : ''}`,
        met: r.ratioP50 <= r.goals.ratioP50AtMost && (p99Goal === undefined || r.app.p99 < p99Goal),
      },
    ];
  };

const BENCHES: Bench[] = [
  {
    name: 'intake',
    script: 'bench/intake.ts',
    args: ['--seconds', '20'],
    quickArgs: ['--seconds', '3'],
    result: 'intake-sqlite',
    rows: (r) => [
      {
        measure: `intake on SQLite, ${r.seconds} s, ${r.concurrency} at once`,
        figure: `${r.casesPerSecond} cases/s (raw floor ${r.rawCasesPerSecond}/s, ${r.fractionOfRaw} of it; ${r.rawBatch}/tx floor ${r.rawBatchedCasesPerSecond}/s, ${r.fractionOfRawBatched} of it), p99 ${r.latencyMs.p99} ms`,
        goal: `≥ ${r.goals.casesPerSecond}/s, p99 < ${r.goals.p99Ms} ms`,
        met: r.casesPerSecond >= r.goals.casesPerSecond && r.latencyMs.p99 < r.goals.p99Ms,
      },
    ],
  },
  {
    name: 'intake-postgres',
    script: 'bench/intake.ts',
    args: ['--store', 'postgres', '--seconds', '20'],
    quickArgs: ['--store', 'postgres', '--seconds', '3'],
    result: 'intake-postgres',
    rows: (r) => [
      {
        measure: `intake on PostgreSQL, ${r.seconds} s, ${r.concurrency} at once (pool ${r.poolSize})`,
        figure: `${r.casesPerSecond} cases/s (raw pg floor ${r.rawCasesPerSecond}/s, ${r.fractionOfRaw} of it), p99 ${r.latencyMs.p99} ms`,
        goal: 'none set (the goals are for SQLite)',
        met: null,
      },
    ],
  },
  {
    name: 'sweep-cost',
    script: 'bench/sweep-cost.ts',
    args: ['--sizes', '10000,100000,1000000'],
    quickArgs: ['--sizes', '10000,100000', '--runs', '3'],
    result: 'sweep-cost',
    rows: (r) => {
      const largest = r.results.at(-1);
      return [
        {
          measure: `claim ${r.due} due timers (${r.results.map((x: Json) => x.cases).join(' / ')} cases)`,
          figure: `${r.results.map((x: Json) => `${x.claimMs.p50} ms`).join(' / ')}; ratio ${r.largeToSmallRatio}`,
          goal: `< ${r.goals.ms} ms at the largest, ratio ≤ ${r.goals.ratio}`,
          met: largest.claimMs.p50 < r.goals.ms && r.largeToSmallRatio <= r.goals.ratio,
        },
      ];
    },
  },
  {
    name: 'slack',
    script: 'bench/slack-roundtrip.ts',
    args: [],
    quickArgs: ['--iterations', '200', '--warmup', '50'],
    result: 'slack-roundtrip',
    rows: roundTrip('Slack round trip'),
  },
  {
    name: 'discord',
    script: 'bench/discord-roundtrip.ts',
    args: [],
    quickArgs: ['--iterations', '300', '--warmup', '50'],
    result: 'discord-roundtrip',
    rows: roundTrip('Discord round trip'),
  },
  {
    name: 'delivery',
    script: 'bench/delivery.ts',
    args: ['--notices', '10000', '--channels', '100'],
    quickArgs: ['--notices', '1000', '--channels', '100'],
    result: 'delivery',
    rows: (r) => [
      {
        measure: `delivery: ${r.notices} notices to ${r.channels} Slack channels (fake: 1 msg/s/channel, 429 beyond)`,
        figure: `${r.delivered}/${r.notices} delivered, ${r.duplicates} duplicates, ${r.missing} missing`,
        goal: 'all delivered, 0 duplicates',
        met: r.missing === 0 && r.duplicates === 0,
      },
      {
        measure: 'delivery: total time against the platform’s floor',
        figure: `${Math.round(r.totalMs / 100) / 10} s vs floor ${r.floorMs / 1000} s, ratio ${r.ratio}; ${r.rateLimited} × 429`,
        goal: `ratio ≤ ${r.goals.ratioAtMost}`,
        met: r.ratio <= r.goals.ratioAtMost,
      },
    ],
  },
  {
    name: 'memory',
    script: 'bench/memory.ts',
    args: [],
    quickArgs: ['--cases', '20000', '--idle-seconds', '2', '--load-seconds', '3'],
    result: 'memory',
    rows: (r) => [
      ...(r.idle
        ? [
            {
              measure: 'resident memory idle, Slack + Discord connected',
              figure: `median ${r.idle.rssMb.median} MB, peak ${r.idle.rssMb.peak} MB`,
              goal: `< ${r.goals.idleMb} MB`,
              met: r.idle.rssMb.median < r.goals.idleMb,
            },
          ]
        : []),
      ...(r.loaded
        ? [
            {
              measure: `resident memory, ${r.loaded.cases} open cases, after sweeps and traffic`,
              figure: `median ${r.loaded.rssMb.median} MB, peak ${r.loaded.rssMb.peak} MB`,
              goal: `< ${r.goals.loadedMb} MB`,
              met: r.loaded.rssMb.median < r.goals.loadedMb,
            },
          ]
        : []),
    ],
  },
];

// Every benchmark runs with the V8 flags `npm start` gives the bot.
const { flags } = startCommand();
console.log(`node flags (as npm start): ${flags.join(' ') || 'none'}`);
const chosen = values.only ? BENCHES.filter((b) => values.only?.split(',').includes(b.name)) : BENCHES;
const table: Row[] = [];
for (const bench of chosen) {
  console.log(`\n== ${bench.name}`);
  const run = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', bench.script, ...(values.quick ? bench.quickArgs : bench.args)],
    {
      stdio: 'inherit',
    },
  );
  const file = join(RESULTS_DIR, `${bench.result}.json`);
  if (run.status !== 0 || !existsSync(file)) {
    table.push({ measure: bench.name, figure: `failed (exit ${run.status})`, goal: '', met: false });
    continue;
  }
  table.push(...bench.rows(JSON.parse(readFileSync(file, 'utf8'))));
}

const mark = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'MISSED');
const width = (k: keyof Row) =>
  Math.max(...table.map((r) => String(k === 'met' ? mark(r.met) : r[k]).length), k.length);
const line = (cells: string[]) =>
  cells.map((c, i) => c.padEnd([width('measure'), width('figure'), width('goal'), 6][i] ?? 0)).join(' | ');
console.log(`\n${line(['measure', 'figure', 'goal', 'met'])}`);
for (const r of table) console.log(line([r.measure, r.figure, r.goal, mark(r.met)]));
writeResult('summary', { quick: values.quick, rows: table });
process.exitCode = table.some((r) => r.met === false) ? 1 : 0;
