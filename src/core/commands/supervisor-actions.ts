import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import type { Approval } from '../model.ts';
import { type Actor, requireRole } from '../roles.ts';
import { applyRisk, backToWork, requestSupervisor } from '../steps.ts';
import { keepRecovery, MAX_RECOVERY_CHARS, openRecovery, startRecovery } from '../recovery.ts';
import { openWindow } from '../windows.ts';
import { optionalText, requireActive, requireSupervisorNotCustomer, requireText } from './guards.ts';

const ROLE_FOR: Record<string, Approval['requestedByRole']> = {
  customer: 'customer',
  supervisor: 'supervisor',
  expert: 'expert',
  owner: 'front_line',
  front_line: 'front_line',
};

/** Anyone on the case (the customer at any time) asks for a supervisor: an approval, pending. */
export function askSupervisor(change: Change, actor: Actor, reason: unknown = ''): void {
  const c = change.next;
  const roles = requireRole(actor.id, c, change.config, [
    'customer',
    'front_line',
    'expert',
    'owner',
    'supervisor',
  ]);
  requireActive(c);
  const role = (['customer', 'expert', 'owner', 'front_line', 'supervisor'] as const).find((r) =>
    roles.has(r),
  );
  const why = optionalText(reason);
  requestSupervisor(change, {
    requestedBy: actor.id,
    role: ROLE_FOR[role ?? 'customer'] ?? 'customer',
    reason: why === '' ? (role === 'customer' ? 'customer_asked' : 'staff_asked') : why,
  });
}

/**
 * The approval a supervisor decides: pending, and not on a case they raised themselves (nobody
 * approves their own escalation).
 */
function pendingApproval(change: Change, actor: Actor, approvalId: unknown): Approval {
  requireSupervisorNotCustomer(change, actor);
  const approval = change.next.approval;
  if (!approval || approval.id !== approvalId) {
    throw new CoreError('not_found', 'error.not_found', { number: change.next.number });
  }
  if (approval.status !== 'pending') {
    throw new CoreError('invalid_state', 'error.already_decided', {
      number: change.next.number,
      decidedByName: change.nameOf(approval.decidedBy ?? null),
    });
  }
  return approval;
}

/**
 * A supervisor approves the escalation and takes the case. Taking it requires a sincere apology
 * and a plan, which the customer receives with the time by which they will hear back.
 */
export function approveEscalation(
  change: Change,
  actor: Actor,
  approvalId: unknown,
  apology: unknown,
  plan: unknown,
): void {
  const c = change.next;
  const approval = pendingApproval(change, actor, approvalId);
  const sorry = requireText(apology, 'error.apology_and_plan_required');
  const what = requireText(plan, 'error.apology_and_plan_required');
  const previousOwner = c.ownerId;
  c.approval = {
    ...approval,
    status: 'approved',
    decidedBy: actor.id,
    decidedAt: change.now,
    apology: sorry,
    plan: what,
  };
  c.level = c.level === 4 ? 4 : 3;
  c.status = 'open';
  c.ownerId = actor.id;
  c.supervisorId = actor.id;
  c.misses = 0;
  const window = openWindow(change, 'callback', actor.id);
  change.event('escalation_approved', actor.id, { approvalId: approval.id, apology: sorry, plan: what });
  change.toCustomer('customer.supervisor_approved', {
    supervisorName: change.nameOf(actor.id),
    apology: sorry,
    plan: what,
    dueAt: window.dueAt.toISOString(),
  });
  if (previousOwner !== null && previousOwner !== actor.id) {
    change.toPerson(previousOwner, 'expert.taken_over', { supervisorName: change.nameOf(actor.id) });
  }
  change.toSupervisors('supervisors.decided', {
    supervisorName: change.nameOf(actor.id),
    decision: 'approved',
  });
}

/**
 * A supervisor declines with a reason: the case goes back to whoever had it, with a fresh promise,
 * and the customer is told why and offered options.
 */
export function declineEscalation(change: Change, actor: Actor, approvalId: unknown, reason: unknown): void {
  const c = change.next;
  const approval = pendingApproval(change, actor, approvalId);
  const why = requireText(reason);
  c.approval = {
    ...approval,
    status: 'declined',
    decidedBy: actor.id,
    decidedAt: change.now,
    declineReason: why,
  };
  // Back to whoever had it, at the level it has now (a level reached meanwhile is kept).
  backToWork(change, approval.previous.ownerId);
  change.event('escalation_declined', actor.id, { approvalId: approval.id, reason: why });
  change.toCustomer('customer.supervisor_declined', { reason: why }, [
    'add_details',
    'ask_supervisor',
    'mark_resolved',
  ]);
  if (approval.previous.ownerId !== null) {
    change.toPerson(approval.previous.ownerId, 'expert.declined', {
      supervisorName: change.nameOf(actor.id),
      reason: why,
    });
  }
  change.toSupervisors('supervisors.decided', {
    supervisorName: change.nameOf(actor.id),
    decision: 'declined',
  });
  applyRisk(change, ['declined_escalation']);
}

/** Level 4: the customer went over everyone's head. Recorded, and supervisors are told. */
export function recordOutside(change: Change, actor: Actor, channel: unknown, note: unknown): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['supervisor', 'front_line', 'owner']);
  const where = requireText(channel);
  const words = optionalText(note);
  c.outside = { at: change.now, channel: where, note: words };
  c.level = 4;
  if (c.status === 'resolved' || c.status === 'closed') {
    // Reopened for the supervisors: someone owes the customer a word again.
    c.resolvedAt = null;
    c.closedAt = null;
    backToWork(change, c.supervisorId);
  }
  change.event('went_outside', actor.id, { channel: where, note: words });
  const recovery = startRecovery(change);
  const params = { customerName: c.customer.name, channel: where, note: words };
  change.toSupervisors(
    'supervisors.outside_recorded',
    { ...params, dueAt: recovery.window.dueAt.toISOString() },
    ['write_recovery'],
  );
  change.toTriage('triage.outside_recorded', params);
  applyRisk(change, ['went_outside']);
}

/**
 * Level 4 recovery: a supervisor of the team writes what will be done beyond the fix, and the
 * customer receives it with their name. Keeps the recovery promise (late after its first due time).
 */
export function writeRecovery(change: Change, actor: Actor, text: unknown): void {
  const c = change.next;
  requireSupervisorNotCustomer(change, actor);
  const recovery = c.recovery;
  if (!openRecovery(recovery))
    throw new CoreError('invalid_state', 'error.no_recovery', { number: c.number });
  const words = requireText(text, 'error.recovery_required');
  if (words.length > MAX_RECOVERY_CHARS)
    throw new CoreError('invalid_input', 'error.recovery_too_long', { max: MAX_RECOVERY_CHARS });
  const late = keepRecovery(change, recovery, actor.id, words);
  change.event('recovery_sent', actor.id, { text: words, late });
  const supervisorName = change.nameOf(actor.id);
  change.toCustomer('customer.recovery', { supervisorName, text: words });
  change.toSupervisors('supervisors.recovery_sent', { supervisorName, customerName: c.customer.name });
}
