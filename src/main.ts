// Composition root, read top to bottom: config, store, outbox, desk, adapters (each registers its
// sink with the outbox), jobs, signals. The health endpoint (`GET /healthz`) is served on the Slack
// adapter's HTTP port, where a load balancer already looks. `npm start` runs this.
import {
  createDiscordAdapter,
  DiscordConfigError,
  discordOptionsFromEnv,
} from '../adapters/discord/index.ts';
import { createSlackAdapter, SlackConfigError, slackOptionsFromEnv } from '../adapters/slack/index.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { createDesk } from './core/desk.ts';
import type { Clock } from './core/ports.ts';
import { readEnv } from './env.ts';
import { newId } from './ids.ts';
import { NOTICE_PACE_MS } from './jobs/dispatch-notices.ts';
import { createOutbox, outboxTiming } from './jobs/outbox.ts';
import { scheduleJobs } from './jobs/schedule-jobs.ts';
import { createLogger } from './log.ts';
import type { AdapterContext, PlatformAdapter } from './platform/adapter.ts';
import { consoleSink } from './platform/console-sink.ts';
import { resolveDatabaseUrl } from './store/database-url.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

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

// Config.
const config = configured(() => loadConfig(env.configPath));
const slackOptions = configured(() => slackOptionsFromEnv(process.env));
const discordOptions = configured(() => discordOptionsFromEnv(process.env));
if (env.usingExampleConfig) {
  logger.warn('config.example', { path: env.configPath, hint: 'copy it to config/support.yaml and edit it' });
}

// Store.
const databaseUrl = resolveDatabaseUrl(env.databaseUrl);
const store: Store = await openStore({ databaseUrl });
const clock: Clock = { now: () => new Date() };

// Outbox: the one path a notice takes out; sinks are registered with it below.
const timing = outboxTiming(config.sweep);
const outbox = createOutbox({
  store,
  clock,
  logger,
  owner: env.replicaId,
  paceMs: NOTICE_PACE_MS,
  ...timing,
});

// Desk. A new case's notices are claimed for this replica in the case's own transaction, and
// every command that wrote notices hands them to the outbox once committed: the customer's
// acknowledgement waits for no separate claim, start commit or tick.
const desk = createDesk({
  store,
  clock,
  ids: { next: () => newId() },
  config: config.desk,
  sendAtOnce: { owner: env.replicaId, leaseMs: timing.leaseMs, paceMs: NOTICE_PACE_MS },
  afterCommit: outbox.afterCommit,
});

// Adapters: each registers its sink for its platform as it is created. With none configured,
// notices are printed here, so the bot can be tried without any chat platform.
const context: AdapterContext = {
  desk,
  sinks: outbox,
  store,
  config,
  clock,
  logger,
};
const adapters: PlatformAdapter[] = [];
if (slackOptions) adapters.push(createSlackAdapter(context, slackOptions));
if (discordOptions) adapters.push(createDiscordAdapter(context, discordOptions));
if (adapters.length === 0) {
  outbox.registerFallback(
    consoleSink(config.desk.directory, {
      labelLocale: 'en',
      print: (text) => process.stdout.write(`${text}\n`),
      customerName: (n) => String(n.params.name ?? n.recipient.kind),
    }),
  );
  logger.info('adapters.none', {
    hint: 'set SLACK_BOT_TOKEN or DISCORD_TOKEN (see .env.example); notices are printed here',
  });
}
for (const adapter of adapters) {
  await adapter.start();
  logger.info('adapter.started', { platform: adapter.platform });
}

// Jobs: sweeps, the outbox's tick, the auditor.
const jobs = scheduleJobs({
  desk,
  store,
  outbox,
  clock,
  logger,
  owner: env.replicaId,
  sweep: config.sweep,
});
logger.info('started', {
  config: env.configPath,
  database: databaseUrl.replace(/\/\/[^@]*@/, '//***@'),
  replica: env.replicaId,
  sweepEverySeconds: config.sweep.everySeconds,
});

// Signals.
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  // Stop scheduling and sending together, and let in-flight sweeps and deliveries finish (they
  // need the adapters' clients), then disconnect. Commands arriving meanwhile still commit; the
  // notices they claimed at once are still sent, the others wait in the outbox for the next start.
  await Promise.all([jobs.stop(), outbox.stop()]);
  for (const adapter of adapters) await adapter.stop();
  await store.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
