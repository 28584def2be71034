// What the fake Discord knows: the guild, its channels and threads, users, the messages the bot
// posted (with nonce dedupe like Discord's enforce_nonce) and the interactions it dispatched.

export type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  bot?: boolean;
}

export interface FakeChannel {
  id: string;
  type: number;
  name: string;
  guild_id?: string;
  parent_id?: string | null;
  /** Thread members (user ids), for private threads. */
  members: Set<string>;
  /** A thread archived (by PATCH archived: true). */
  archived?: boolean;
  recipients?: FakeUser[];
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  nonce?: string | number;
  flags: number;
  author: FakeUser;
  edits: Json[];
  deleted: boolean;
}

export interface FakeInteraction {
  id: string;
  token: string;
  payload: Json;
  /** Set by the first callback; a second callback gets 40060 like Discord. */
  callback: { type: number; data?: Json; at: number } | null;
  dispatchedAt: number;
  /** Messages posted through the interaction webhook (followUps and the @original). */
  messages: FakeMessage[];
}

export const ChannelKind = {
  text: 0,
  dm: 1,
  publicThread: 11,
  privateThread: 12,
  forum: 15,
} as const;

/** Nonces are unique per author for a few minutes on Discord; the fake keeps them for 5. */
const NONCE_TTL_MS = 5 * 60_000;

export class FakeState {
  private nextId = 1_300_000_000_000_000_000n;
  readonly guildId: string;
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage[]>();
  readonly interactions = new Map<string, FakeInteraction>();
  readonly commands = new Map<string, unknown[]>();
  private readonly nonces = new Map<string, { message: FakeMessage; at: number }>();

  constructor(guildId = '1100000000000000001') {
    this.guildId = guildId;
    this.applicationId = this.snowflake();
    this.bot = { id: this.applicationId, username: 'Ladder', global_name: null, bot: true };
  }

  snowflake(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  addUser(id: string, username: string, globalName: string | null = null): FakeUser {
    const user = { id, username, global_name: globalName };
    this.users.set(id, user);
    return user;
  }

  user(id: string): FakeUser {
    return this.users.get(id) ?? this.addUser(id, `user${id.slice(-4)}`);
  }

  addChannel(channel: Omit<FakeChannel, 'members'> & { members?: Set<string> }): FakeChannel {
    const full: FakeChannel = { members: new Set(), ...channel };
    this.channels.set(full.id, full);
    return full;
  }

  channel(id: string): FakeChannel | undefined {
    return this.channels.get(id);
  }

  /** Every message in a channel that was not deleted, oldest first. */
  messagesIn(channelId: string): FakeMessage[] {
    return (this.messages.get(channelId) ?? []).filter((m) => !m.deleted);
  }

  findMessage(channelId: string, messageId: string): FakeMessage | undefined {
    return this.messagesIn(channelId).find((m) => m.id === messageId);
  }

  /** Posts as the bot. With `enforce_nonce`, a nonce seen in the last minutes returns the original. */
  postMessage(
    channelId: string,
    body: Json,
    author: FakeUser = this.bot,
  ): { message: FakeMessage; deduped: boolean } {
    const nonce = body.nonce as string | number | undefined;
    const key = nonce === undefined ? undefined : `${author.id}:${String(nonce)}`;
    if (key !== undefined && body.enforce_nonce === true) {
      const seen = this.nonces.get(key);
      if (seen && Date.now() - seen.at < NONCE_TTL_MS) return { message: seen.message, deduped: true };
    }
    const message: FakeMessage = {
      id: this.snowflake(),
      channel_id: channelId,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      flags: typeof body.flags === 'number' ? body.flags : 0,
      author,
      edits: [],
      deleted: false,
      ...(nonce === undefined ? {} : { nonce }),
    };
    const list = this.messages.get(channelId) ?? [];
    list.push(message);
    this.messages.set(channelId, list);
    if (key !== undefined) this.nonces.set(key, { message, at: Date.now() });
    return { message, deduped: false };
  }

  editMessage(message: FakeMessage, body: Json): void {
    message.edits.push(body);
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds;
    if (Array.isArray(body.components)) message.components = body.components;
  }

  /** A message as the REST API returns it. */
  toApiMessage(m: FakeMessage): Json {
    const channel = this.channels.get(m.channel_id);
    return {
      id: m.id,
      type: 0,
      channel_id: m.channel_id,
      ...(channel?.guild_id ? { guild_id: channel.guild_id } : {}),
      author: m.author,
      content: m.content,
      embeds: m.embeds,
      components: m.components,
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: m.flags,
      timestamp: new Date().toISOString(),
      edited_timestamp: m.edits.length > 0 ? new Date().toISOString() : null,
      ...(m.nonce === undefined ? {} : { nonce: m.nonce }),
    };
  }

  toApiChannel(c: FakeChannel): Json {
    const base: Json = { id: c.id, type: c.type, name: c.name, flags: 0 };
    if (c.type === ChannelKind.dm) return { ...base, recipients: c.recipients ?? [], last_message_id: null };
    const guild = {
      guild_id: c.guild_id ?? this.guildId,
      permission_overwrites: [],
      position: 0,
      nsfw: false,
    };
    if (c.type === ChannelKind.publicThread || c.type === ChannelKind.privateThread) {
      return {
        ...base,
        ...guild,
        parent_id: c.parent_id ?? null,
        owner_id: this.bot.id,
        member_count: c.members.size,
        message_count: this.messagesIn(c.id).length,
        thread_metadata: {
          archived: c.archived ?? false,
          auto_archive_duration: 10080,
          archive_timestamp: new Date().toISOString(),
          locked: false,
          ...(c.type === ChannelKind.privateThread ? { invitable: false } : {}),
        },
      };
    }
    return { ...base, ...guild, parent_id: c.parent_id ?? null, topic: null, last_message_id: null };
  }
}
