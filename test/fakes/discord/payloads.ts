// Gateway payloads shaped like Discord's: the guild, members, messages and interactions.
import { ChannelKind, type FakeChannel, type FakeState, type FakeUser, type Json } from './state.ts';

export const InteractionKind = { command: 2, component: 3, modalSubmit: 5 } as const;
export const ComponentKind = { actionRow: 1, button: 2, stringSelect: 3, textInput: 4, label: 18 } as const;

/** Every permission bit set, as Discord sends it to an administrator. */
const ALL_PERMISSIONS = '2251799813685247';

export function guildCreate(state: FakeState, name = 'Acme Community'): Json {
  const inGuild = [...state.channels.values()].filter((c) => c.type !== ChannelKind.dm);
  const isThread = (c: FakeChannel) =>
    c.type === ChannelKind.publicThread || c.type === ChannelKind.privateThread;
  return {
    id: state.guildId,
    name,
    icon: null,
    owner_id: state.bot.id,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: state.guildId,
        name: '@everyone',
        permissions: '1071698660929',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    preferred_locale: 'en-US',
    premium_tier: 0,
    nsfw_level: 0,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: state.users.size + 1,
    voice_states: [],
    members: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: inGuild.filter((c) => !isThread(c)).map((c) => state.toApiChannel(c)),
    threads: inGuild.filter(isThread).map((c) => state.toApiChannel(c)),
  };
}

export function member(user: FakeUser, permissions = '0'): Json {
  return {
    user,
    roles: [],
    nick: null,
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions,
  };
}

export interface MessageInput {
  author: FakeUser;
  channel: FakeChannel;
  content: string;
  id?: string;
  mentionEveryone?: boolean;
}

export function messageCreate(state: FakeState, input: MessageInput): Json {
  const inGuild = input.channel.type !== ChannelKind.dm;
  return {
    id: input.id ?? state.snowflake(),
    type: 0,
    channel_id: input.channel.id,
    ...(inGuild ? { guild_id: state.guildId, member: member(input.author) } : {}),
    channel_type: input.channel.type,
    author: input.author,
    content: input.content,
    embeds: [],
    attachments: [],
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: input.mentionEveryone ?? false,
    pinned: false,
    tts: false,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

export interface InteractionInput {
  user: FakeUser;
  channel: FakeChannel;
  locale?: string;
  /** Discord sends the member's permissions in the guild; an admin has them all. */
  admin?: boolean;
}

function interactionBase(state: FakeState, type: number, data: Json, input: InteractionInput): Json {
  const inGuild = input.channel.type !== ChannelKind.dm;
  return {
    id: state.snowflake(),
    application_id: state.applicationId,
    type,
    data,
    token: `tok-${state.snowflake()}`,
    version: 1,
    locale: input.locale ?? 'en-US',
    channel_id: input.channel.id,
    channel: state.toApiChannel(input.channel),
    ...(inGuild
      ? {
          guild_id: state.guildId,
          guild_locale: 'en-US',
          member: member(input.user, input.admin ? ALL_PERMISSIONS : '1071698660929'),
          context: 0,
        }
      : { user: input.user, context: 1 }),
    app_permissions: ALL_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { '0': state.guildId },
    attachment_size_limit: 10_485_760,
  };
}

export function slashCommand(
  state: FakeState,
  input: InteractionInput & { name: string; subcommand?: string },
): Json {
  const options = input.subcommand ? [{ type: 1, name: input.subcommand, options: [] }] : [];
  return interactionBase(
    state,
    InteractionKind.command,
    { id: state.snowflake(), name: input.name, type: 1, options },
    input,
  );
}

export function buttonClick(
  state: FakeState,
  input: InteractionInput & { customId: string; message: Json },
): Json {
  return {
    ...interactionBase(
      state,
      InteractionKind.component,
      { custom_id: input.customId, component_type: ComponentKind.button },
      input,
    ),
    message: input.message,
  };
}

/**
 * A modal submission answering `modal` (the data of a type 9 callback). Each value goes to the
 * component with that custom id: a string for a text input, a list for a select menu.
 */
export function modalSubmit(
  state: FakeState,
  input: InteractionInput & { modal: Json; values: Record<string, string | string[]>; message?: Json },
): Json {
  const rows = (input.modal.components ?? []) as Json[];
  const components = rows.map((row) => {
    const inner = (row.component ?? (row.components as Json[] | undefined)?.[0]) as Json;
    const customId = String(inner.custom_id);
    const value = input.values[customId];
    const answered =
      inner.type === ComponentKind.textInput
        ? { type: inner.type, custom_id: customId, value: typeof value === 'string' ? value : '' }
        : {
            type: inner.type,
            custom_id: customId,
            values: Array.isArray(value) ? value : value ? [value] : [],
          };
    return row.type === ComponentKind.label
      ? { type: ComponentKind.label, component: answered }
      : { type: ComponentKind.actionRow, components: [answered] };
  });
  return {
    ...interactionBase(
      state,
      InteractionKind.modalSubmit,
      { custom_id: String(input.modal.custom_id), components },
      input,
    ),
    ...(input.message ? { message: input.message } : {}),
  };
}
