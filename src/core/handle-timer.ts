// What a due timer does. The handler re-checks the case first: a timer whose window or wait was
// kept, replaced or paused does nothing but mark itself done. A timer of the open level 4 recovery
// (recovery.ts) reminds the supervisors, whatever the case's status.
import type { Change } from './change.ts';
import { finish } from './commands/resolve-case.ts';
import type { ClaimedTimer, CustomerWait, PromiseWindow } from './model.ts';
import { WAITING_ON_STAFF } from './invariants.ts';
import { applyRisk, assignExpert, type ExpertReads, findExpert, requestSupervisor } from './steps.ts';
import { missRecovery, openRecovery } from './recovery.ts';
import { openWindow } from './windows.ts';

export type TimerOutcome = 'nudged' | 'missed' | 'reassigned' | 'checked_in' | 'auto_closed' | 'stale';

export async function handleTimer(
  change: Change,
  timer: ClaimedTimer,
  store: ExpertReads,
): Promise<TimerOutcome> {
  const c = change.next;
  change.completeTimer = { id: timer.id, leaseToken: timer.leaseToken };
  if (timer.kind === 'check_in' || timer.kind === 'auto_close') {
    const wait = c.waiting;
    if (wait === null || wait.id !== timer.windowId || c.status !== 'waiting_on_customer') return 'stale';
    if (timer.kind === 'check_in') {
      checkIn(change, wait);
      return 'checked_in';
    }
    autoClose(change, wait);
    return 'auto_closed';
  }
  const recovery = c.recovery;
  if (openRecovery(recovery) && recovery.window.id === timer.windowId) {
    if (timer.kind === 'miss') {
      missRecovery(change, recovery);
      return 'missed';
    }
    if (timer.kind !== 'nudge') return 'stale';
    const dueAt = recovery.window.dueAt.toISOString();
    change.event('recovery_nudged', 'system', { dueAt });
    change.toSupervisors('supervisors.recovery_nudge', { customerName: c.customer.name, dueAt }, [
      'write_recovery',
    ]);
    return 'nudged';
  }
  const window = c.window;
  if (
    !window ||
    window.id !== timer.windowId ||
    window.paused !== null ||
    !WAITING_ON_STAFF.includes(c.status)
  ) {
    return 'stale';
  }
  if (timer.kind === 'nudge') {
    nudge(change, window);
    return 'nudged';
  }
  return miss(change, window, store);
}

function nudge(change: Change, window: PromiseWindow): void {
  const c = change.next;
  const params = { customerName: c.customer.name, dueAt: window.dueAt.toISOString() };
  change.event('window_nudged', 'system', { window: window.kind, dueAt: params.dueAt });
  if (window.kind === 'approval')
    change.toSupervisors('supervisors.approval_nudge', params, ['approve', 'decline']);
  else if (window.kind === 'first_response' && window.holder === null) {
    change.toTriage('triage.first_response_nudge', params, ['claim', 'escalate']);
  } else change.toHolder('owner.nudge', params);
}

/**
 * A missed window: the holder is pinged and the customer told we are still on it, with a new
 * time. An expert who missed the policy's `reassignAfterMisses` windows loses the case to another
 * available expert first (once per climb: the misses keep counting); after the policy's number of
 * misses (or any miss of a first response nobody took), a supervisor is asked. A missed decision
 * window keeps pinging the supervisors.
 */
async function miss(change: Change, window: PromiseWindow, store: ExpertReads): Promise<TimerOutcome> {
  const c = change.next;
  c.misses += 1;
  const missedAt = window.dueAt.toISOString();
  change.event('window_missed', 'system', { window: window.kind, dueAt: missedAt, misses: c.misses });

  if (window.kind === 'approval') {
    const next = openWindow(change, 'approval', null);
    change.toSupervisors('supervisors.approval_missed', { customerName: c.customer.name }, [
      'approve',
      'decline',
    ]);
    change.toCustomer('customer.still_on_it', { dueAt: next.dueAt.toISOString() });
    applyRisk(change, ['approval_missed']);
    return 'missed';
  }

  const params = { customerName: c.customer.name, dueAt: missedAt, misses: c.misses };
  if (window.kind === 'first_response' && window.holder === null) {
    change.toTriage('triage.first_response_missed', params, ['claim', 'escalate']);
  } else change.toHolder('owner.missed', params);
  applyRisk(change, ['missed_window']);

  const expertMissed =
    c.status === 'waiting_on_expert' && window.holder !== null && window.holder === c.expertId;
  const reassignAt = c.policy.reassignAfterMisses;
  if (expertMissed && reassignAt !== null && c.misses === reassignAt) {
    const previous = window.holder!;
    const next = await findExpert(change, store, [previous]);
    if (next !== null) {
      change.event('reassigned_after_misses', 'system', { from: previous, to: next, misses: c.misses });
      assignExpert(change, next, 'system', 'customer.reassigned', { keepMisses: true });
      change.toPerson(previous, 'expert.moved_after_misses', { expertName: change.nameOf(next) });
      return 'reassigned';
    }
  }

  const supervisorDue = c.level < 3 && c.misses >= c.policy.missesBeforeSupervisor;
  if (supervisorDue) {
    requestSupervisor(change, { requestedBy: 'system', role: 'system', reason: 'missed_window' });
    return 'missed';
  }
  if (c.level >= 3) change.toSupervisors('owner.missed', params);
  const next = openWindow(change, window.kind, window.holder);
  change.toCustomer('customer.still_on_it', { dueAt: next.dueAt.toISOString() });
  return 'missed';
}

/** The customer has not written for a while: a friendly word, and when the case would close. */
function checkIn(change: Change, wait: CustomerWait): void {
  const c = change.next;
  c.waiting = { ...wait, checkedInAt: change.now };
  change.event('customer_checked_in', 'system', { closeAt: wait.closeAt.toISOString() });
  change.toCustomer('customer.check_in', { closeAt: wait.closeAt.toISOString() }, [
    'add_details',
    'mark_resolved',
  ]);
}

/** Nobody heard from the customer: the case closes itself; they can reopen it any time. */
function autoClose(change: Change, wait: CustomerWait): void {
  const c = change.next;
  finish(change, 'closed');
  change.event('auto_closed', 'system', { waitingSince: wait.since.toISOString() });
  change.toCustomer('customer.auto_closed', {}, ['reopen']);
  const params = { customerName: c.customer.name };
  if (c.ownerId !== null) change.toPerson(c.ownerId, 'owner.auto_closed', params);
  else change.toTriage('owner.auto_closed', params);
}
