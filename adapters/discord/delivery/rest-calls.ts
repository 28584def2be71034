// The few REST calls the adapter makes, as plain functions over a discord.js REST client. Every
// message body carries allowed_mentions that parse nothing: user text can never ping anyone.
import {
  type APIChannel,
  type APIEmbed,
  type APIMessage,
  ChannelType,
  type REST,
  Routes,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type { ActionRow } from '../render/components.ts';

export const NO_MENTIONS = { parse: [] as string[] };

export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
  flags?: number;
  /** The message this one answers (shown above it). */
  message_reference?: { message_id: string; fail_if_not_exists?: boolean };
}

/**
 * Every message the adapter posts carries a nonce (ids.ts `nonceFor`), sent with `enforce_nonce`:
 * the same send retried within Discord's few minutes returns the first message instead of a second.
 */
export async function postMessage(
  rest: REST,
  channelId: string,
  body: MessageBody & { nonce: string },
): Promise<APIMessage> {
  const payload = { ...body, allowed_mentions: NO_MENTIONS, enforce_nonce: true };
  return (await rest.post(Routes.channelMessages(channelId), { body: payload })) as APIMessage;
}

export async function editMessage(
  rest: REST,
  channelId: string,
  messageId: string,
  body: MessageBody,
): Promise<void> {
  await rest.patch(Routes.channelMessage(channelId, messageId), {
    body: { ...body, allowed_mentions: NO_MENTIONS },
  });
}

export async function fetchMessage(rest: REST, channelId: string, messageId: string): Promise<APIMessage> {
  return (await rest.get(Routes.channelMessage(channelId, messageId))) as APIMessage;
}

export async function fetchChannel(rest: REST, channelId: string): Promise<APIChannel> {
  return (await rest.get(Routes.channel(channelId))) as APIChannel;
}

/** The DM channel with a user (Discord returns the same one every time). */
export async function openDm(rest: REST, userId: string): Promise<string> {
  const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
  return channel.id;
}

const threadName = (name: string) => name.replace(/\s+/g, ' ').trim().slice(0, 100) || 'case';

/** A private thread: only members (and staff with Manage Threads) see it. */
export async function createPrivateThread(rest: REST, channelId: string, name: string): Promise<string> {
  const thread = (await rest.post(Routes.threads(channelId), {
    body: {
      name: threadName(name),
      type: ChannelType.PrivateThread,
      invitable: false,
      auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
    },
  })) as APIChannel;
  return thread.id;
}

/** A thread started from a message; its id is the message's id. */
export async function startThreadFromMessage(
  rest: REST,
  channelId: string,
  messageId: string,
  name: string,
): Promise<string> {
  const thread = (await rest.post(Routes.threads(channelId, messageId), {
    body: { name: threadName(name), auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
  })) as APIChannel;
  return thread.id;
}

export async function renameChannel(rest: REST, channelId: string, name: string): Promise<void> {
  await rest.patch(Routes.channel(channelId), { body: { name: threadName(name) } });
}

export async function addThreadMember(rest: REST, threadId: string, userId: string): Promise<void> {
  await rest.put(Routes.threadMembers(threadId, userId));
}

/** Takes a member out of a thread (the bot may, in a private thread it created). */
export async function removeThreadMember(rest: REST, threadId: string, userId: string): Promise<void> {
  await rest.delete(Routes.threadMembers(threadId, userId));
}

export async function archiveThread(rest: REST, threadId: string): Promise<void> {
  await rest.patch(Routes.channel(threadId), { body: { archived: true } });
}

export async function react(rest: REST, channelId: string, messageId: string, emoji: string): Promise<void> {
  await rest.put(Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)));
}
