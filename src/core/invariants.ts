// The promises a case keeps, written as rules a case and its timer rows can be checked against.
// The property tests check them after every step of random command sequences; the auditor checks
// the live ones in the database and repairs a case that breaks them (repair-promise.ts).
//
// Rules on one case (promiseViolations):
//   running_window   a case waiting on staff (open, waiting_on_expert, awaiting_approval) has a
//                    running window (not paused), and only such a case has one ...
//   miss_timer       ... with exactly one live miss timer, due when the window is;
//   paused_window    a paused window exists only while the case waits on the customer;
//   customer_wait    a case waiting on the customer has a wait with exactly one live automatic-
//                    close timer at its close time, and a live check-in timer until it was sent;
//                    no other case has a wait;
//   stray_timer      every live timer belongs to the running window or the wait;
//   approval         an approval is pending exactly while the case awaits a decision, and then the
//                    running window is the decision window;
//   finished         a resolved or closed case holds no window, no wait and no live timer;
//   outside          level 4 only with the outside step recorded.
// Rules between two states of a case (stepViolations):
//   level            the level never goes down, except when the case is reopened;
//   level_4          level 4 is sticky: only a reopen changes it;
//   audit_log        the case's events only grow: earlier ones are never changed or removed;
//   heavy            a heavy mark, once made, stays as made (who, when, note) and its supervisors
//                    paired up only grow; a new mark is never its customer's, never made on a
//                    finished case, and starts with nobody paired up.
// Rules of the desk, checked by the property tests: a refused command writes nothing; only
// CoreError leaves the desk; an internal note never reaches a customer.
import { ACTIVE_STATUSES, type Case, type CaseEvent, type CaseStatus, type Timer } from './model.ts';

export type PromiseRule =
  | 'running_window'
  | 'miss_timer'
  | 'paused_window'
  | 'customer_wait'
  | 'stray_timer'
  | 'approval'
  | 'finished'
  | 'outside';

export type StepRule = 'level' | 'level_4' | 'audit_log' | 'heavy';

export interface Violation<R extends string = PromiseRule> {
  rule: R;
  detail: string;
}

/** Statuses in which someone on the team owes the customer something, by a due time. */
export const WAITING_ON_STAFF: readonly CaseStatus[] = ['open', 'waiting_on_expert', 'awaiting_approval'];

const live = (t: Timer) => t.status === 'pending' || t.status === 'claimed';

/**
 * The id whose timers must be live on the case: its running window's while it waits on staff, its
 * wait's while it waits on the customer; null when nothing may be pending. The SQL stores keep it
 * in a column so the auditor can find broken promises with one indexed query.
 */
export function promiseIdOf(c: Case): string | null {
  if (WAITING_ON_STAFF.includes(c.status)) return c.window?.paused === null ? c.window.id : null;
  if (c.status === 'waiting_on_customer') return c.waiting?.id ?? null;
  return null;
}

/** Every rule above the case breaks, given all its timer rows; empty when it keeps its promises. */
export function promiseViolations(c: Case, timers: readonly Timer[]): Violation[] {
  const found: Violation[] = [];
  const fail = (rule: PromiseRule, detail: string) => found.push({ rule, detail });
  const alive = timers.filter((t) => t.caseId === c.id && live(t));
  const active = ACTIVE_STATUSES.includes(c.status);
  const window = c.window;

  if (WAITING_ON_STAFF.includes(c.status)) {
    if (window === null) fail('running_window', `${c.status} without a window`);
    else if (window.paused !== null) fail('running_window', `${c.status} with a paused window`);
    else {
      const misses = alive.filter((t) => t.kind === 'miss' && t.windowId === window.id);
      if (misses.length !== 1) fail('miss_timer', `${misses.length} live miss timers for the window`);
      else if (misses[0]!.dueAt.getTime() !== window.dueAt.getTime())
        fail('miss_timer', 'the miss timer is not due when the window is');
    }
  }
  if (window?.paused && c.status !== 'waiting_on_customer')
    fail('paused_window', `a paused window while ${c.status}`);
  if (c.status === 'waiting_on_customer' && window !== null && window.paused === null)
    fail('running_window', 'a running window while waiting on the customer');

  const wait = c.waiting;
  if (c.status === 'waiting_on_customer') {
    if (wait === null) fail('customer_wait', 'waiting on the customer without a wait');
    else {
      const closes = alive.filter((t) => t.kind === 'auto_close' && t.windowId === wait.id);
      if (closes.length !== 1 || closes[0]!.dueAt.getTime() !== wait.closeAt.getTime())
        fail('customer_wait', `${closes.length} live close timers at the close time`);
      const checkIns = alive.filter((t) => t.kind === 'check_in' && t.windowId === wait.id).length;
      const due = wait.checkedInAt === null && wait.checkInAt.getTime() < wait.closeAt.getTime() ? 1 : 0;
      if (checkIns !== due) fail('customer_wait', `${checkIns} live check-in timers, ${due} expected`);
    }
  } else if (wait !== null) fail('customer_wait', `a customer wait while ${c.status}`);

  const owner = promiseIdOf(c);
  for (const t of alive) {
    if (t.windowId !== owner) fail('stray_timer', `live ${t.kind} timer ${t.id} of ${t.windowId}`);
  }

  const pending = c.approval?.status === 'pending';
  if (pending !== (c.status === 'awaiting_approval'))
    fail('approval', `approval ${c.approval?.status ?? 'none'} while ${c.status}`);
  if (c.status === 'awaiting_approval' && window !== null && window.kind !== 'approval')
    fail('approval', `awaiting a decision with a ${window.kind} window`);

  if (!active && window !== null) fail('finished', `${c.status} with a window`);
  if (c.level === 4 && c.outside === null) fail('outside', 'level 4 without the outside step');
  return found;
}

/**
 * Rules between the case before and after one step. `reopened`: the step reopened this case (a
 * reopen, or a customer's message on a finished case within the policy's time).
 */
export function stepViolations(
  before: { case: Case; events: readonly CaseEvent[] },
  after: { case: Case; events: readonly CaseEvent[] },
  reopened: boolean,
): Violation<StepRule>[] {
  const found: Violation<StepRule>[] = [];
  const [from, to] = [before.case.level, after.case.level];
  if (!reopened && to < from) found.push({ rule: 'level', detail: `level ${from} -> ${to}` });
  if (!reopened && from === 4 && to !== 4) found.push({ rule: 'level_4', detail: `level 4 -> ${to}` });
  const kept = before.events.every((e, i) => {
    const now = after.events[i];
    return now !== undefined && now.id === e.id && now.type === e.type && now.at.getTime() === e.at.getTime();
  });
  if (!kept || after.events.length < before.events.length)
    found.push({ rule: 'audit_log', detail: 'an earlier event changed or disappeared' });
  const [was, is] = [before.case.heavy, after.case.heavy];
  if (was !== null) {
    const same =
      is !== null &&
      is.by === was.by &&
      is.at.getTime() === was.at.getTime() &&
      is.note === was.note &&
      was.with.every((id, i) => is.with[i] === id);
    if (!same) found.push({ rule: 'heavy', detail: 'the heavy mark changed or disappeared' });
  } else if (is !== null) {
    const fresh = is.with.length === 0 && ACTIVE_STATUSES.includes(before.case.status);
    if (!fresh || is.by === after.case.customer.id)
      found.push({ rule: 'heavy', detail: `marked heavy by ${is.by} while ${before.case.status}` });
  }
  return found;
}
