// Opening a case: each one gets its own place to talk. From the form, the panel, a DM or a message
// in the support channel, a private thread in the support channel with the customer added; from
// the support forum, the post itself.
import type { Case, Locale, Priority } from '../../../src/core/index.ts';
import { conversationOf, nonceFor, parseConversation } from '../ids.ts';
import type { DiscordUserLike, Who } from './identity.ts';
import { whoIs } from './identity.ts';
import {
  addThreadMember,
  archiveThread,
  createPrivateThread,
  postMessage,
  removeThreadMember,
  renameChannel,
} from '../delivery/rest-calls.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { caseThreadName, statusGroupOf, THREAD_GROUP_REF } from '../delivery/thread-status.ts';
import { neutralise } from '../render/markdown.ts';
import { classifyDeliveryError } from '../delivery/outcome.ts';
import { reportBlockedIntake } from '../delivery/permission-alerts.ts';

export class IntakeNotSetUp extends Error {
  readonly code = 'discord_intake_not_set_up' as const;
}

/** The bot may not open (or add the member to) the case's thread; the admins were told. */
export class IntakeBlocked extends Error {
  readonly code = 'discord_intake_blocked' as const;
}

export interface IntakeRequest {
  user: DiscordUserLike;
  displayName?: string | null;
  locale?: string | null;
  text: string;
  topic?: string;
  priority?: Priority;
}

function customerOf(rt: DiscordRuntime, request: IntakeRequest): Who {
  return whoIs(directoryOf(rt), request.user, {
    displayName: request.displayName ?? null,
    locale: request.locale ?? null,
    ...(request.topic ? { topic: request.topic } : {}),
  });
}

async function open(
  rt: DiscordRuntime,
  request: IntakeRequest,
  who: Who,
  conversation: string,
): Promise<Case> {
  const { case: c } = await rt.ctx.desk.openCase({
    workspace: rt.ctx.config.workspace,
    audience: 'community',
    conversation,
    customer: who.customer,
    text: request.text,
    ...(request.topic ? { topic: request.topic } : {}),
    ...(request.priority ? { priority: request.priority } : {}),
  });
  rt.recentCases.remember(c);
  return c;
}

/** Best effort: the thread's name gains the case number once the case exists. */
export async function nameThread(rt: DiscordRuntime, threadId: string, c: Case): Promise<void> {
  await renameChannel(rt.client.rest, threadId, caseThreadName(c))
    .then(() => rt.ctx.store.refs.put(c.id, THREAD_GROUP_REF, statusGroupOf(c)))
    .catch((e: unknown) =>
      rt.ctx.logger.warn('discord.thread_rename_failed', {
        case: c.id,
        thread: threadId,
        error: (e as Error).message,
      }),
    );
}

function supportGuild(rt: DiscordRuntime, fallback: string | null | undefined): string {
  const channelId = rt.options.supportChannelId;
  const cached = channelId ? rt.client.channels.cache.get(channelId) : undefined;
  const guildId = (cached && 'guildId' in cached ? cached.guildId : null) ?? rt.options.guildId ?? fallback;
  if (!guildId) throw new IntakeNotSetUp('the support channel is not in a server the bot can see');
  return guildId;
}

/**
 * Runs the thread's creation; a refusal for missing permissions is told to the admins and becomes
 * IntakeBlocked, which the caller explains to the member in plain words.
 */
async function threadFor<T>(
  rt: DiscordRuntime,
  request: IntakeRequest,
  who: Who,
  channelId: string,
  make: () => Promise<T>,
): Promise<T> {
  try {
    return await make();
  } catch (error) {
    const permission = classifyDeliveryError(error)?.permission;
    if (!permission) throw error;
    const directory = directoryOf(rt);
    const topic = directory.topics[request.topic ?? directory.defaultTopic];
    await reportBlockedIntake(rt, {
      teamId: topic?.team ?? '',
      channelId,
      memberName: neutralise(who.customer.name),
      ...permission,
    });
    throw new IntakeBlocked(`missing permissions to open a thread in ${channelId} (${permission.reason})`);
  }
}

/** Where a request went: a new case in `threadId`, or (`added`) an open case of the member's. */
export interface Opened {
  case: Case;
  threadId: string;
  /** The desk added the request to the member's open case (its intake limit): not a new case. */
  added: boolean;
}

