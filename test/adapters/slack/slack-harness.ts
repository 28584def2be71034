// The real Slack adapter (real Bolt, HTTP receiver) against the fake Slack, on the real desk with
// the in-memory store and a fake clock, configured with the example config's people and teams.
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.ts';
import type { SlackOptions } from '../../../adapters/slack/options.ts';
import { type AppConfig, loadConfig } from '../../../src/config/load-config.ts';
import { createDesk, type Desk } from '../../../src/core/desk.ts';
import type { Case } from '../../../src/core/model.ts';
import type { NoticeSink } from '../../../src/core/ports.ts';
import type { ConsoleLinks } from '../../../src/platform/adapter.ts';
import type { InspectableStore } from '../../../src/store/store.ts';
import { dispatchOnce } from '../../../src/jobs/dispatch-notices.ts';
import { createOutbox } from '../../../src/jobs/outbox.ts';
import { memoryLogger } from '../../../src/log.ts';
import { createMemoryStore } from '../../../src/store/memory-store.ts';
import { type ApiCall, FakeSlack } from '../../fakes/slack/fake-slack.ts';
import { buttonClick, viewSubmission } from '../../fakes/slack/payloads.ts';
import { type SlackSender, slackSender } from '../../fakes/slack/signed-requests.ts';
import { FakeClock, SequentialIds } from '../../support/fake-clock.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BOT_USER = 'U0BOT0001';

/** Slack ids from config/support.example.yaml, plus two employees who are not in the directory. */
export const U = {
  egle: 'U05EGLE001',
  petras: 'U05PETRAS2',
  marie: 'U04MARIE01',
  rasa: 'U04RASA002',
  tom: 'U04TOM0003',
  jonas: 'U04JONAS04',
} as const;
export const TRIAGE = 'C05TRIAGE01';

export interface SlackHarness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  slack: SlackSender;
  /** Stops the adapter and starts a new one (new Bolt app, same store): a process restart. */
  restart(): Promise<void>;
  desk: Desk;
  store: InspectableStore;
  clock: FakeClock;
  config: AppConfig;
  logger: ReturnType<typeof memoryLogger>;
  /** Runs the outbox once, as the scheduled job would. */
  dispatch(): ReturnType<typeof dispatchOnce>;
  /** The routing sink the adapter registered with: delivers one notice, as the outbox does. */
  sink: NoticeSink;
  /** Clicks the button `actionId` on a message the bot posted (or updated), or on a published view. */
  click(user: string, message: ApiCall, actionId: string): Promise<number>;
  /** Submits the modal opened by `opened` (a views.open call) with these input states. */
  submit(
    user: string,
    opened: ApiCall,
    values: Record<string, unknown>,
  ): Promise<{ status: number; body: string }>;
  onlyCase(): Promise<Case>;
  /** Resolves once no notice is being sent and none is due (fails after 3 s). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface Button {
  action_id: string;
  value: string;
  text: string;
}

/** The buttons in a posted or updated message's (or a view's) blocks, accessories included. */
export function buttonsOf(call: ApiCall | { args: Record<string, unknown> }): Button[] {
  type Element = { type: string; action_id: string; value: string; text: { text: string } };
  const blocks = (call.args.blocks ?? (call.args.view as { blocks?: unknown } | undefined)?.blocks ?? []) as {
    type: string;
    elements?: Element[];
    accessory?: Element;
  }[];
  return blocks
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : b.accessory ? [b.accessory] : []))
    .filter((e) => e.type === 'button')
    .map((e) => ({ action_id: e.action_id, value: e.value, text: e.text.text }));
}

/** All the text of a message: its fallback and every block's text and fields. */
/** Matches a message the bot posted in this thread whose text contains `text`. */
export const postedInThread =
  (channel: string, threadTs: () => string, text: string) =>
  (c: ApiCall): boolean =>
    c.method === 'chat.postMessage' &&
    c.args.channel === channel &&
    c.args.thread_ts === threadTs() &&
    textOf(c).includes(text);

export function textOf(call: ApiCall | { args: Record<string, unknown> }): string {
  const blocks = (call.args.blocks ?? []) as {
    text?: { text?: string };
    fields?: { text: string }[];
    elements?: { text?: string }[];
  }[];
  const parts = blocks.flatMap((b) => [
    b.text?.text ?? '',
    ...(b.fields ?? []).map((f) => f.text),
    ...(b.elements ?? []).map((e) => e.text ?? ''),
  ]);
  return [String(call.args.text ?? ''), ...parts].join('\n');
}

