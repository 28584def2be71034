// The REST routes the fake answers, with Discord's behaviour where it matters to the adapter:
// nonce dedupe, 40060 on a second interaction callback, thread creation dispatching THREAD_CREATE.
import type { FakeDiscord } from './fake-discord.ts';
import { discordError, type Reply } from './rest-server.ts';
import { ChannelKind, type FakeChannel, type Json } from './state.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });
const created = (body: unknown): Reply => ({ status: 201, body });
const noContent: Reply = { status: 204 };
const unknownChannel = discordError(404, 10003, 'Unknown Channel');
const unknownMessage = discordError(404, 10008, 'Unknown Message');

export function registerRoutes(fake: FakeDiscord): void {
  const { rest, state } = fake;
  const port = () => new URL(fake.apiUrl).port;

  rest.route('GET', '/gateway/bot', () =>
    ok({
      url: `ws://127.0.0.1:${port()}/gateway`,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    }),
  );
  rest.route('GET', '/users/@me', () => ok(state.bot));
  rest.route('GET', '/applications/@me', () => ok({ id: state.applicationId, name: 'Ladder', flags: 0 }));

  // Interactions ---------------------------------------------------------------------------
  rest.route('POST', '/interactions/:id/:token/callback', (call, [id, token]) => {
    const interaction = state.interactions.get(id ?? '');
    if (!interaction || interaction.token !== token) return discordError(404, 10062, 'Unknown interaction');
    if (interaction.callback) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    const body = call.body ?? {};
    interaction.callback = {
      type: Number(body.type),
      data: (body.data ?? undefined) as Json,
      at: performance.now(),
    };
    if (body.type === 4) {
      const { message } = state.postMessage(`interaction:${interaction.id}`, (body.data ?? {}) as Json);
      interaction.messages.push(message);
    }
    return noContent;
  });
  const interactionByToken = (token: string | undefined) =>
    [...state.interactions.values()].find((i) => i.token === token);
  rest.route('POST', '/webhooks/:app/:token', (call, [, token]) => {
    const interaction = interactionByToken(token);
    if (!interaction) return discordError(404, 10015, 'Unknown Webhook');
    const { message } = state.postMessage(`interaction:${interaction.id}`, call.body ?? {});
    interaction.messages.push(message);
    return ok(state.toApiMessage(message));
  });
  rest.route('PATCH', '/webhooks/:app/:token/messages/:message', (call, [, token, messageId]) => {
    const interaction = interactionByToken(token);
    if (!interaction) return discordError(404, 10015, 'Unknown Webhook');
    let message =
      messageId === '@original'
        ? interaction.messages[0]
        : interaction.messages.find((m) => m.id === messageId);
    if (!message && messageId === '@original') {
      message = state.postMessage(`interaction:${interaction.id}`, {}).message;
      interaction.messages.unshift(message);
    }
    if (!message) return unknownMessage;
    state.editMessage(message, call.body ?? {});
    return ok(state.toApiMessage(message));
  });

  // Channels and messages ----------------------------------------------------------------------
  rest.route('GET', '/channels/:channel', (_call, [id]) => {
    const channel = state.channel(id ?? '');
    return channel ? ok(state.toApiChannel(channel)) : unknownChannel;
  });
  rest.route('PATCH', '/channels/:channel', (call, [id]) => {
    const channel = state.channel(id ?? '');
    if (!channel) return unknownChannel;
    if (typeof call.body?.name === 'string') channel.name = call.body.name;
    if (typeof call.body?.archived === 'boolean') channel.archived = call.body.archived;
    fake.dispatch('THREAD_UPDATE', state.toApiChannel(channel));
    return ok(state.toApiChannel(channel));
  });
  rest.route('POST', '/channels/:channel/messages', (call, [id]) => {
    const channel = state.channel(id ?? '');
    if (!channel) return unknownChannel;
    const { message, deduped } = state.postMessage(channel.id, call.body ?? {});
    const api = state.toApiMessage(message);
    if (!deduped) fake.dispatch('MESSAGE_CREATE', { ...api, channel_type: channel.type });
    return ok(api);
  });
  rest.route('GET', '/channels/:channel/messages/:message', (_call, [channelId, messageId]) => {
    const message = state.findMessage(channelId ?? '', messageId ?? '');
    return message ? ok(state.toApiMessage(message)) : unknownMessage;
  });
  rest.route('PATCH', '/channels/:channel/messages/:message', (call, [channelId, messageId]) => {
    const message = state.findMessage(channelId ?? '', messageId ?? '');
    if (!message) return unknownMessage;
    state.editMessage(message, call.body ?? {});
    return ok(state.toApiMessage(message));
  });
  rest.route('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', () => noContent);

  // Threads ------------------------------------------------------------------------------------
  const openThread = (parent: FakeChannel, id: string, body: Json): FakeChannel => {
    const type =
      parent.type === ChannelKind.forum
        ? ChannelKind.publicThread
        : typeof body.type === 'number'
          ? body.type
          : ChannelKind.publicThread;
    const thread = state.addChannel({
      id,
      type,
      name: String(body.name ?? 'thread'),
      guild_id: state.guildId,
      parent_id: parent.id,
      members: new Set([state.bot.id]),
    });
    fake.dispatch('THREAD_CREATE', { ...state.toApiChannel(thread), newly_created: true });
    return thread;
  };
  rest.route('POST', '/channels/:channel/threads', (call, [id]) => {
    const parent = state.channel(id ?? '');
    if (!parent) return unknownChannel;
    const thread = openThread(parent, state.snowflake(), call.body ?? {});
    return created(state.toApiChannel(thread));
  });
  rest.route('POST', '/channels/:channel/messages/:message/threads', (call, [channelId, messageId]) => {
    const parent = state.channel(channelId ?? '');
    if (!parent) return unknownChannel;
    if (state.channel(messageId ?? ''))
      return discordError(400, 160004, 'A thread has already been created for this message');
    const thread = openThread(parent, messageId ?? '', { ...call.body, type: ChannelKind.publicThread });
    return created(state.toApiChannel(thread));
  });
  rest.route('PUT', '/channels/:channel/thread-members/:user', (_call, [id, userId]) => {
    const thread = state.channel(id ?? '');
    if (!thread) return unknownChannel;
    thread.members.add(userId ?? '');
    return noContent;
  });
  rest.route('DELETE', '/channels/:channel/thread-members/:user', (_call, [id, userId]) => {
    const thread = state.channel(id ?? '');
    if (!thread) return unknownChannel;
    thread.members.delete(userId ?? '');
    return noContent;
  });

  // Direct messages ----------------------------------------------------------------------------
  rest.route('POST', '/users/@me/channels', (call) => {
    const recipientId = String(call.body?.recipient_id ?? '');
    const existing = [...state.channels.values()].find(
      (c) => c.type === ChannelKind.dm && c.recipients?.[0]?.id === recipientId,
    );
    const channel =
      existing ??
      state.addChannel({
        id: state.snowflake(),
        type: ChannelKind.dm,
        name: '',
        recipients: [state.user(recipientId)],
      });
    return ok(state.toApiChannel(channel));
  });

  // Application commands -----------------------------------------------------------------------
  const putCommands = (key: string, body: unknown): Reply => {
    const list = (Array.isArray(body) ? body : []) as Json[];
    const withIds = list.map((c) => ({
      ...c,
      id: state.snowflake(),
      application_id: state.applicationId,
      version: '1',
    }));
    state.commands.set(key, withIds);
    return ok(withIds);
  };
  rest.route('PUT', '/applications/:app/guilds/:guild/commands', (call, [app, guild]) =>
    putCommands(`${app}/guilds/${guild}`, call.body),
  );
  rest.route('PUT', '/applications/:app/commands', (call, [app]) => putCommands(`${app}`, call.body));
}
