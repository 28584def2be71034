// A local Discord for tests and the benchmark: a REST server (reached through DISCORD_API_URL)
// that records every call, and a gateway that drives the real discord.js client.
import type { AddressInfo } from 'node:net';
import { Gateway } from './gateway.ts';
import { guildCreate, messageCreate } from './payloads.ts';
import { type RecordedCall, RestServer } from './rest-server.ts';
import { registerRoutes } from './routes.ts';
import {
  ChannelKind,
  type FakeChannel,
  type FakeInteraction,
  type FakeMessage,
  FakeState,
  type FakeUser,
  type Json,
} from './state.ts';

export interface WaitOptions {
  timeoutMs?: number;
  what?: string;
}

export class FakeDiscord {
  readonly state = new FakeState();
  readonly rest = new RestServer();
  readonly gateway: Gateway;
  apiUrl = '';

  private constructor() {
    this.gateway = new Gateway(this.rest.server, {
      ready: () => ({
        v: 10,
        user: { ...this.state.bot, discriminator: '0', avatar: null, verified: true, flags: 0 },
        guilds: [{ id: this.state.guildId, unavailable: true }],
        shard: [0, 1],
        application: { id: this.state.applicationId, flags: 0 },
        private_channels: [],
        presences: [],
        relationships: [],
        user_settings: {},
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
      }),
      guilds: () => [guildCreate(this.state)],
    });
    registerRoutes(this);
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.rest.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.rest.server.address() as AddressInfo;
    fake.apiUrl = `http://127.0.0.1:${port}/api`;
    fake.gateway.url = `ws://127.0.0.1:${port}/gateway`;
    return fake;
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    this.rest.server.closeAllConnections();
    await new Promise<void>((resolve) => this.rest.server.close(() => resolve()));
  }

  get calls(): RecordedCall[] {
    return this.rest.calls;
  }

  textChannel(id: string, name: string, type: number = ChannelKind.text): FakeChannel {
    return this.state.addChannel({ id, type, name, guild_id: this.state.guildId, parent_id: null });
  }

  /** A forum post by a member: the thread and its starter message (same id), as Discord sends them. */
  forumPost(
    forumId: string,
    author: ReturnType<FakeState['user']>,
    title: string,
    content: string,
  ): FakeChannel {
    const id = this.state.snowflake();
    const thread = this.state.addChannel({
      id,
      type: ChannelKind.publicThread,
      name: title,
      guild_id: this.state.guildId,
      parent_id: forumId,
    });
    this.dispatch('THREAD_CREATE', { ...this.state.toApiChannel(thread), newly_created: true });
    this.dispatch('MESSAGE_CREATE', {
      id,
      type: 0,
      channel_id: id,
      guild_id: this.state.guildId,
      channel_type: ChannelKind.publicThread,
      author,
      member: {
        user: author,
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      content,
      embeds: [],
      attachments: [],
      components: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    });
    return thread;
  }

  /** A person writes in a channel: the message is kept beside the bot's, then dispatched. */
  say(author: FakeUser, channel: FakeChannel, content: string): FakeMessage {
    const { message } = this.state.postMessage(channel.id, { content }, author);
    this.dispatch('MESSAGE_CREATE', messageCreate(this.state, { author, channel, content, id: message.id }));
    return message;
  }

  dispatch(t: string, d: unknown, token?: string): void {
    this.gateway.dispatch(t, d, token);
  }

  /** Dispatches an interaction and remembers it, so its callback can be awaited. */
  interact(payload: Json, token?: string): FakeInteraction {
    const id = String(payload.id);
    const interaction: FakeInteraction = this.state.interactions.get(id) ?? {
      id,
      token: String(payload.token),
      payload,
      callback: null,
      dispatchedAt: performance.now(),
      messages: [],
    };
    interaction.dispatchedAt = performance.now();
    this.state.interactions.set(id, interaction);
    this.dispatch('INTERACTION_CREATE', payload, token);
    return interaction;
  }

  /** Waits until the interaction got its (first) callback; returns it. */
  async callbackOf(
    interaction: FakeInteraction,
    options: WaitOptions = {},
  ): Promise<NonNullable<FakeInteraction['callback']>> {
    await this.waitFor(() => interaction.callback !== null, {
      what: `callback of ${interaction.id}`,
      ...options,
    });
    return interaction.callback as NonNullable<FakeInteraction['callback']>;
  }

  messagesIn(channelId: string) {
    return this.state.messagesIn(channelId);
  }

  /** Calls whose method and path match. */
  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Polls a condition (every 5 ms) until it holds, or fails with a message after the timeout. */
  async waitFor<T>(check: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
    // Long enough for a machine running three suites at once; a wait ends as soon as it holds.
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
      const value = await check();
      if (value) return value as NonNullable<T>;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'a condition'}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