export async function slackHarness(
  options: Partial<SlackOptions> = {},
  setup: (fake: FakeSlack) => void = () => {},
  /** Changes to the example configuration, for a test that needs other settings. */
  adjust: (config: AppConfig) => AppConfig = (config) => config,
  /** What the app may add to the adapter's context: the web console's sign-in links. */
  extra: { consoleLinks?: ConsoleLinks } = {},
): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  setup(fake);
  fake.addUser({
    id: U.egle,
    handle: 'egle',
    realName: 'Eglė Žemaitė',
    displayName: 'Eglė',
    tz: 'Europe/Vilnius',
    locale: 'en-GB',
  });
  fake.addUser({
    id: U.petras,
    handle: 'petras',
    realName: 'Petras Kairys',
    tz: 'Europe/Vilnius',
    locale: 'lt-LT',
  });
  const config = adjust(loadConfig('config/support.example.yaml'));
  const clock = new FakeClock('2026-11-23T08:00:00Z'); // Monday 10:00 in Vilnius
  const store = createMemoryStore();
  const logger = memoryLogger();
  const ids = new SequentialIds('case');
  const desk = createDesk({ store, clock, ids, config: config.desk });
  // Unpaced, so tests need not wait a second per channel.
  const outbox = createOutbox({ store, clock, logger, owner: 'test', leaseMs: 30_000, paceMs: 0 });
  // The adapter's desk claims a new case's notices as it writes them and hands every command's
  // notices to the outbox, as main.ts wires it; tests driving `desk` directly deliver when they say so.
  const adapterDesk = createDesk({
    store,
    clock,
    ids,
    config: config.desk,
    sendAtOnce: { owner: 'test', leaseMs: 30_000 },
    afterCommit: outbox.afterCommit,
  });
  const dispatch = () => dispatchOnce({ notices: store.notices, clock, sink: outbox, logger, owner: 'test' });
  const startAdapter = async () => {
    const next = createSlackAdapter(
      {
        desk: adapterDesk,
        sinks: outbox,
        store,
        config,
        clock,
        logger,
        ...extra,
      },
      {
        botToken: 'xoxb-1234-5678-test',
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.apiUrl,
        port: 0,
        botUserId: BOT_USER,
        botId: 'B0BOT0001',
        retryConfig: { retries: 0 },
        ...options,
      },
    );
    await next.start();
    return next;
  };
  let started = await startAdapter();

  const harness: SlackHarness = {
    fake,
    adapter: started,
    slack: slackSender(`http://127.0.0.1:${started.port}/slack/events`, SIGNING_SECRET),
    async restart() {
      await started.stop();
      started = await startAdapter();
      harness.adapter = started;
      harness.slack = slackSender(`http://127.0.0.1:${started.port}/slack/events`, SIGNING_SECRET);
    },
    desk,
    store,
    clock,
    config,
    logger,
    dispatch,
    sink: outbox,
    async click(user, message, actionId) {
      const { slack } = harness;
      const button = buttonsOf(message).find((b) => b.action_id === actionId);
      if (!button)
        throw new Error(
          `no ${actionId} button in: ${buttonsOf(message)
            .map((b) => b.action_id)
            .join(', ')}`,
        );
      // A button in a view (the App Home tab) comes from no channel.
      const inView = message.method.startsWith('views.');
      const channel = String(message.args.channel);
      const ts = String(message.args.ts ?? message.reply.ts);
      const threadTs = typeof message.args.thread_ts === 'string' ? message.args.thread_ts : undefined;
      const res = await slack.interaction(
        buttonClick(
          user,
          button,
          inView ? {} : { channel, ts, ...(threadTs ? { thread_ts: threadTs } : {}) },
        ),
      );
      return res.status;
    },
    async submit(user, opened, values) {
      const view = opened.args.view as { callback_id: string; private_metadata?: string };
      return harness.slack.interaction(viewSubmission(user, view, values));
    },
    async onlyCase() {
      const cases = await desk.listCases({});
      if (cases.length !== 1) throw new Error(`expected one case, found ${cases.length}`);
      return cases[0] as Case;
    },
    async settled() {
      const until = performance.now() + 3000;
      for (;;) {
        const now = clock.now().getTime();
        const busy = (await store.inspect.listOutbox({ statuses: ['pending', 'sending'] })).filter(
          (n) => n.status === 'sending' || n.nextAttemptAt.getTime() <= now,
        );
        if (busy.length === 0) return;
        if (performance.now() > until)
          throw new Error(`outbox still busy: ${busy.map((n) => n.key).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      await outbox.stop();
      await started.stop();
      await fake.close();
    },
  };
  return harness;
}
