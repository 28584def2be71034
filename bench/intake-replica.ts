// One replica of bench/intake-replicas.ts: opens the store on the given (already migrated) database,
// waits for the agreed start instant, runs the intake load (bench/intake-app.ts) and prints its
// figures as one JSON line on stdout. With `apart`, the replica opens its cases in a workspace and a
// team of its own, so it shares no counter row with the others (see --apart in intake-replicas.ts).
//   node --import tsx bench/intake-replica.ts <url> <prefix> <startAtEpochMs> <seconds> <concurrency> [apart]
import type { DeskConfig } from '../src/core/model.ts';
import { openStore } from '../src/store/open-store.ts';
import { deskConfig } from '../test/support/desk-fixture.ts';
import { appRun } from './intake-app.ts';

const [url, prefix, startAt, seconds, concurrency, mode] = process.argv.slice(2);
if (!url || !prefix || !startAt || !seconds || !concurrency) throw new Error('usage: see the header');
const apart = mode === 'apart';

/** The fixture's organisation with the load's topic (billing) handled by a team of this replica's. */
function ownTeamConfig(): DeskConfig {
  const config = deskConfig();
  const { support } = config.directory.teams;
  const { billing } = config.directory.topics;
  if (!support || !billing) throw new Error('the desk fixture has no support team or billing topic');
  const team = { ...support, id: `support-${prefix}` };
  return {
    ...config,
    directory: {
      ...config.directory,
      teams: { ...config.directory.teams, [team.id]: team },
      topics: { ...config.directory.topics, billing: { ...billing, team: team.id } },
    },
  };
}

const store = await openStore({ databaseUrl: url });
try {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const figures = await appRun(store, {
    seconds: Number(seconds),
    concurrency: Number(concurrency),
    prefix: `${prefix}-`,
    ...(apart ? { workspace: `bench-${prefix}`, config: ownTeamConfig() } : {}),
  });
  process.stdout.write(
    `${JSON.stringify({ cases: figures.cases, elapsedSeconds: figures.elapsedSeconds, cpuShare: figures.cpuShare, latencies: figures.latencies })}\n`,
  );
} finally {
  await store.close();
}
