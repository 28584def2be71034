// Keeps what staff see in step with the case after each delivery: the triage card, every copy of
// an approval request (decided ones lose their buttons and say who decided: see
// adapters/shared/approval-copies.ts), and the case thread's members (whoever owns the case is
// added to its private thread).
import type { Case } from '../../../src/core/index.ts';
import { approvalCopies, approvalOutcome } from '../../shared/approval-copies.ts';
import { parseConversation } from '../ids.ts';
import { decidedApprovalMessage } from '../render/cards.ts';
import { neutralise } from '../render/markdown.ts';
import { type DiscordRefName, type DiscordRuntime, directoryOf } from '../runtime.ts';
import { addThreadMember, editMessage } from './rest-calls.ts';
import { followThreadStatus } from './thread-status.ts';
import { refreshCard } from './triage-card.ts';

export interface MessageRef {
  channelId: string;
  messageId: string;
}

export function approvalCopiesOf(rt: DiscordRuntime) {
  return approvalCopies<DiscordRefName, MessageRef>(
    rt.ctx.store.refs,
    {
      copies: (approvalId) => `discord.approval.${approvalId}`,
      settled: (approvalId) => `discord.approval.${approvalId}.closed`,
    },
    (a, b) => a.channelId === b.channelId && a.messageId === b.messageId,
  );
}

/** Once decided (or no longer needed), every copy of the case's approval shows it; true when they do. */
export async function settleApproval(rt: DiscordRuntime, c: Case): Promise<boolean> {
  const directory = directoryOf(rt);
  const locale = directory.teams[c.team]?.locale ?? 'en';
  const outcome = approvalOutcome(c, directory, { locale, timeZone: c.policy.calendar.timeZone }, neutralise);
  if (outcome === null) return false;
  const message = decidedApprovalMessage(outcome, c.approval?.status === 'approved');
  return approvalCopiesOf(rt).settle(c, (copy) =>
    editMessage(rt.sinkRest, copy.channelId, copy.messageId, message),
  );
}

async function addStaffToThread(rt: DiscordRuntime, c: Case): Promise<void> {
  const conversation = parseConversation(c.conversation);
  if (!conversation) return;
  const people = directoryOf(rt).people;
  const staff = new Set([c.ownerId, c.expertId, c.supervisorId].filter((id): id is string => id !== null));
  for (const personId of staff) {
    const discordId = people[personId]?.discordId;
    const ref: DiscordRefName = `discord.member.${personId}`;
    if (!discordId || personId === c.customer.id || (await rt.ctx.store.refs.get(c.id, ref)) !== null)
      continue;
    await addThreadMember(rt.sinkRest, conversation.channelId, discordId);
    await rt.ctx.store.refs.put(c.id, ref, discordId);
  }
}

/** Best effort: a failure here is reported by the caller and retried with the case's next notice. */
export async function syncCaseViews(rt: DiscordRuntime, c: Case): Promise<void> {
  await refreshCard(rt, c);
  await settleApproval(rt, c);
  await addStaffToThread(rt, c);
  await followThreadStatus(rt, c);
}
