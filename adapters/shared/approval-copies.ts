// An escalation's approval request reaches every supervisor (or, where a platform cannot reach
// them, the case's staff thread): each copy is remembered, and once the approval is decided — or
// no longer needed — every copy is redrawn to show the outcome without its buttons, once. The
// "decided" notice to supervisors is shown that way, on the copies, rather than as a new message.
import {
  type Case,
  type Directory,
  type Notice,
  type NoticeAction,
  type ReferenceStore,
  renderText,
} from '../../src/core/index.ts';
import { sharedLabel } from './labels.ts';
import { type Escape, shownName } from './params.ts';
import type { Reader } from './reader.ts';

/** The adapter's names for the references an approval's copies are kept under. */
export interface ApprovalCopyNames<N extends string> {
  /** The JSON list of the copies of one approval. */
  copies(approvalId: string): N;
  /** Set once every copy shows the outcome. */
  settled(approvalId: string): N;
}

/** The approval a notice's buttons decide, if any: its copy is to be remembered. */
export const approvalIdOf = (actions: readonly NoticeAction[]): string | undefined =>
  actions.find((a) => a.approvalId !== undefined)?.approvalId;

/** The notice whose news every copy shows instead of a new message. */
export const shownOnApprovalCopies = (notice: Pick<Notice, 'key'>): boolean =>
  notice.key === 'supervisors.decided';

/** The line every copy shows once decided ("… approved by Marie"), or no longer needed; null while pending. */
export function approvalOutcome(
  c: Case,
  directory: Directory,
  reader: Reader,
  escape: Escape,
): string | null {
  const approval = c.approval;
  if (!approval || approval.status === 'pending') return null;
  if (approval.decidedBy !== undefined) {
    const name = directory.people[approval.decidedBy]?.name ?? approval.decidedBy;
    return renderText('supervisors.decided', {
      ...reader,
      params: { number: c.number, decision: approval.status, supervisorName: shownName(name, escape) },
    });
  }
  const status = renderText(`status.${c.status}`, reader);
  return sharedLabel(reader.locale, 'approval_closed', { number: c.number, status });
}

/**
 * The copies of a case's approval requests, kept in the adapter's references. `sameCopy` tells a
 * copy already kept (a resent message that the platform gave back) from a new one.
 */
export function approvalCopies<N extends string, Copy>(
  refs: ReferenceStore<N>,
  names: ApprovalCopyNames<N>,
  sameCopy: (a: Copy, b: Copy) => boolean,
) {
  async function list(caseId: string, approvalId: string): Promise<Copy[]> {
    const raw = await refs.get(caseId, names.copies(approvalId));
    return raw === null ? [] : (JSON.parse(raw) as Copy[]);
  }

  async function add(caseId: string, approvalId: string, copy: Copy): Promise<void> {
    const copies = await list(caseId, approvalId);
    if (copies.some((known) => sameCopy(known, copy))) return;
    await refs.put(caseId, names.copies(approvalId), JSON.stringify([...copies, copy]));
  }

  /**
   * Once the case's approval is decided (or no longer needed), redraws every copy with `redraw`.
   * True when the copies show the outcome (now or before); false while it is pending or when no
   * copy was kept.
   */
  async function settle(c: Case, redraw: (copy: Copy) => Promise<void>): Promise<boolean> {
    const approval = c.approval;
    if (!approval || approval.status === 'pending') return false;
    if ((await refs.get(c.id, names.settled(approval.id))) !== null) return true;
    const copies = await list(c.id, approval.id);
    if (copies.length === 0) return false;
    for (const copy of copies) await redraw(copy);
    await refs.put(c.id, names.settled(approval.id), approval.status);
    return true;
  }

  return { add, settle };
}

export type ApprovalCopies<Copy> = ReturnType<typeof approvalCopies<string, Copy>>;
