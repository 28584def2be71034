// Messages: in a case thread (customer -> details, staff -> answer), in a card's staff thread
// (-> internal note), in the support channel or forum (-> a new case), or a DM to the bot (-> a
// new case, or details for the customer's open one). Everything else is ignored without a write.
import { ChannelType, type Message } from 'discord.js';
import { findPersonByPlatformId } from '../../../src/platform/people.ts';
import { ACTIVE_STATUSES, type Case } from '../../../src/core/index.ts';
import { neutralise } from '../render/markdown.ts';
import { conversationOf, nonceFor, parseButtonId, parseConversation } from '../ids.ts';
import { whoIs } from './identity.ts';
import { fetchChannel, fetchMessage, postMessage, react } from '../delivery/rest-calls.ts';
import { skipRef } from '../delivery/sink.ts';
import { markWrittenHere, unmarkWrittenHere } from '../delivery/written-here.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import {
  IntakeBlocked,
  IntakeNotSetUp,
  intakeReply,
  nameThread,
  openInPrivateThread,
  openOnForumPost,
  openOnMessage,
} from './intake.ts';
import { firstTime, refusalText } from './replies.ts';

const THREADS = new Set<number>([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);
/** Staff thread id -> case id, learned from the card the thread hangs on. */
const staffThreads = new WeakMap<DiscordRuntime, Map<string, string>>();

/** The message's words, with links to any attachments so nothing the customer sent is lost. */
const wordsOf = (m: Message) => [m.content, ...m.attachments.map((a) => a.url)].filter((s) => s).join('\n');

async function placeOf(
  rt: DiscordRuntime,
  m: Message,
): Promise<{ thread: boolean; parentId: string | null }> {
  const channel = m.channel;
  if (channel && !channel.partial) {
    return { thread: channel.isThread(), parentId: channel.isThread() ? channel.parentId : null };
  }
  const fetched = (await fetchChannel(rt.client.rest, m.channelId)) as {
    type: number;
    parent_id?: string | null;
  };
  return { thread: THREADS.has(fetched.type), parentId: fetched.parent_id ?? null };
}

const triageChannels = (rt: DiscordRuntime) =>
  new Set(
    Object.values(directoryOf(rt).teams).flatMap((t) =>
      t.discordTriageChannel ? [t.discordTriageChannel] : [],
    ),
  );

export async function onMessage(rt: DiscordRuntime, m: Message): Promise<void> {
  if (!m.author || m.author.bot || m.system) return;
  if (typeof m.content !== 'string') {
    rt.ctx.logger.warn('discord.malformed_message', { message: m.id, channel: m.channelId });
    return;
  }
  if (!m.guildId) {
    if (await firstTime(rt, `discord:message:${m.id}`)) await onDirectMessage(rt, m);
    return;
  }
  const guildId = m.guildId;
  // Staff posting in the support channel or forum are guiding people, not asking for help.
  const staff = findPersonByPlatformId(directoryOf(rt), 'discord', m.author.id) !== undefined;
  if (m.channelId === rt.options.supportChannelId) {
    if (staff) return;
    if (!(await firstTime(rt, `discord:message:${m.id}`))) return;
    await openCase(rt, m, () =>
      openOnMessage(rt, intakeOf(m), { guildId, channelId: m.channelId, messageId: m.id }),
    );
    return;
  }
  const place = await placeOf(rt, m);
  if (!place.thread) return;
  const c = await rt.ctx.desk.findCaseByConversation(conversationOf(guildId, m.channelId));
  if (c) {
    const forumPost = place.parentId === rt.options.supportForumId;
    if (await firstTime(rt, `discord:message:${m.id}`)) await inCaseThread(rt, m, c, forumPost);
  } else if (place.parentId && triageChannels(rt).has(place.parentId)) {
    if (await firstTime(rt, `discord:message:${m.id}`)) await inStaffThread(rt, m, place.parentId);
  } else if (place.parentId === rt.options.supportForumId && m.id === m.channelId && !staff) {
    // A forum post's first message has the post's (thread's) id.
    if (!(await firstTime(rt, `discord:message:${m.id}`))) return;
    await openCase(rt, m, () => openOnForumPost(rt, intakeOf(m), { guildId, threadId: m.channelId }));
  }
}

/** The bot's one answer to a message (a refusal, a confirmation): a replayed message gets it once. */
const replyNonce = (m: Message, channelId: string): string =>
  nonceFor(`discord:message:${m.id}`, channelId, 'reply');

function intakeOf(m: Message) {
  return {
    user: m.author,
    displayName: m.member?.displayName ?? null,
    locale: m.guild?.preferredLocale ?? null,
    text: wordsOf(m),
  };
}

async function openCase(rt: DiscordRuntime, m: Message, open: () => Promise<Case>): Promise<void> {
  try {
    await open();
  } catch (error) {
    rt.ctx.logger.error('discord.intake_failed', { message: m.id, error: (error as Error).message });
    const { reader } = whoIs(directoryOf(rt), m.author, { locale: m.guild?.preferredLocale ?? null });
    const content =
      error instanceof IntakeBlocked
        ? adapterText('intake.blocked', reader.locale)
        : refusalText(error, reader);
    await postMessage(rt.client.rest, m.channelId, { content, nonce: replyNonce(m, m.channelId) }).catch(
      () => {},
    );
  }
}

async function inCaseThread(rt: DiscordRuntime, m: Message, c: Case, forumPost: boolean): Promise<void> {
  const who = whoIs(directoryOf(rt), m.author, { displayName: m.member?.displayName ?? null });
  const input = { caseId: c.id, actor: who.actor, text: wordsOf(m) };
  const isCustomer = who.actor.id === c.customer.id;
  if (!isCustomer && !who.person) return; // a bystander in a public post: not part of the case
  const where = { threadId: m.channelId, messageId: m.id };
  try {
    if (!isCustomer) {
      // Marked first: the outbox may deliver the relay as soon as the answer commits.
      await markWrittenHere(rt, c.id, where, input.text);
      await rt.ctx.desk.answer(input).catch(async (error: unknown) => {
        await unmarkWrittenHere(rt, c.id, where, input.text);
        throw error;
      });
    } else {
      // The customer's words: details while the case is open; on a finished case a reopen, or a
      // new case linked to it once the policy's reopenWithin has passed. A new case renames the
      // thread the bot named after the old one (a forum post keeps its author's title).
      const { case: now } = await rt.ctx.desk.followUp(input);
      if (now.id !== c.id && !forumPost) await nameThread(rt, m.channelId, now);
    }
  } catch (error) {
    rt.ctx.logger.info('discord.refused', { message: m.id, case: c.id, error: (error as Error).message });
    const content = refusalText(
      error,
      isCustomer ? { locale: c.customer.locale, timeZone: c.customer.timeZone } : who.reader,
    );
    // The customer reads the refusal where they wrote; staff get it privately.
    const channelId = isCustomer ? m.channelId : await rt.dmChannel(m.author.id);
    await postMessage(rt.client.rest, channelId, { content, nonce: replyNonce(m, channelId) }).catch(
      () => {},
    );
  }
}

async function caseOfStaffThread(
  rt: DiscordRuntime,
  threadId: string,
  parentId: string,
): Promise<string | null> {
  const known = staffThreads.get(rt) ?? new Map<string, string>();
  staffThreads.set(rt, known);
  const cached = known.get(threadId);
  if (cached) return cached;
  // The thread hangs on the case's card, whose buttons name the case.
  const card = await fetchMessage(rt.client.rest, parentId, threadId).catch(() => null);
  const ids = (card?.components ?? []).flatMap((row) =>
    'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
  );
  for (const id of ids) {
    const ref = parseButtonId(id);
    if (ref && ref.kind !== 'open' && ref.kind !== 'hand_over_all') {
      known.set(threadId, ref.caseId);
      return ref.caseId;
    }
  }
  return null;
}

async function inStaffThread(rt: DiscordRuntime, m: Message, parentId: string): Promise<void> {
  const who = whoIs(directoryOf(rt), m.author, {});
  if (!who.person) return;
  const caseId = await caseOfStaffThread(rt, m.channelId, parentId);
  if (!caseId) return;
  try {
    const { notices } = await rt.ctx.desk.addNote({ caseId, actor: who.actor, text: wordsOf(m) });
    // The note is already in this thread, written by its author: the echo is not posted.
    for (const n of notices)
      if (n.key === 'triage.note') await rt.ctx.store.refs.put(caseId, skipRef(n.id), m.id);
    await react(rt.client.rest, m.channelId, m.id, '✅').catch(() => {});
  } catch (error) {
    const content = refusalText(error, who.reader);
    const dm = await rt.dmChannel(m.author.id);
    await postMessage(rt.client.rest, dm, { content, nonce: replyNonce(m, dm) }).catch(() => {});
  }
}

async function onDirectMessage(rt: DiscordRuntime, m: Message): Promise<void> {
  const who = whoIs(directoryOf(rt), m.author, {});
  const reply = (content: string) =>
    postMessage(rt.client.rest, m.channelId, { content, nonce: replyNonce(m, m.channelId) });
  const name = neutralise(who.customer.name);
  // Words sent by DM go to the customer's newest case still in progress, if any.
  const [newest] = await rt.ctx.desk.listCases({
    customerId: who.customer.id,
    statuses: ACTIVE_STATUSES,
    newestFirst: true,
    limit: 1,
  });
  try {
    if (newest) {
      await rt.ctx.desk.addDetails({ caseId: newest.id, actor: who.actor, text: wordsOf(m) });
      const thread = parseConversation(newest.conversation)?.channelId ?? '';
      await reply(
        adapterText('intake.added', who.reader.locale, {
          name,
          number: newest.number,
          thread: `<#${thread}>`,
        }),
      );
      return;
    }
    const opened = await openInPrivateThread(rt, { user: m.author, text: wordsOf(m) });
    await reply(intakeReply(opened, who.reader.locale));
  } catch (error) {
    rt.ctx.logger.error('discord.dm_intake_failed', { message: m.id, error: (error as Error).message });
    await reply(
      error instanceof IntakeNotSetUp
        ? adapterText('intake.not_set_up', who.reader.locale)
        : error instanceof IntakeBlocked
          ? adapterText('intake.blocked', who.reader.locale)
          : refusalText(error, who.reader),
    ).catch(() => {});
  }
}
