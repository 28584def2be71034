// Slack round trip: from sending a signed event (a direct message to the bot) until the fake Slack
// records the first chat.postMessage answering it (the acknowledgement in the thread). This app
// (Bolt + adapter + desk + SQLite store + outbox) against a bare Bolt app answering the same event
// with one chat.postMessage; same local fake, same run, interleaved, after a warm-up. Also reports
// how much of the app's time was spent in storage calls before the acknowledgement left.
//   node --import tsx bench/slack-roundtrip.ts [--iterations 1000] [--warmup 200]
import { newId } from '../src/ids.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { App, LogLevel } from '@slack/bolt';
import Database from 'better-sqlite3';
import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/index.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createDesk } from '../src/core/desk.ts';
import type { InspectableStore } from '../src/store/store.ts';
import { lineLogger } from '../src/log.ts';
import { createOutbox } from '../src/jobs/outbox.ts';
import { openStore } from '../src/store/open-store.ts';
import { FakeSlack } from '../test/fakes/slack/fake-slack.ts';
import { directMessage, eventCallback } from '../test/fakes/slack/payloads.ts';
import { type SlackSender, slackSender } from '../test/fakes/slack/signed-requests.ts';
import { percentile, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: { iterations: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '200' } },
});
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
const SECRET = 'bench-signing-secret-0123456789abcdef';
/** Goals, as multiples of the durable floor's own p50 and p99 measured in the same run. */
const GOALS = { p50: 1.5, p99: 2 };
const BOT = { botUserId: 'U0BOT0001', botId: 'B0BOT0001' };
const TRIAGE = 'C05TRIAGE01';
// Profiles are looked up once per person (users.info) and then cached, as in production.
const USERS = Array.from({ length: 20 }, (_, i) => `U07BENCH${String(i).padStart(2, '0')}`);

const fake = await FakeSlack.start();
for (const [i, id] of USERS.entries()) {
  fake.addUser({
    id,
    handle: `user${i}`,
    realName: `Bench User ${i}`,
    tz: 'Europe/Vilnius',
    locale: 'en-GB',
  });
}
const config = loadConfig('config/support.example.yaml');
const clock = { now: () => new Date() };
const logger = lineLogger(() => {});

async function startApp(
  store: InspectableStore,
): Promise<{ adapter: SlackAdapter; idle: () => Promise<void> }> {
  // As main.ts wires it: a new case's notices are claimed as they are written and sent at once, and
  // the desk hands the outbox every command that wrote notices (unpaced here, as before).
  const outbox = createOutbox({
    store,
    clock,
    logger,
    owner: 'bench',
    leaseMs: 30_000,
    paceMs: 0,
  });
  const desk = createDesk({
    store,
    clock,
    ids: { next: () => newId() },
    config: config.desk,
    sendAtOnce: { owner: 'bench', leaseMs: 30_000 },
    afterCommit: outbox.afterCommit,
  });
  const adapter: SlackAdapter = createSlackAdapter(
    {
      desk,
      sinks: outbox,
      store,
      config,
      clock,
      logger,
    },
    {
      botToken: 'xoxb-bench',
      signingSecret: SECRET,
      apiUrl: fake.apiUrl,
      port: 0,
      ...BOT,
      retryConfig: { retries: 0 },
    },
  );
  await adapter.start();
  /** Waits until every notice is delivered, so iterations never overlap. */
  const idle = async () => {
    while ((await store.inspect.listOutbox({ statuses: ['pending', 'sending'] })).length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  return { adapter, idle };
}

/** Storage calls as [start, end] (performance.now), to attribute the app's time. */
const storageCalls: [number, number][] = [];
function timed(store: InspectableStore): InspectableStore {
  const time = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const start = performance.now();
          try {
            return await value.apply(target, args);
          } finally {
            storageCalls.push([start, performance.now()]);
          }
        };
      },
    });
  const { cases, timers, notices, inbound, refs } = store;
  return {
    ...store,
    cases: time(cases),
    timers: time(timers),
    notices: time(notices),
    inbound: time(inbound),
    refs: time(refs),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'slack-bench-'));
const sqliteStore = await openStore({ databaseUrl: `file:${join(dir, 'bench.db')}` });
const sqlite = await startApp(timed(sqliteStore));

/**
 * A bare Bolt app answering each direct message with one chat.postMessage in its thread; `first`
 * runs before the answer. Returns the app and its server.
 */
async function bareBolt(first: (eventId: string, event: unknown) => void = () => {}) {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SECRET,
    ...BOT,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl },
  });
  app.event('message', async ({ event, body, client }) => {
    const m = event as { channel: string; ts: string };
    first((body as { event_id: string }).event_id, event);
    await client.chat.postMessage({
      channel: m.channel,
      thread_ts: m.ts,
      text: 'Thanks, we got your message.',
    });
  });
  const server = (await app.start(0)) as { address(): { port: number } };
  return { app, server };
}

const { app: bare, server: bareServer } = await bareBolt();

