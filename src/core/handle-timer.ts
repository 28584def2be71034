// What a due timer does. The handler re-checks the case first: a timer whose window was kept,
// replaced or paused does nothing but mark itself done.
import type { Change } from './change.ts';
import { ACTIVE_STATUSES, type ClaimedTimer, type PromiseWindow } from './model.ts';
import { applyRisk, requestSupervisor } from './steps.ts';
import { openWindow } from './windows.ts';

export type TimerOutcome = 'nudged' | 'missed' | 'stale';

export function handleTimer(change: Change, timer: ClaimedTimer): TimerOutcome {
  const c = change.next;
  change.completeTimer = { id: timer.id, leaseToken: timer.leaseToken };
  const window = c.window;
  if (
    !window ||
    window.id !== timer.windowId ||
    window.paused !== null ||
    !ACTIVE_STATUSES.includes(c.status)
  ) {
    return 'stale';
  }
  if (timer.kind === 'nudge') {
    nudge(change, window);
    return 'nudged';
  }
  miss(change, window);
  return 'missed';
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
 * time. After the policy's number of misses (or any miss of a first response nobody took), a
 * supervisor is asked. A missed approval window keeps pinging the supervisors.
 */
function miss(change: Change, window: PromiseWindow): void {
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
    return;
  }

  const params = { customerName: c.customer.name, dueAt: missedAt, misses: c.misses };
  if (window.kind === 'first_response' && window.holder === null) {
    change.toTriage('triage.first_response_missed', params, ['claim', 'escalate']);
  } else change.toHolder('owner.missed', params);
  applyRisk(change, ['missed_window']);

  const supervisorDue = c.level < 3 && c.misses >= c.policy.missesBeforeSupervisor;
  if (supervisorDue) {
    requestSupervisor(change, { requestedBy: 'system', role: 'system', reason: 'missed_window' });
    return;
  }
  if (c.level >= 3) change.toSupervisors('owner.missed', params);
  const next = openWindow(change, window.kind, window.holder);
  change.toCustomer('customer.still_on_it', { dueAt: next.dueAt.toISOString() });
}
