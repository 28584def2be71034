// Composition root, read top to bottom: config, logs, store, metrics, outbox, desk, adapters (each
// registers its sink with the outbox), jobs, ops server, signals. `npm start` runs this. A failure
// at start is one plain line and a documented exit code (src/ops/startup-failure.ts).
import {
  createDiscordAdapter,
  DiscordConfigError,
  discordOptionsFromEnv,
} from '../adapters/discord/index.ts';
import { createSlackAdapter, SlackConfigError, slackOptionsFromEnv } from '../adapters/slack/index.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import type { ConsoleServer } from './console/server.ts';
import { createDesk } from './core/desk.ts';
import type { Clock } from './core/ports.ts';
import { EnvError, loadDotEnv, readEnv } from './env.ts';
import { newId } from './ids.ts';
import { NOTICE_PACE_MS } from './jobs/dispatch-notices.ts';
import { createOutbox, outboxTiming } from './jobs/outbox.ts';
import { runRetention } from './jobs/retention.ts';
import { scheduleJobs } from './jobs/schedule-jobs.ts';
import { sendWeeklyDigests } from './jobs/weekly-digest.ts';
import { createLogger, type Logger } from './log.ts';
import { createMetrics } from './ops/metrics.ts';
import { startOpsServer } from './ops/server.ts';
import { describeStartupFailure, EXIT, type StartupPhase } from './ops/startup-failure.ts';
import type { AdapterContext, ConsoleLinks, PlatformAdapter } from './platform/adapter.ts';
import { consoleSink } from './platform/console-sink.ts';
import { databaseKind, redactUrl, resolveDatabaseUrl } from './store/database-url.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

/** Says what went wrong in one line and stops with `code`; the stack only at LOG_LEVEL=debug. */
function fail(code: number, message: string, error?: unknown): never {
  process.stderr.write(`${message}\n`);
  if (error instanceof Error && process.env.LOG_LEVEL?.toLowerCase() === 'debug')
    process.stderr.write(`${error.stack}\n`);
  process.exit(code);
}

/** A configuration problem: say what is wrong in plain words and stop (EX_CONFIG). */
function configured<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    const known = [ConfigError, SlackConfigError, DiscordConfigError, EnvError].some((k) => e instanceof k);
    if (known) fail(EXIT.config, (e as Error).message);
    throw e;
  }
}

let phase: StartupPhase = 'database';
let databaseUrl = '';
/** Runs a start-up step; its failure ends the process with the line and code that fit it. */
async function starting<T>(now: StartupPhase, step: () => Promise<T>): Promise<T> {
  phase = now;
  try {
    return await step();
  } catch (e) {
    const { code, message } = describeStartupFailure(e, now, databaseUrl);
    return fail(code, message, e);
  }
}
// A client library that fails outside the promise it returned (a socket error event) still stops
// the start-up with the line for the step it was in.
const startupCrash = (e: unknown) => {
  const { code, message } = describeStartupFailure(e, phase, databaseUrl);
  fail(code, message, e);
};
process.on('uncaughtException', startupCrash);
process.on('unhandledRejection', startupCrash);

// Config.
loadDotEnv();
const env = configured(() => readEnv());
const logger: Logger = createLogger({
  level: env.logLevel,
  ...(env.logFormat ? { format: env.logFormat } : {}),
});
const config = configured(() => loadConfig(env.configPath));
const slackOptions = configured(() => slackOptionsFromEnv(process.env));
const discordOptions = configured(() => discordOptionsFromEnv(process.env));
databaseUrl = resolveDatabaseUrl(env.databaseUrl);
configured(() => {
  try {
    return databaseKind(databaseUrl);
  } catch (e) {
    throw new EnvError(`DATABASE_URL: ${(e as Error).message}`);
  }
});
if (env.usingExampleConfig) {
  logger.warn('config.example', { path: env.configPath, hint: 'copy it to config/support.yaml and edit it' });
}

// Store.
const store: Store = await starting('database', () => openStore({ databaseUrl }));
const clock: Clock = { now: () => new Date() };

// Web console (CONSOLE_PORT, off unless set): reads reports and cases, never the desk. Supervisors
// sign in with CONSOLE_TOKEN or a one-time link the adapters hand out (`/support console`).
let consoleServer: ConsoleServer | undefined;
let consoleLinks: ConsoleLinks | undefined;
if (env.console) {
  const settings = env.console;
  // Loaded only when switched on: a bot without the console never holds its web framework.
  const [{ createConsoleApp }, { startConsoleServer }, { createSignInLinks }] = await Promise.all([
    import('./console/app.ts'),
    import('./console/server.ts'),
    import('./console/sign-in.ts'),
  ]);
  const app = createConsoleApp({
    reports: store.reports,
    cases: store.cases,
    incidents: store.incidents,
    answers: store.answers,
    config,
    clock,
    logger,
    auth: {
      mode: 'sign-in',
      token: settings.token,
      secret: settings.secret,
      inbound: store.inbound,
      secureCookie: settings.publicUrl?.startsWith('https:') ?? false,
    },
  });
  const server = await starting('console', () =>
    startConsoleServer({ app, port: settings.port, host: settings.host }),
  );
  const links = createSignInLinks({
    secret: settings.secret,
    baseUrl: settings.publicUrl ?? server.url,
    config,
    clock,
  });
  consoleServer = server;
  consoleLinks = { issue: (personId) => links.issueSignInLink(personId) };
  logger.info('console.started', { url: server.url });
}
const sweepEveryMs = Math.round(config.sweep.everySeconds * 1000);

// Metrics: counted from the desk's commits, the outbox's deliveries, the jobs' sweeps and audits.
const metrics = createMetrics({ store, now: () => clock.now(), overdueAfterMs: 2 * sweepEveryMs });

// Outbox: the one path a notice takes out; sinks are registered with it below.
const timing = outboxTiming(config.sweep);
const outbox = createOutbox({
  store,
  clock,
  logger,
  owner: env.replicaId,
  paceMs: NOTICE_PACE_MS,
  ...timing,
  onDelivered: metrics.delivered,
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
  onCommitted: metrics.committed,
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
  ...(consoleLinks ? { consoleLinks } : {}),
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
  await starting(adapter.platform, () => adapter.start());
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
  observe: metrics,
  retention: () => runRetention({ store, clock, logger, config }),
  digest: () =>
    sendWeeklyDigests({
      directory: config.desk.directory,
      desk: config.desk,
      store,
      adapters,
      clock,
      logger,
    }),
});

// Ops server: /metrics, /healthz, /readyz, whatever platforms run.
const ops = await starting('ops', () =>
  startOpsServer({
    host: env.metrics.host,
    port: env.metrics.port,
    metrics,
    store,
    adapters: () => adapters,
    now: () => clock.now(),
    sweepEveryMs,
  }),
);
process.off('uncaughtException', startupCrash);
process.off('unhandledRejection', startupCrash);
process.on('uncaughtException', (e) => logger.error('uncaught', { error: e.message, stack: e.stack }));
process.on('unhandledRejection', (e) =>
  logger.error('unhandled_rejection', { error: e instanceof Error ? e.message : String(e) }),
);
// Signals. Listened for before `started` is logged: whoever waits for that line (a process manager,
// the tests) may signal at once, and a SIGTERM before the listener would kill the bot uncleanly.
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
  await ops.close();
  await consoleServer?.close();
  await store.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

logger.info('started', {
  config: env.configPath,
  database: redactUrl(databaseUrl),
  replica: env.replicaId,
  sweepEverySeconds: config.sweep.everySeconds,
  metrics: `http://${env.metrics.host}:${ops.port}/metrics`,
});
