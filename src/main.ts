// Composition root: config -> store -> core -> adapters -> jobs. `npm start` runs this.
import { newId } from './ids.ts';
import {
  createDiscordAdapter,
  DiscordConfigError,
  discordOptionsFromEnv,
} from '../adapters/discord/index.ts';
import { createSlackAdapter, SlackConfigError, slackOptionsFromEnv } from '../adapters/slack/index.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { createDesk } from './core/desk.ts';
import type { ClaimedNotice } from './core/model.ts';
import type { Clock } from './core/ports.ts';
import { screenSink } from './demo/screen-sink.ts';
import { readEnv } from './env.ts';
import { NOTICE_PACE_MS, type NoticeSink } from './jobs/outbox.ts';
import { type RunningJobs, scheduleJobs } from './jobs/schedule-jobs.ts';
import { createLogger } from './log.ts';
import type { AdapterContext, PlatformAdapter } from './platform/adapter.ts';
import { type DeliverNow, deliverAfterCommands } from './platform/deliver-after-commands.ts';
import { routingSink } from './platform/routing-sink.ts';
import { resolveDatabaseUrl } from './store/database-url.ts';
import { openStore } from './store/open-store.ts';

const logger = createLogger();
const env = readEnv();

/** A configuration problem: say what is wrong in plain words and stop (EX_CONFIG). */
function configured<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ConfigError || e instanceof SlackConfigError || e instanceof DiscordConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
}

const config = configured(() => loadConfig(env.configPath));
const slackOptions = configured(() => slackOptionsFromEnv(process.env));
const discordOptions = configured(() => discordOptionsFromEnv(process.env));
if (env.usingExampleConfig) {
  logger.warn('config.example', { path: env.configPath, hint: 'copy it to config/support.yaml and edit it' });
}

const databaseUrl = resolveDatabaseUrl(env.databaseUrl);
const store = await openStore({ databaseUrl });
const clock: Clock = { now: () => new Date() };
// A new case's notices are claimed for this replica in the case's own transaction and sent right
// after it (paced per destination like every pass): the customer's acknowledgement waits for no
// separate claim or start commit.
const desk = createDesk({
  cases: store.cases,
  timers: store.timers,
  clock,
  ids: { next: () => newId() },
  config: config.desk,
  sendAtOnce: { owner: env.replicaId, leaseMs: config.sweep.leaseSeconds * 1000, paceMs: NOTICE_PACE_MS },
});

// Chat adapters. Each notice goes to the adapter of its case's platform; with none configured,
// notices are printed here so the bot can be tried without any chat platform.
let sink: NoticeSink = { deliver: async () => ({ status: 'retry', afterMs: 1_000, error: 'starting' }) };
// The jobs start once the adapters are connected; until then the scheduled pass will pick up
// anything written, and notices claimed at once wait here for the jobs to start.
const running: { jobs?: RunningJobs } = {};
const early: ClaimedNotice[] = [];
const deliverNow: DeliverNow = async (sending, pass, known) => {
  if (running.jobs) return running.jobs.deliverNow(sending, pass, known);
  early.push(...sending);
};
// The adapters' desk asks for an outbox pass after every command that wrote notices (the jobs
// coalesce and pace it), so acknowledgements do not wait for the next tick.
const context: AdapterContext = {
  desk: deliverAfterCommands(desk, deliverNow, logger),
  inbound: store.inbound,
  refs: store.refs,
  config,
  clock,
  logger,
};
const adapters: PlatformAdapter[] = [];
if (slackOptions) adapters.push(createSlackAdapter(context, slackOptions));
if (discordOptions) adapters.push(createDiscordAdapter(context, discordOptions));
const printed =
  adapters.length === 0
    ? screenSink(config.desk.directory, {
        labelLocale: 'en',
        print: (text) => process.stdout.write(`${text}\n`),
        customerName: (n) => String(n.params.name ?? n.recipient.kind),
      })
    : undefined;
sink = routingSink(store.cases, Object.fromEntries(adapters.map((a) => [a.platform, a.sink])), printed);
if (adapters.length === 0) {
  logger.info('adapters.none', {
    hint: 'set SLACK_BOT_TOKEN or DISCORD_TOKEN (see .env.example); notices are printed here',
  });
}
for (const adapter of adapters) {
  await adapter.start();
  logger.info('adapter.started', { platform: adapter.platform });
}

const jobs = scheduleJobs({ desk, store, clock, sink, logger, owner: env.replicaId, sweep: config.sweep });
running.jobs = jobs;
if (early.length > 0) void jobs.deliverNow(early.splice(0));
logger.info('started', {
  config: env.configPath,
  database: databaseUrl.replace(/\/\/[^@]*@/, '//***@'),
  replica: env.replicaId,
  sweepEverySeconds: config.sweep.everySeconds,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  // Stop scheduling and let in-flight sweeps and deliveries finish (they need the adapters'
  // clients), then disconnect. Commands arriving meanwhile still commit; their notices wait in
  // the outbox for the next start.
  await jobs.stop();
  for (const adapter of adapters) await adapter.stop();
  await store.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
