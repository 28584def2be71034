// A case opened from an existing message: the "Open a support case" message shortcut, or the
// intake reaction (:ticket:). The case is for the message's author and lives in its thread; the
// same message never becomes two cases, whoever asks and however often.
import type { App } from '@slack/bolt';
import type { SlackThread } from '../conversation.ts';
import { slackErrorOf } from '../delivery/outcome.ts';
import { label } from '../render/labels.ts';
import { type Inbound, tellPrivately } from './context.ts';
import type { SlackUser } from './identity.ts';
import { caseInThread, openCaseFromSlack } from './intake.ts';
import { eventEnvelope, messageShortcut, parseOrLog, reactionEvent } from './payloads.ts';

interface SourceMessage {
  ts: string;
  thread_ts?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  text: string;
}

async function openFromMessage(inb: Inbound, by: SlackUser, channel: string, message: SourceMessage) {
  const thread: SlackThread = { teamId: by.teamId, channel, threadTs: message.thread_ts ?? message.ts };
  const existing = await caseInThread(inb, thread);
  const first = existing
    ? false
    : await inb.store.inbound.remember(`slack:intake:${channel}:${message.ts}`, inb.clock.now());
  if (!first) {
    const c = existing ?? (await caseInThread(inb, thread));
    if (c) {
      const { locale } = await inb.identity.reader(by);
      await tellPrivately(
        inb,
        by,
        { channel, threadTs: thread.threadTs },
        label(locale, 'case_exists', { number: c.number }),
      );
    }
    return;
  }
  const author = message.user && !message.bot_id ? { teamId: by.teamId, userId: message.user } : by;
  const text = inb.identity.plainText(message.text);
  await openCaseFromSlack(inb, { customer: author, by, thread, text });
}

/** The reacted-to message: top-level messages come from history, thread replies from replies. */
async function fetchMessage(inb: Inbound, channel: string, ts: string): Promise<SourceMessage | null> {
  const window = { channel, latest: ts, oldest: ts, inclusive: true, limit: 1 };
  const pick = (messages: unknown): SourceMessage | null => {
    const found = (Array.isArray(messages) ? messages : []).find(
      (m): m is SourceMessage => typeof m === 'object' && m !== null && (m as { ts?: unknown }).ts === ts,
    );
    return found ? { ...found, text: typeof found.text === 'string' ? found.text : '' } : null;
  };
  const history = await inb.client.conversations.history(window);
  return pick(history.messages) ?? pick((await inb.client.conversations.replies({ ...window, ts })).messages);
}

export function registerFromMessage(app: App, inb: Inbound): void {
  app.shortcut(inb.shortcutCallbackId, async ({ ack, body }) => {
    await ack();
    const s = parseOrLog(messageShortcut, body, 'message shortcut', inb.logger);
    if (!s) return;
    await openFromMessage(inb, { teamId: s.team.id, userId: s.user.id }, s.channel.id, s.message);
  });

  app.event('reaction_added', async ({ event, body }) => {
    if ((event as { reaction?: unknown }).reaction !== inb.intakeReaction) return;
    const r = parseOrLog(reactionEvent, event, 'reaction_added event', inb.logger);
    const envelope = parseOrLog(eventEnvelope, body, 'event envelope', inb.logger);
    if (!r || !envelope) return;
    const by = { teamId: envelope.team_id, userId: r.user };
    try {
      const message = await fetchMessage(inb, r.item.channel, r.item.ts);
      if (!message) {
        inb.logger.warn('slack.reaction_message_missing', { channel: r.item.channel, ts: r.item.ts });
        return;
      }
      await openFromMessage(inb, by, r.item.channel, { ...message, user: message.user ?? r.item_user });
    } catch (e) {
      inb.logger.error('slack.reaction_intake_failed', { channel: r.item.channel, error: slackErrorOf(e) });
    }
  });
}
