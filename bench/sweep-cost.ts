// Sweep cost: time for the store to claim 1,000 due timers with 10k, 100k and 1M cases stored
// (each case with its pending reminders), through the app's store. Index-driven claims cost the
// same whatever the number of open cases; a scan would grow with it.
//   node --import tsx bench/sweep-cost.ts [--sizes 10000,100000,1000000] [--runs 7]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/open-store.ts';
import { caseColumns, timerColumns } from '../src/store/sql/rows.ts';
import { makeCase } from '../test/support/case-factory.ts';
import { bulkInsert } from './seed.ts';
import { percentile, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    runs: { type: 'string', default: '7' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const DUE = 1000;
const NOW = new Date('2026-11-23T12:00:00Z');

/** Writes `cases` cases with two pending timers each; DUE of the timers are due at NOW. */
function seed(file: string, cases: number): void {
  const template = makeCase({ id: 'tpl', number: 1, status: 'waiting_on_expert', level: 2 });
  const row = caseColumns(template);
  const timerRow = timerColumns({
    id: 't',
    caseId: 'tpl',
    windowId: 'w',
    kind: 'miss',
    dueAt: NOW,
    status: 'pending',
  });
  const future = BigInt(NOW.getTime() + 86_400_000);
  bulkInsert(
    file,
    cases,
    (i) => {
      const id = `c${i}`;
      // Reminders spread over the next day; DUE of them are due now.
      const due = i < DUE ? BigInt(NOW.getTime() - 1000) : future + BigInt(i);
      return {
        cases: [{ ...row, id, number: i + 1, conversation: `slack:T:C:${i}` }],
        timers: [
          { ...timerRow, id: `${id}-n`, case_id: id, kind: 'nudge', due_at: due },
          { ...timerRow, id: `${id}-m`, case_id: id, kind: 'miss', due_at: future + BigInt(i) },
        ],
      };
    },
    { batch: 50_000 },
  );
}

function resetClaims(file: string): void {
  const db = new Database(file);
  db.prepare(
    `UPDATE timers SET status = 'pending', lease_token = NULL, lease_until = NULL WHERE status = 'claimed'`,
  ).run();
  db.close();
}

const results: { cases: number; claimMs: { p50: number; min: number; max: number }; claimed: number }[] = [];
for (const cases of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sweep-'));
  const url = `file:${join(dir, 'sweep.db')}`;
  await (await openStore({ databaseUrl: url })).close(); // creates the schema
  const seededAt = performance.now();
  seed(join(dir, 'sweep.db'), cases);
  const seedSeconds = (performance.now() - seededAt) / 1000;
  const times: number[] = [];
  let claimed = 0;
  for (let r = 0; r < runs; r++) {
    resetClaims(join(dir, 'sweep.db'));
    const store = await openStore({ databaseUrl: url });
    const started = performance.now();
    claimed = (await store.timers.claim({ now: NOW, limit: DUE, leaseMs: 60_000, owner: 'bench' })).length;
    times.push(performance.now() - started);
    await store.close();
  }
  if (claimed !== DUE) throw new Error(`claimed ${claimed}, expected ${DUE}`);
  const claimMs = { p50: percentile(times, 50), min: percentile(times, 0), max: percentile(times, 100) };
  results.push({ cases, claimMs, claimed });
  console.log(
    `${cases} cases (seeded in ${seedSeconds.toFixed(1)} s): claim ${DUE} due timers p50 ${claimMs.p50} ms`,
  );
  rmSync(dir, { recursive: true, force: true });
}
const small = results[0]?.claimMs.p50 ?? Number.NaN;
const large = results.at(-1)?.claimMs.p50 ?? Number.NaN;
const result = {
  due: DUE,
  runs,
  results,
  largeToSmallRatio: Number((large / small).toFixed(2)),
  goals: { ratio: 1.3 },
};
writeResult('sweep-cost', result);
console.log(JSON.stringify(result, null, 2));