// The floor for any app that stores the request durably before acknowledging it: the bare app plus
// ONE write of the event to SQLite (WAL, synchronous=FULL, as the store), with better-sqlite3.
const floorDb = new Database(join(dir, 'floor.db'));
floorDb.pragma('journal_mode = WAL');
floorDb.pragma('synchronous = FULL');
floorDb.exec('CREATE TABLE received (event_id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const remember = floorDb.prepare('INSERT INTO received (event_id, body) VALUES (?, ?)');
const { app: durable, server: durableServer } = await bareBolt((eventId, event) =>
  remember.run(eventId, JSON.stringify(event)),
);

type Target = 'sqlite' | 'bare' | 'durable';
const url = (port: number | undefined) => `http://127.0.0.1:${port}/slack/events`;
const targets: Record<Target, { send: SlackSender; idle: () => Promise<void> }> = {
  sqlite: { send: slackSender(url(sqlite.adapter.port), SECRET), idle: sqlite.idle },
  bare: { send: slackSender(url(bareServer.address().port), SECRET), idle: async () => {} },
  durable: { send: slackSender(url(durableServer.address().port), SECRET), idle: async () => {} },
};
const samples: Record<Target | 'storage', number[]> = { sqlite: [], bare: [], durable: [], storage: [] };

async function once(target: Target, i: number, record: boolean): Promise<void> {
  const user = USERS[i % USERS.length] as string;
  const message = directMessage(user, `The VPN client loses its certificate after sleep (${target} ${i})`);
  const since = fake.calls.length;
  const answered = fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === message.ts, {
    since,
    timeoutMs: 5000,
  });
  storageCalls.length = 0;
  const sentAt = performance.now();
  await targets[target].send.event(eventCallback(message));
  const first = await answered;
  if (record) samples[target].push(first.at - sentAt);
  if (record && target === 'sqlite') {
    // Storage calls run one at a time (one connection), so their durations add up.
    const before = storageCalls.filter(([start]) => start < first.at);
    samples.storage.push(before.reduce((sum, [start, end]) => sum + Math.min(end, first.at) - start, 0));
  }
  if (target === 'sqlite') {
    const card = (c: { method: string; args: Record<string, unknown> }) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === TRIAGE &&
      String(c.args.text).includes(`(${target} ${i})`);
    await fake.waitFor(card, { since, timeoutMs: 5000 });
    await targets[target].idle();
  }
}

for (let i = 0; i < warmup + iterations; i++) {
  // Alternate which goes first so neither always runs on a warmer process.
  const order: Target[] = i % 2 === 0 ? ['sqlite', 'bare', 'durable'] : ['durable', 'bare', 'sqlite'];
  for (const target of order) await once(target, i, i >= warmup);
  fake.calls.length = 0;
}

const round = (n: number) => Math.round(n * 100) / 100;
const figures = (ms: number[]) => ({
  p50: percentile(ms, 50),
  p99: percentile(ms, 99),
  mean: round(ms.reduce((a, b) => a + b, 0) / ms.length),
});
const app = figures(samples.sqlite);
const storage = figures(samples.storage);
const bareFigures = figures(samples.bare);
const durableFigures = figures(samples.durable);
const result = {
  measure: 'signed event → first chat.postMessage (the acknowledgement)',
  unit: 'ms',
  iterations,
  warmup,
  app,
  bare: bareFigures,
  /** The bare app plus one durable SQLite write before its answer: the floor for storing first. */
  bareWithOneDurableWrite: durableFigures,
  floorRatioP50: round(durableFigures.p50 / bareFigures.p50),
  /** Of the app's time: storage calls made before the acknowledgement was sent. */
  appStorageBeforeAck: storage,
  ratioP50: round(app.p50 / bareFigures.p50),
  ratioP99: round(app.p99 / bareFigures.p99),
  /** The goals' ratios: the app against the durable floor (bare Bolt + one fsync'd write). */
  durableRatioP50: round(app.p50 / durableFigures.p50),
  durableRatioP99: round(app.p99 / durableFigures.p99),
  goals: { durableRatioP50AtMost: GOALS.p50, durableRatioP99AtMost: GOALS.p99 },
  met: {
    p50: app.p50 <= GOALS.p50 * durableFigures.p50,
    p99: app.p99 <= GOALS.p99 * durableFigures.p99,
  },
};
writeResult('slack-roundtrip', result);
console.log(`signed event → first chat.postMessage, ${iterations} iterations after ${warmup} warm-up (ms)`);
console.log(`  this app (SQLite)   p50 ${app.p50}  p99 ${app.p99}  mean ${app.mean}`);
console.log(`    of which storage  p50 ${storage.p50}  p99 ${storage.p99}  (calls before the ack left)`);
console.log(`  bare Bolt          p50 ${bareFigures.p50}  p99 ${bareFigures.p99}  mean ${bareFigures.mean}`);
console.log(
  `  bare Bolt + 1 durable write  p50 ${durableFigures.p50}  p99 ${durableFigures.p99}  (ratio ${result.floorRatioP50}: the floor for storing before answering)`,
);
console.log(
  `  against the durable floor: p50 ${result.durableRatioP50} (goal ≤ ${GOALS.p50}), p99 ${result.durableRatioP99} (goal ≤ ${GOALS.p99})`,
);

await sqlite.adapter.stop();
await bare.stop();
await durable.stop();
floorDb.close();
await sqliteStore.close();
await fake.close();
rmSync(dir, { recursive: true, force: true });
