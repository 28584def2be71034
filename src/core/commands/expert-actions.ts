import type { Change } from '../change.ts';
import { expertsOf, topicOf } from '../directory.ts';
import { CoreError } from '../errors.ts';
import { type Actor, requireRole } from '../roles.ts';
import { assignExpert, type ExpertReads, findExpert, requestSupervisor } from '../steps.ts';
import { latestCallback, openWindow, usedMs } from '../windows.ts';
import { requireActive, requireInstant, requireText } from './guards.ts';

/** The actor is the case's expert and holds it now (whatever its level). */
function requireAssignedExpert(change: Change, actor: Actor): void {
  const c = change.next;
  if (c.expertId !== actor.id || c.ownerId !== actor.id) {
    throw new CoreError('forbidden', 'error.expert_only', { number: c.number });
  }
  requireActive(c);
}

/**
 * The expert accepts the case. They may renegotiate the callback time while the case is with
 * them, up to the policy's longest window counted from when they got the case; the customer is
 * told the new time.
 */
export function acceptCase(change: Change, actor: Actor, callbackBy?: unknown): void {
  requireAssignedExpert(change, actor);
  const c = change.next;
  if (callbackBy === undefined) {
    change.event('accepted', actor.id, {});
    return;
  }
  const by = requireInstant(callbackBy);
  const window = c.window;
  if (
    c.status !== 'waiting_on_expert' ||
    window === null ||
    window.paused !== null ||
    window.kind !== 'callback'
  )
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  const latest = latestCallback(c.policy, window, change.now);
  if (by.getTime() <= change.now.getTime() || by.getTime() > latest.getTime()) {
    throw new CoreError('invalid_input', 'error.window_outside_policy', { maxAt: latest.toISOString() });
  }
  change.event('accepted', actor.id, { callbackBy: by.toISOString() });
  const consumedMs = usedMs(c.policy, window, change.now);
  const next = openWindow(change, 'callback', actor.id, { dueAt: by, consumedMs });
  change.event('window_renegotiated', actor.id, { dueAt: next.dueAt.toISOString() });
  change.toCustomer('customer.window_renegotiated', {
    expertName: change.nameOf(actor.id),
    dueAt: next.dueAt.toISOString(),
  });
}

/** The expert cannot resolve it: a supervisor is asked to step in. */
export function cannotResolve(change: Change, actor: Actor, reason: unknown): void {
  requireAssignedExpert(change, actor);
  const why = requireText(reason);
  change.event('cannot_resolve', actor.id, { reason: why });
  requestSupervisor(change, { requestedBy: actor.id, role: 'expert', reason: why });
}

/**
 * The expert (or a supervisor) hands the case to another expert: a named one, or the fairest
 * available other than the current one. With nobody available, a supervisor is asked. While a
 * decision is pending only a supervisor may reassign, and that decides it: the escalation is
 * declined (reason `reassigned`) in favour of the new expert; with nobody available the
 * reassignment is refused and the decision stays pending.
 */
export async function reassignCase(
  change: Change,
  store: ExpertReads,
  actor: Actor,
  to?: unknown,
): Promise<void> {
  const c = change.next;
  const roles = requireRole(actor.id, c, change.config, ['expert', 'supervisor']);
  const bySupervisor = roles.has('supervisor');
  if (!bySupervisor) requireAssignedExpert(change, actor);
  requireActive(c);
  const pending = c.approval?.status === 'pending';
  if (pending && !bySupervisor)
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  const candidates = expertsOf(topicOf(change.config, c.topic));
  let exclude = c.expertId === null ? [] : [c.expertId];
  if (to !== undefined) {
    if (typeof to !== 'string' || !candidates.includes(to) || to === c.expertId || to === c.customer.id) {
      throw new CoreError('invalid_input', 'error.not_an_expert', { number: c.number });
    }
    exclude = candidates.filter((id) => id !== to);
  }
  const expertId = await findExpert(change, store, exclude);
  change.event('reassign_requested', actor.id, to === undefined ? {} : { to });
  if (expertId === null) {
    if (pending || to !== undefined) {
      throw new CoreError('invalid_input', 'error.no_other_expert', { number: c.number });
    }
    change.event('no_expert_available', actor.id, { topic: c.topic });
    requestSupervisor(change, { requestedBy: 'system', role: 'system', reason: 'no_expert' });
    return;
  }
  if (pending && c.approval) {
    c.approval = {
      ...c.approval,
      status: 'declined',
      decidedBy: actor.id,
      decidedAt: change.now,
      declineReason: 'reassigned',
    };
    change.event('escalation_declined', actor.id, { approvalId: c.approval.id, reason: 'reassigned' });
  }
  assignExpert(change, expertId, actor.id, 'customer.reassigned');
}
