import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import type { CaseStore } from '../ports.ts';
import { type Actor, requireRole } from '../roles.ts';
import { escalateToExpert, requestSupervisor } from '../steps.ts';
import { latestCallback, openWindow, usedMs } from '../windows.ts';
import { requireActive, requireText } from './guards.ts';

function requireAssignedExpert(change: Change, actor: Actor): void {
  const c = change.next;
  if (c.level !== 2 || c.expertId !== actor.id) {
    throw new CoreError('forbidden', 'error.expert_only', { number: c.number });
  }
  requireActive(c);
}

/**
 * The expert accepts the case. They may renegotiate the callback time, up to the policy's longest
 * window counted from when they got the case; the customer is told the new time.
 */
export function acceptCase(change: Change, actor: Actor, callbackBy?: Date): void {
  requireAssignedExpert(change, actor);
  const c = change.next;
  change.event('accepted', actor.id, callbackBy ? { callbackBy: callbackBy.toISOString() } : {});
  if (callbackBy === undefined || c.window === null || c.window.kind !== 'callback') return;
  const latest = latestCallback(c.policy, c.window, change.now);
  if (callbackBy.getTime() <= change.now.getTime() || callbackBy.getTime() > latest.getTime()) {
    throw new CoreError('invalid_input', 'error.window_outside_policy', { maxAt: latest.toISOString() });
  }
  const consumedMs = usedMs(c.policy, c.window, change.now);
  const window = openWindow(change, 'callback', actor.id, { dueAt: callbackBy, consumedMs });
  change.event('window_renegotiated', actor.id, { dueAt: window.dueAt.toISOString() });
  change.toCustomer('customer.window_renegotiated', {
    expertName: change.nameOf(actor.id),
    dueAt: window.dueAt.toISOString(),
  });
}

/** The expert cannot resolve it: a supervisor is asked to step in. */
export function cannotResolve(change: Change, actor: Actor, reason: string): void {
  requireAssignedExpert(change, actor);
  const why = requireText(reason);
  change.event('cannot_resolve', actor.id, { reason: why });
  requestSupervisor(change, { requestedBy: actor.id, role: 'expert', reason: why });
}

/**
 * The expert (or a supervisor) hands the case to another expert: a named one, or the fairest
 * available other than the current one. With nobody available, a supervisor is asked.
 */
export async function reassignCase(
  change: Change,
  store: CaseStore,
  actor: Actor,
  to?: string,
): Promise<void> {
  const c = change.next;
  const roles = requireRole(actor.id, c, change.config, ['expert', 'supervisor']);
  if (!roles.has('supervisor')) requireAssignedExpert(change, actor);
  requireActive(c);
  const current = c.expertId;
  const exclude = current === null ? [] : [current];
  if (to !== undefined) {
    const topic = change.config.directory.topics[c.topic];
    if (!topic || ![...topic.experts, ...topic.backups].includes(to) || to === current) {
      throw new CoreError('invalid_input', 'error.not_an_expert', { number: c.number });
    }
    const others = [...topic.experts, ...topic.backups].filter((id) => id !== to);
    change.event('reassign_requested', actor.id, { to });
    await escalateToExpert(change, store, actor.id, { exclude: others, customerKey: 'customer.reassigned' });
    return;
  }
  change.event('reassign_requested', actor.id, {});
  await escalateToExpert(change, store, actor.id, { exclude, customerKey: 'customer.reassigned' });
}
