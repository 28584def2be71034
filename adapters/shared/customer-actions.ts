// Which buttons a notice shows, decided alike on every platform (the core still decides whether
// each click counts when it comes).
import {
  type ActionId,
  ACTIVE_STATUSES,
  type Case,
  type Notice,
  type NoticeAction,
} from '../../src/core/index.ts';

/**
 * The customer always has their controls at hand: a notice that brings no buttons of its own gets
 * the ones that fit the case now — details, a supervisor, closing while it is in progress (no
 * second supervisor while a decision is pending, as the core would refuse it); reopening once it
 * is finished.
 */
export function customerActions(notice: Pick<Notice, 'actions'>, c: Case): NoticeAction[] {
  if (notice.actions.length > 0) return [...notice.actions];
  const ids: ActionId[] = !ACTIVE_STATUSES.includes(c.status)
    ? ['reopen']
    : c.approval?.status === 'pending'
      ? ['add_details', 'mark_resolved']
      : ['add_details', 'ask_supervisor', 'mark_resolved'];
  return ids.map((id) => ({ id, caseId: c.id }));
}

/** A notice's buttons as they still apply: Approve and Decline only while that approval is pending. */
export function liveActions(notice: Pick<Notice, 'actions'>, c: Case): NoticeAction[] {
  return notice.actions.filter(
    (a) => a.approvalId === undefined || (c.approval?.id === a.approvalId && c.approval.status === 'pending'),
  );
}

/** The buttons on a case's triage card while the case is in progress ("This one is heavy" last). */
export const TRIAGE_CARD_ACTIONS = [
  'claim',
  'escalate',
  'resolve',
  'ask_supervisor',
  'mark_heavy',
] as const satisfies readonly ActionId[];

export const isInProgress = (c: Case): boolean => ACTIVE_STATUSES.includes(c.status);
