// The case thread's name shows where the case stands: "🟡 Case #12 · Eglė" while the team owes an
// answer, "💬" while it waits on the member, "✅" once finished. Discord allows a thread 2 renames
// per 10 minutes, so the name changes only when the status group does, through the outbox's REST
// (a rate limit fails fast instead of holding a delivery); a failure is logged and the next
// notice of the case tries again. Only threads the bot named carry it (a forum post keeps its
// author's title).
import type { Case, CaseStatus } from '../../../src/core/index.ts';
import { adapterText } from '../render/labels.ts';
import type { DiscordRuntime } from '../runtime.ts';
import { parseConversation } from '../ids.ts';
import { renameChannel } from './rest-calls.ts';

export type StatusGroup = 'team' | 'customer' | 'done';

const GROUP: Record<CaseStatus, StatusGroup> = {
  open: 'team',
  waiting_on_expert: 'team',
  awaiting_approval: 'team',
  waiting_on_customer: 'customer',
  resolved: 'done',
  closed: 'done',
};
const PREFIX: Record<StatusGroup, string> = { team: '🟡', customer: '💬', done: '✅' };

/** The ref holding the group the thread's name shows; absent on threads the bot did not name. */
export const THREAD_GROUP_REF = 'discord.thread.group';

export const statusGroupOf = (c: Case): StatusGroup => GROUP[c.status];

/** The case thread's name: the status group's sign, the case number and the member's name. */
export const caseThreadName = (c: Case): string =>
  `${PREFIX[statusGroupOf(c)]} ${adapterText('thread.case', c.customer.locale, {
    number: c.number,
    name: c.customer.name,
  })}`.slice(0, 100);

/** Renames the case's thread when its status group changed; never throws. */
export async function followThreadStatus(rt: DiscordRuntime, c: Case): Promise<void> {
  const threadId = parseConversation(c.conversation)?.channelId;
  if (!threadId) return;
  const { refs } = rt.ctx.store;
  try {
    const shown = await refs.get(c.id, THREAD_GROUP_REF);
    if (shown === null || shown === statusGroupOf(c)) return;
    await renameChannel(rt.sinkRest, threadId, caseThreadName(c));
    await refs.put(c.id, THREAD_GROUP_REF, statusGroupOf(c));
  } catch (e) {
    rt.ctx.logger.warn('discord.thread_status_failed', {
      case: c.id,
      thread: threadId,
      error: (e as Error).message,
    });
  }
}
