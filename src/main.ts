// Composition root: config -> store -> core -> adapters -> jobs. `npm start` runs this.
import { randomUUID } from 'node:crypto';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { createDesk } from './core/desk.ts';
import type { Clock } from './core/ports.ts';
import { screenSink } from './demo/screen-sink.ts';
import { readEnv } from './env.ts';
import { scheduleJobs } from './jobs/schedule-jobs.ts';
import { createLogger } from './log.ts';
import { resolveDatabaseUrl } from './store/database-url.ts';
import { openStore } from './store/open-store.ts';

const logger = createLogger();
const env = readEnv();

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(env.configPath);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(78); // EX_CONFIG
  }
  throw e;
}
if (env.usingExampleConfig) {
  logger.warn('config.example', { path: env.configPath, hint: 'copy it to config/support.yaml and edit it' });
}

const databaseUrl = resolveDatabaseUrl(env.databaseUrl);
const store = await openStore({ databaseUrl });
const clock: Clock = { now: () => new Date() };
const desk = createDesk({ store, clock, ids: { next: randomUUID }, config: config.desk });

// Chat adapters (Slack, Discord) plug in here. Until one is configured, notices are shown in the log.
const sink = screenSink(config.desk.directory, {
  labelLocale: 'en',
  print: (text) => process.stdout.write(`${text}\n`),
  customerName: (n) => String(n.params.name ?? n.recipient.kind),
});
logger.info('adapters.none', { hint: 'no chat platform configured yet; notices are printed here' });

const jobs = scheduleJobs({ desk, store, clock, sink, logger, owner: env.replicaId, sweep: config.sweep });
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
  await jobs.stop();
  await store.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
