// Repairs a case that breaks the rules of invariants.ts (found by the auditor): the right window is
// opened again, or the customer's wait restarted, and whoever holds the case is told. A promise
// whose due time is still ahead keeps it (only its timers are written again); one already past is
// replaced by a fresh one. Loud on purpose: an event records which rules were broken.
import type { Change } from './change.ts';
import { ACTIVE_STATUSES, type Timer } from './model.ts';
import { promiseViolations, type Violation, WAITING_ON_STAFF } from './invariants.ts';
import { rearmRecovery } from './recovery.ts';
import { backToWork } from './steps.ts';
import {
  closeWindow,
  openWindow,
  pauseWindow,
  rearmCustomerWait,
  rearmWindow,
  startCustomerWait,
} from './windows.ts';

export function repairPromise(change: Change, timers: readonly Timer[]): Violation[] {
  const violations = promiseViolations(change.next, timers);
  if (violations.length === 0) return [];
  const c = change.next;
  const now = change.now.getTime();
  const pending = c.approval?.status === 'pending';

  if (!ACTIVE_STATUSES.includes(c.status)) {
    closeWindow(change);
    change.cancelTimers = true;
    if (pending && c.approval) c.approval = { ...c.approval, status: 'declined', declineReason: c.status };
  } else if (pending && c.status !== 'awaiting_approval') {
    c.status = 'awaiting_approval';
    openWindow(change, 'approval', null);
  } else if (c.status === 'awaiting_approval' && !pending) {
    backToWork(change, c.ownerId);
  } else if (WAITING_ON_STAFF.includes(c.status)) {
    c.waiting = null;
    const window = c.window;
    const kindFits = (window?.kind === 'approval') === (c.status === 'awaiting_approval');
    if (window && window.paused === null && kindFits && window.dueAt.getTime() > now) rearmWindow(change);
    else if (c.status === 'awaiting_approval') openWindow(change, 'approval', null);
    else backToWork(change, c.ownerId);
  } else {
    // Waiting on the customer: a running window stops; the wait keeps its times if still ahead.
    pauseWindow(change);
    const wait = c.waiting;
    if (wait && wait.closeAt.getTime() > now) rearmCustomerWait(change);
    else startCustomerWait(change);
  }

  // The recovery beside the case (recovery.ts): its timers written again, its due time unchanged.
  if (violations.some((v) => v.rule === 'recovery')) rearmRecovery(change);

  change.event('promise_repaired', 'system', {
    rules: [...new Set(violations.map((v) => v.rule))],
    details: violations.map((v) => v.detail),
  });
  const window = c.window;
  if (window && window.paused === null) {
    const params = { customerName: c.customer.name, dueAt: window.dueAt.toISOString() };
    if (window.kind === 'approval')
      change.toSupervisors('owner.promise_repaired', params, ['approve', 'decline']);
    else change.toHolder('owner.promise_repaired', params);
  }
  return violations;
}
