// One replica of bench/intake-replicas.ts: opens the store on the given (already migrated) database,
// waits for the agreed start instant, runs the intake load (bench/intake-app.ts) and prints its
// figures as one JSON line on stdout.
//   node --import tsx bench/intake-replica.ts <url> <prefix> <startAtEpochMs> <seconds> <concurrency>
import { openStore } from '../src/store/open-store.ts';
import { appRun } from './intake-app.ts';

const [url, prefix, startAt, seconds, concurrency] = process.argv.slice(2);
if (!url || !prefix || !startAt || !seconds || !concurrency) throw new Error('usage: see the header');
const store = await openStore({ databaseUrl: url });
try {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const figures = await appRun(store, {
    seconds: Number(seconds),
    concurrency: Number(concurrency),
    prefix: `${prefix}-`,
  });
  process.stdout.write(
    `${JSON.stringify({ cases: figures.cases, elapsedSeconds: figures.elapsedSeconds, cpuShare: figures.cpuShare, latencies: figures.latencies })}\n`,
  );
} finally {
  await store.close();
}
