// The Discord adapter on the real discord.js against the local fake, with the real desk on the
// in-memory store, the example config's people and teams, and a fake clock for business time.
import { randomUUID } from 'node:crypto';
import { createDiscordAdapter, type DiscordAdapter } from '../../../adapters/discord/index.ts';
import type { DiscordOptions } from '../../../adapters/discord/options.ts';
import { type AppConfig, loadConfig } from '../../../src/config/load-config.ts';
import { createDesk, type Desk } from '../../../src/core/desk.ts';
import type { Case } from '../../../src/core/model.ts';
import type { NoticeSink } from '../../../src/core/ports.ts';
import type { InspectableStore } from '../../../src/store/store.ts';
import type { ConsoleLinks } from '../../../src/platform/adapter.ts';
import { type DispatchReport, dispatchOnce } from '../../../src/jobs/dispatch-notices.ts';
import { createOutbox } from '../../../src/jobs/outbox.ts';
import { memoryLogger } from '../../../src/log.ts';
import { createMemoryStore } from '../../../src/store/memory-store.ts';
import { FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { buttonClick, messageCreate, modalSubmit, slashCommand } from '../../fakes/discord/payloads.ts';
import {
  ChannelKind,
  type FakeChannel,
  type FakeInteraction,
  type FakeMessage,
  type FakeUser,
  type Json,
} from '../../fakes/discord/state.ts';
import { FakeClock } from '../../support/fake-clock.ts';

export const IDS = {
  support: '1200000000000000001',
  forum: '1200000000000000002',
  admin: '1200000000000000009',
  triageSupport: '1187654321098765432',
  triageAccess: '1187654321098765433',
} as const;

export interface Rig {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  desk: Desk;
  store: InspectableStore;
  clock: FakeClock;
  config: AppConfig;
  logger: ReturnType<typeof memoryLogger>;
  channels: Record<'support' | 'forum' | 'triageSupport' | 'triageAccess' | 'admin', FakeChannel>;
  users: Record<'egle' | 'jean' | 'marie' | 'tom' | 'sam' | 'lucas' | 'claire', FakeUser>;
  /** Runs the outbox once (through the routing sink, like the app). */
  deliver(): Promise<DispatchReport>;
  /** The routing sink the adapter registered with: delivers one notice, as the outbox does. */
  sink: NoticeSink;
  /** Dispatches an interaction, waits for its callback and for the adapter to finish handling it. */
  interact(payload: Json): Promise<FakeInteraction>;
  command(
    user: FakeUser,
    channel: FakeChannel,
    name: string,
    subcommand?: string,
    locale?: string,
  ): Promise<FakeInteraction>;
  click(user: FakeUser, message: FakeMessage, action: string, locale?: string): Promise<FakeInteraction>;
  submit(
    user: FakeUser,
    channel: FakeChannel,
    form: FakeInteraction,
    values: Record<string, string | string[]>,
    message?: FakeMessage,
    locale?: string,
  ): Promise<FakeInteraction>;
  /** Dispatches a gateway event and waits until the adapter handled it. */
  dispatch(t: string, d: unknown): Promise<void>;
  /** A person writes in a channel (the message is kept in the fake); waits until it is handled. */
  say(author: FakeUser, channel: FakeChannel, content: string): Promise<FakeMessage>;
  caseOf(conversationChannelId: string): Promise<Case>;
  /** A member posts in the support channel; returns the case and its (private) thread. */
  openByMessage(user: FakeUser, text: string): Promise<{ case: Case; threadId: string }>;
  /**
   * Opens a case through `/support open` and its form, as `user` in #support, and passes it to an
   * expert (escalated by Tom, delivered): the expert's DM then carries Accept and the rest.
   */
  openWithExpert(
    user: FakeUser,
    form: { topic: string; description: string; urgency: string },
  ): Promise<{ caseId: string; threadId: string }>;
  /** Waits for the case opened with these words. */
  caseWithWords(words: string): Promise<Case>;
  dmWith(user: FakeUser): FakeChannel | undefined;
  /** Stops the adapter and starts a fresh one on the same store, as a process restart would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The intake limit off: a member may open any number of cases, one right after another. */
export const NO_INTAKE_LIMIT: NonNullable<AppConfig['desk']['intake']> = {
  internal: { cooldownMinutes: 0, maxOpenCases: null },
  community: { cooldownMinutes: 0, maxOpenCases: null },
};

export async function startRig(
  extra: Partial<DiscordOptions> = {},
  setup: {
    intake?: AppConfig['desk']['intake'];
    /** Like the app: the outbox delivers each command's notices as soon as it commits. */
    deliverAtOnce?: boolean;
    /** The web console's sign-in links, as the app gives them when the console is on. */
    consoleLinks?: ConsoleLinks;
  } = {},
): Promise<Rig> {
  const fake = await FakeDiscord.start();
  const channels = {
    support: fake.textChannel(IDS.support, 'support'),
    forum: fake.textChannel(IDS.forum, 'help-forum', ChannelKind.forum),
    triageSupport: fake.textChannel(IDS.triageSupport, 'triage-support'),
    triageAccess: fake.textChannel(IDS.triageAccess, 'triage-access'),
    admin: fake.textChannel(IDS.admin, 'bot-admin'),
  };
  const s = fake.state;
  const users = {
    egle: s.addUser('2000000000000000001', 'egle_k', 'Eglė'),
    jean: s.addUser('2000000000000000002', 'jeanb', 'Jean Bernard'),
    marie: s.addUser('1087000000000000001', 'marie', 'Marie Dubois'),
    tom: s.addUser('1087000000000000003', 'tomw', 'Tom Whitfield'),
    claire: s.addUser('1087000000000000006', 'claire', 'Claire Martin'),
    sam: s.addUser('1087000000000000007', 'samo', 'Sam Okafor'),
    lucas: s.addUser('1087000000000000008', 'lucas', 'Lucas Bernard'),
  };
  const loaded = loadConfig('config/support.example.yaml');
  const config: AppConfig = setup.intake
    ? { ...loaded, desk: { ...loaded.desk, intake: setup.intake } }
    : loaded;
  const clock = new FakeClock('2026-11-23T08:00:00Z'); // a Monday
  const store = createMemoryStore();
  const logger = memoryLogger();
  // Tests deliver when they say so (rig.deliver): the outbox only routes to the adapter's sink,
  // unless deliverAtOnce, where it sends after each command as in the app.
  const outbox = createOutbox({ store, clock, logger, owner: 'test', leaseMs: 30_000 });
  const desk = createDesk({
    store,
    clock,
    ids: { next: randomUUID },
    config: config.desk,
    ...(setup.deliverAtOnce ? { afterCommit: (result) => outbox.afterCommit(result) } : {}),
  });
  const newAdapter = () =>
    createDiscordAdapter(
      {
        desk,
        sinks: outbox,
        store,
        config,
        clock,
        logger,
        ...(setup.consoleLinks ? { consoleLinks: setup.consoleLinks } : {}),
      },
      {
        token: 'test-token',
        applicationId: s.applicationId,
        apiUrl: fake.apiUrl,
        guildId: s.guildId,
        supportChannelId: IDS.support,
        supportForumId: IDS.forum,
        ...extra,
      },
    );
  let adapter = newAdapter();
  await adapter.start();

  const rig: Rig = {
    fake,
    get adapter() {
      return adapter;
    },
    desk,
    store,
    clock,
    config,
    logger,
    channels,
    users,
    deliver: () => dispatchOnce({ notices: store.notices, clock, sink: outbox, logger, owner: 'test' }),
    sink: outbox,
    async interact(payload) {
      const interaction = fake.interact(payload);
      await fake.callbackOf(interaction);
      await fake.waitFor(() => adapter.idle().then(() => true), { what: 'adapter idle' });
      return interaction;
    },
    command(user, channel, name, subcommand, locale) {
      return rig.interact(
        slashCommand(s, {
          user,
          channel,
          name,
          ...(subcommand ? { subcommand } : {}),
          ...(locale ? { locale } : {}),
        }),
      );
    },
    click(user, message, action, locale) {
      const customId = customIdOn(message, action);
      const channel = s.channel(message.channel_id) as FakeChannel;
      return rig.interact(
        buttonClick(s, {
          user,
          channel,
          customId,
          message: s.toApiMessage(message),
          ...(locale ? { locale } : {}),
        }),
      );
    },
    submit(user, channel, form, values, message, locale) {
      const modal = form.callback?.data as Json;
      return rig.interact(
        modalSubmit(s, {
          user,
          channel,
          modal,
          values,
          ...(message ? { message: s.toApiMessage(message) } : {}),
          ...(locale ? { locale } : {}),
        }),
      );
    },
    async dispatch(t, d) {
      const before = fake.gateway.sessions.at(-1)?.seq ?? 0;
      fake.dispatch(t, d);
      await fake.waitFor(() => (fake.gateway.sessions.at(-1)?.seq ?? 0) > before, { what: `${t} sent` });
      // The client handles a dispatch on its next tick; then its handler runs.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await adapter.idle();
    },
    async say(author, channel, content) {
      const before = fake.gateway.sessions.at(-1)?.seq ?? 0;
      const message = fake.say(author, channel, content);
      await fake.waitFor(() => (fake.gateway.sessions.at(-1)?.seq ?? 0) > before, { what: 'message sent' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await adapter.idle();
      return message;
    },
    async caseOf(channelId) {
      const c = await store.cases.findCaseByConversation(`discord:${s.guildId}:${channelId}`);
      if (!c) throw new Error(`no case in channel ${channelId}`);
      return c;
    },
    async openByMessage(user, text) {
      const message = messageCreate(s, { author: user, channel: channels.support, content: text });
      const known = new Set(s.channels.keys());
      fake.dispatch('MESSAGE_CREATE', message);
      // The case's thread is a new private thread in #support with the member in it.
      const opened = await fake.waitFor(
        async () => {
          const thread = [...s.channels.values()].find(
            (ch) => !known.has(ch.id) && ch.parent_id === channels.support.id && ch.members.has(user.id),
          );
          if (!thread) return null;
          const c = await store.cases.findCaseByConversation(`discord:${s.guildId}:${thread.id}`);
          return c ? { case: c, threadId: thread.id } : null;
        },
        { what: `a case on message ${String(message.id)}` },
      );
      await adapter.idle();
      return opened;
    },
    async openWithExpert(user, fields) {
      const form = await rig.command(user, channels.support, 'support', 'open');
      const done = await rig.submit(user, channels.support, form, fields);
      const threadId = /<#(\d+)>/.exec(done.messages[0]?.content ?? '')?.[1] ?? '';
      const caseId = (await rig.caseOf(threadId)).id;
      await desk.escalate({ caseId, actor: { id: 'tom' } });
      await rig.deliver();
      return { caseId, threadId };
    },
    caseWithWords(words) {
      return fake.waitFor(async () => (await store.cases.listCases({})).find((c) => c.words === words), {
        what: `a case with “${words}”`,
      });
    },
    dmWith(user) {
      return [...s.channels.values()].find(
        (c) => c.type === ChannelKind.dm && c.recipients?.[0]?.id === user.id,
      );
    },
    async restart() {
      await adapter.stop();
      adapter = newAdapter();
      await adapter.start();
    },
    async stop() {
      if (setup.deliverAtOnce) await outbox.stop();
      await adapter.stop();
      await fake.stop();
    },
  };
  return rig;
}

/** The custom id of the button whose id starts with `act:<action>` (or is exactly `action`). */
export function customIdOn(message: FakeMessage, action: string): string {
  const ids = (message.components as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
    (row.components ?? []).map((c) => c.custom_id ?? ''),
  );
  const found = ids.find((id) => id === action || id.startsWith(`act:${action}:`));
  if (!found) throw new Error(`no "${action}" button on message ${message.id} (has: ${ids.join(', ')})`);
  return found;
}

/** The last message in a channel (optionally the last one with a given button). */
export function lastMessage(rig: Rig, channelId: string, withAction?: string): FakeMessage {
  const messages = rig.fake.messagesIn(channelId).filter((m) => {
    if (!withAction) return true;
    try {
      customIdOn(m, withAction);
      return true;
    } catch {
      return false;
    }
  });
  const last = messages.at(-1);
  if (!last) throw new Error(`no message${withAction ? ` with "${withAction}"` : ''} in ${channelId}`);
  return last;
}

/**
 * A member's case on the access team (Eglė's locked account), claimed by Tom (front line) from the
 * triage card, with its notices delivered: its thread and its case id.
 */
export async function openClaimedAccessCase(
  r: Rig,
): Promise<{ threadId: string; thread: FakeChannel; caseId: string }> {
  const { egle, tom } = r.users;
  const form = await r.command(egle, r.channels.support, 'support', 'open');
  const submitted = await r.submit(egle, r.channels.support, form, {
    topic: 'access',
    description: 'My account is locked after too many attempts.',
    urgency: 'normal',
  });
  const threadId = /<#(\d+)>/.exec(submitted.messages[0]?.content ?? '')?.[1] ?? '';
  await r.deliver();
  await r.click(tom, lastMessage(r, IDS.triageAccess), 'claim');
  await r.deliver();
  const c = await r.caseOf(threadId);
  return { threadId, thread: r.fake.state.channel(threadId) as FakeChannel, caseId: c.id };
}

/** Every message body Discord received must parse no mentions at all. */
export function bodiesWithContent(rig: Rig): { path: string; body: Json }[] {
  return rig.fake.calls.flatMap((call) => {
    const body = call.body ?? {};
    const inner = (call.path.endsWith('/callback') ? body.data : body) as Json | undefined;
    return inner && typeof inner.content === 'string' ? [{ path: call.path, body: inner }] : [];
  });
}