/** What the member is told: the case is open in its thread, or the words were added to one. */
export function intakeReply(opened: Opened, locale: Locale): string {
  return adapterText(opened.added ? 'intake.added' : 'intake.opened', locale, {
    name: neutralise(opened.case.customer.name),
    number: opened.case.number,
    thread: `<#${opened.threadId}>`,
  });
}

/** The thread of a case the request was added to (a limited request), or `fallback`. */
const threadOf = (c: Case, fallback: string): string =>
  parseConversation(c.conversation)?.channelId ?? fallback;

/**
 * The thread made for a request the desk added to an open case instead is not used: the member
 * leaves it and it is archived (best effort; the bot created it, so it may do both).
 */
async function releaseThread(rt: DiscordRuntime, threadId: string, userId: string, c: Case): Promise<void> {
  try {
    await removeThreadMember(rt.client.rest, threadId, userId);
    await archiveThread(rt.client.rest, threadId);
  } catch (e) {
    rt.ctx.logger.warn('discord.thread_release_failed', {
      case: c.id,
      thread: threadId,
      error: (e as Error).message,
    });
  }
}

/** A private thread in the support channel, with the customer in it. */
export async function openInPrivateThread(
  rt: DiscordRuntime,
  request: IntakeRequest,
  guildHint?: string | null,
): Promise<Opened> {
  const channelId = rt.options.supportChannelId;
  if (!channelId) throw new IntakeNotSetUp('DISCORD_SUPPORT_CHANNEL_ID is not set');
  const who = customerOf(rt, request);
  const guildId = supportGuild(rt, guildHint);
  const threadId = await threadFor(rt, request, who, channelId, async () => {
    const id = await createPrivateThread(
      rt.client.rest,
      channelId,
      adapterText('thread.new', who.reader.locale, { name: who.customer.name }),
    );
    await addThreadMember(rt.client.rest, id, request.user.id);
    return id;
  });
  const conversation = conversationOf(guildId, threadId);
  const c = await open(rt, request, who, conversation);
  if (c.conversation !== conversation) {
    await releaseThread(rt, threadId, request.user.id, c);
    return { case: c, threadId: threadOf(c, threadId), added: true };
  }
  await nameThread(rt, threadId, c);
  return { case: c, threadId, added: false };
}

/**
 * A message posted in the support channel: the case lives in a private thread, with the member in
 * it, like every case opened in `#support`. Not a thread started on the message: Discord makes
 * every such thread public (anyone in the channel could read the case). The message stays where
 * the member wrote it; the bot answers it with a link to the thread.
 */
export async function openOnMessage(
  rt: DiscordRuntime,
  request: IntakeRequest,
  where: { guildId: string; channelId: string; messageId: string },
): Promise<Case> {
  const opened = await openInPrivateThread(rt, request, where.guildId);
  await answerIn(rt, opened, where.channelId, where.messageId, customerOf(rt, request).reader.locale);
  return opened.case;
}

/** Best effort: the bot's answer to the member's message, where they wrote it. */
async function answerIn(
  rt: DiscordRuntime,
  opened: Opened,
  channelId: string,
  messageId: string,
  locale: Locale,
): Promise<void> {
  await postMessage(rt.client.rest, channelId, {
    content: intakeReply(opened, locale),
    message_reference: { message_id: messageId, fail_if_not_exists: false },
    nonce: nonceFor(`discord:message:${messageId}`, channelId, 'opened'),
  }).catch((e: unknown) =>
    rt.ctx.logger.warn('discord.intake_reply_failed', {
      case: opened.case.id,
      message: messageId,
      error: (e as Error).message,
    }),
  );
}

/**
 * A new post in the support forum: the post is the case's conversation. A post the desk added to
 * the member's open case instead is answered with a link to that case.
 */
export async function openOnForumPost(
  rt: DiscordRuntime,
  request: IntakeRequest,
  where: { guildId: string; threadId: string },
): Promise<Case> {
  const who = customerOf(rt, request);
  const c = await open(rt, request, who, conversationOf(where.guildId, where.threadId));
  if (c.conversation !== conversationOf(where.guildId, where.threadId)) {
    const opened = { case: c, threadId: threadOf(c, where.threadId), added: true };
    await answerIn(rt, opened, where.threadId, where.threadId, who.reader.locale);
  }
  return c;
}
