// Messages: a direct message to the bot opens a case; an @mention in a channel opens one in that
// thread; a reply in a case's thread goes to the case (the customer's words as details, staff's as
// the answer the customer reads; on a finished case the customer's words reopen it, or open a new
// case linked to it once the policy's reopenWithin has passed); a reply under a triage card is an
// internal note; a staff reply under the bot's direct message about a case is relayed to the
// customer, except under a question to a colleague (Ask a colleague), where it is the colleague's
// answer to the holder.
import type { App } from '@slack/bolt';
import { parseThreadRef, type SlackThread, THREAD_CASE, threadKey } from '../conversation.ts';
import { withoutMention } from '../render/escape.ts';
import { type Inbound, runCommand } from './context.ts';
import type { SlackUser } from './identity.ts';
import { caseInThread, openCaseFromSlack } from './intake.ts';
import { eventEnvelope, mentionEvent, messageEvent, parseOrLog } from './payloads.ts';

/** Message subtypes that are a person writing (others are edits, joins, bot posts…). */
const WRITTEN = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Routes a reply in a thread the bot knows; false when the thread is not about a case. */
async function replyInThread(
  inb: Inbound,
  u: SlackUser,
  thread: SlackThread,
  text: string,
): Promise<boolean> {
  const place = { channel: thread.channel, threadTs: thread.threadTs };
  const actor = inb.identity.actor(u);
  const c = await caseInThread(inb, thread);
  if (c) {
    const caseId = c.id;
    if (actor.id === c.customer.id) {
      // Details while the case is open; on a finished case a reopen, or a new linked case.
      await runCommand(inb, u, place, 'follow_up', () => inb.desk.followUp({ caseId, actor, text }));
    } else if (inb.identity.person(u)) {
      await runCommand(inb, u, place, 'answer', () => inb.desk.answer({ caseId, actor, text }));
    } else {
      inb.logger.info('slack.bystander_ignored', { case: caseId, user: u.userId });
    }
    return true;
  }
  const ref = parseThreadRef(
    await inb.store.refs.get(threadKey(thread.channel, thread.threadTs), THREAD_CASE),
  );
  if (!ref) return false;
  const caseId = ref.caseId;
  if (ref.kind === 'triage') {
    await runCommand(inb, u, place, 'note', () => inb.desk.addNote({ caseId, actor, text }));
  } else if (ref.kind === 'colleague') {
    // Under a question from a colleague: the answer goes to the holder, never to the customer.
    await runCommand(inb, u, place, 'colleague_answer', () =>
      inb.desk.answerColleague({ caseId, actor, text }),
    );
  } else {
    await runCommand(inb, u, place, 'answer', () => inb.desk.answer({ caseId, actor, text }));
  }
  return true;
}

/**
 * A message that can only open a case (a top-level direct message to the bot), or nothing: its
 * event is remembered with the case it opens (see dedupe.ts), not before.
 */
export function opensCaseInDm(event: unknown): boolean {
  const m = event as { type?: unknown; channel_type?: unknown; ts?: unknown; thread_ts?: unknown } | null;
  return (
    m?.type === 'message' && m.channel_type === 'im' && (m.thread_ts === undefined || m.thread_ts === m.ts)
  );
}

export function registerMessages(app: App, inb: Inbound): void {
  app.event('message', async ({ event, body, context }) => {
    const m = parseOrLog(messageEvent, event, 'message event', inb.logger);
    const envelope = parseOrLog(eventEnvelope, body, 'event envelope', inb.logger);
    if (!m || !envelope || !m.user || m.bot_id || !WRITTEN.has(m.subtype)) return;
    const u = { teamId: envelope.team_id, userId: m.user };
    const inDm = m.channel_type === 'im';
    // In channels, a message naming the bot is handled once, as an app_mention.
    if (!inDm && m.text.includes(`<@${inb.botUserId}>`)) return;
    const text = inb.identity.plainText(m.text);
    if (m.thread_ts && m.thread_ts !== m.ts) {
      await replyInThread(inb, u, { teamId: u.teamId, channel: m.channel, threadTs: m.thread_ts }, text);
      return;
    }
    if (!inDm) return;
    const inboundKey = typeof context.inboundKey === 'string' ? context.inboundKey : undefined;
    await openCaseFromSlack(inb, {
      customer: u,
      by: u,
      thread: { teamId: u.teamId, channel: m.channel, threadTs: m.ts },
      text,
      ...(inboundKey ? { inboundKey } : {}),
    });
  });

  app.event('app_mention', async ({ event, body }) => {
    const m = parseOrLog(mentionEvent, event, 'app_mention event', inb.logger);
    const envelope = parseOrLog(eventEnvelope, body, 'event envelope', inb.logger);
    if (!m || !envelope) return;
    const u = { teamId: envelope.team_id, userId: m.user };
    const text = inb.identity.plainText(withoutMention(m.text, inb.botUserId));
    const thread = { teamId: u.teamId, channel: m.channel, threadTs: m.thread_ts ?? m.ts };
    if (m.thread_ts && (await replyInThread(inb, u, thread, text))) return;
    await openCaseFromSlack(inb, { customer: u, by: u, thread, text });
  });
}
