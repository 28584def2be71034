// Keeps what staff see in step with the case after each delivery: the triage card, every copy of
// an approval request (decided ones lose their buttons and say who decided), and the case thread's
// members (whoever owns the case is added to its private thread).
import { type Case, CATALOGS, type TextKey } from '../../../src/core/index.ts';
import { decidedApprovalMessage } from '../render/cards.ts';
import { noticeText } from '../render/markdown.ts';
import { parseConversation } from '../ids.ts';
import { type DiscordRefName, type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { addThreadMember, editMessage } from './rest-calls.ts';
import { refreshCard } from './triage-card.ts';

export interface MessageRef {
  channelId: string;
  messageId: string;
}

const copiesRef = (approvalId: string): DiscordRefName => `discord.approval.${approvalId}`;

/** Remembers one copy of an approval request (a supervisor's DM, or the card thread). */
export async function recordApprovalCopy(
  rt: DiscordRuntime,
  caseId: string,
  approvalId: string,
  copy: MessageRef,
): Promise<void> {
  const { refs } = rt.ctx.store;
  const raw = await refs.get(caseId, copiesRef(approvalId));
  const copies = raw === null ? [] : (JSON.parse(raw) as MessageRef[]);
  if (copies.some((c) => c.channelId === copy.channelId && c.messageId === copy.messageId)) return;
  await refs.put(caseId, copiesRef(approvalId), JSON.stringify([...copies, copy]));
}

async function closeApprovalCopies(rt: DiscordRuntime, c: Case): Promise<void> {
  const approval = c.approval;
  if (!approval || approval.status === 'pending') return;
  const { refs } = rt.ctx.store;
  const doneRef: DiscordRefName = `discord.approval.${approval.id}.closed`;
  const raw = await refs.get(c.id, copiesRef(approval.id));
  if (raw === null || (await refs.get(c.id, doneRef)) !== null) return;
  const directory = directoryOf(rt);
  const team = directory.teams[c.team];
  const locale = team?.locale ?? 'en';
  const line = approval.decidedBy
    ? noticeText({
        key: 'supervisors.decided',
        locale,
        timeZone: c.policy.calendar.timeZone,
        params: {
          number: c.number,
          decision: approval.status,
          supervisorName: directory.people[approval.decidedBy]?.name ?? approval.decidedBy,
        },
      })
    : adapterText('approval.no_longer_needed', locale, {
        number: c.number,
        status: CATALOGS[locale][`status.${c.status}` as TextKey],
      });
  for (const copy of JSON.parse(raw) as MessageRef[]) {
    await editMessage(
      rt.sinkRest,
      copy.channelId,
      copy.messageId,
      decidedApprovalMessage(line, approval.status === 'approved'),
    );
  }
  await refs.put(c.id, doneRef, approval.status);
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
  await closeApprovalCopies(rt, c);
  await addStaffToThread(rt, c);
}
