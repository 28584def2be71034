// Opening a case from Slack: a direct message, an @mention, /support, the message shortcut or a
// :ticket: reaction. The case lives in one thread; the acknowledgement (the core's customer.ack)
// arrives there through the outbox, which the adapter asks to deliver at once.
import type { Case, Priority } from '../../../src/core/index.ts';
import { encodeConversation, type SlackThread } from '../conversation.ts';
import { slackErrorOf } from '../delivery/outcome.ts';
import { escapeMarkup } from '../render/escape.ts';
import { label } from '../render/labels.ts';
import { type Inbound, type Place, runCommand } from './context.ts';
import type { SlackUser } from './identity.ts';

export interface IntakeRequest {
  /** The person the case is for. */
  customer: SlackUser;
  /** Who asked for it (the customer, or a colleague using the shortcut or the reaction). */
  by: SlackUser;
  thread: SlackThread;
  text: string;
  topic?: string;
  priority?: Priority;
  /** The Slack event it comes from, remembered with the case (see dedupe.ts). */
  inboundKey?: string;
}

export async function openCaseFromSlack(inb: Inbound, req: IntakeRequest): Promise<Case | null> {
  const place: Place = { channel: req.thread.channel, threadTs: req.thread.threadTs };
  const result = await runCommand(inb, req.by, place, 'open_case', async () => {
    const customer = await inb.identity.customer(req.customer);
    return inb.desk.openCase(
      {
        workspace: inb.config.workspace,
        audience: 'internal',
        conversation: encodeConversation(req.thread),
        customer,
        text: req.text,
        ...(req.topic ? { topic: req.topic } : {}),
        ...(req.priority ? { priority: req.priority } : {}),
      },
      req.inboundKey ? { inboundKey: req.inboundKey } : {},
    );
  });
  if (result) {
    inb.logger.info('slack.case_opened', {
      case: result.case.id,
      number: result.case.number,
      channel: req.thread.channel,
    });
  }
  return result?.case ?? null;
}

/** The case already living in this thread, if any. */
export const caseInThread = (inb: Inbound, thread: SlackThread): Promise<Case | null> =>
  inb.desk.findCaseByConversation(encodeConversation(thread));

/**
 * A new thread for a case raised without a message to hang it on (/support, the form): a short
 * opening line in the channel where it was asked, or in a direct message when the bot may not post
 * there.
 */
export async function startThread(inb: Inbound, u: SlackUser, channel: string): Promise<SlackThread | null> {
  const [customer, reader] = await Promise.all([inb.identity.customer(u), inb.identity.reader(u)]);
  const text = label(reader.locale, 'anchor', { name: escapeMarkup(customer.name) });
  try {
    const posted = await inb.client.chat.postMessage({ channel, text });
    if (posted.ts) return { teamId: u.teamId, channel: posted.channel ?? channel, threadTs: posted.ts };
  } catch (e) {
    inb.logger.info('slack.thread_in_dm', { channel, reason: slackErrorOf(e) });
  }
  try {
    const dmChannel = await inb.dmChannel(u.userId);
    const posted = await inb.client.chat.postMessage({ channel: dmChannel, text });
    return posted.ts ? { teamId: u.teamId, channel: dmChannel, threadTs: posted.ts } : null;
  } catch (e) {
    inb.logger.error('slack.thread_failed', { user: u.userId, error: slackErrorOf(e) });
    return null;
  }
}
