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
//   stray_timer      every live timer belongs to the running window, the wait or the open recovery;
//   approval         an approval is pending exactly while the case awaits a decision, and then the
//                    running window is the decision window;
//   finished         a resolved or closed case holds no window, no wait and no live timer but its
//                    open recovery's;
//   outside          level 4 only with the outside step recorded;
//   recovery         a recovery only once the customer went outside; while it is open (not yet
//                    written) its own window runs, with exactly one live miss timer due when it is,
//                    whatever the case's status (a finished case still owes it): the case always
//                    owes something while a recovery is open. A sent recovery has no window timers.
// Rules between two states of a case (stepViolations):
//   level            the level never goes down, except when the case is reopened;
//   level_4          level 4 is sticky: only a reopen changes it;
//   audit_log        the case's events only grow: earlier ones are never changed or removed;
//   abuse_count      the count of the customer's abusive messages never goes down.
// Rule between twin cases (abuseNeutralViolations): a case whose customer wrote abusively stands
// where the same case with clean words would (status, level, priority, holder, promise due time):
// the abuse shield masks, counts and tells; it never closes or lowers a case by itself.
//   heavy            a heavy mark, once made, stays as made (who, when, note) and its supervisors
//                    paired up only grow; a new mark is never its customer's, never made on a
//                    finished case, and starts with nobody paired up.
// Rules of the desk, checked by the property tests: a refused command writes nothing; only
// CoreError leaves the desk; an internal note never reaches a customer (a colleague's question and
// answer included); asking or answering a colleague never moves the case's status, level, holder
// or window, and tells the customer nothing.
// Rule on the colleagues asked (colleagueViolations):
//   colleagues       the staff asked about a case (Ask a colleague) are directory staff, never the
//                    case's customer, each listed once.
import { isStaffMember } from './away.ts';
import {
  ACTIVE_STATUSES,
  type Case,
  type CaseEvent,
  type CaseStatus,
  type DeskConfig,
  type Timer,
} from './model.ts';

export type PromiseRule =
  | 'running_window'
  | 'miss_timer'
  | 'paused_window'
  | 'customer_wait'
  | 'stray_timer'
  | 'approval'
  | 'finished'
  | 'outside'
  | 'recovery';

export type StepRule = 'level' | 'level_4' | 'audit_log' | 'abuse_count' | 'heavy';

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
  const recovery = c.recovery?.sent === null ? c.recovery.window : null;
  for (const t of alive) {
    if (t.windowId !== owner && t.windowId !== recovery?.id)
      fail('stray_timer', `live ${t.kind} timer ${t.id} of ${t.windowId}`);
  }
  if (c.recovery !== null && c.outside === null) fail('recovery', 'a recovery without the outside step');
  if (recovery !== null) {
    const misses = alive.filter((t) => t.kind === 'miss' && t.windowId === recovery.id);
    if (misses.length !== 1 || misses[0]!.dueAt.getTime() !== recovery.dueAt.getTime())
      fail('recovery', `${misses.length} live miss timers at the open recovery's due time`);
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
  const [abusedBefore, abusedAfter] = [before.case.abuse?.count ?? 0, after.case.abuse?.count ?? 0];
  if (abusedAfter < abusedBefore)
    found.push({ rule: 'abuse_count', detail: `abusive messages ${abusedBefore} -> ${abusedAfter}` });
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

/** The rule on a case's colleagues (see above); empty when it keeps it. */
export function colleagueViolations(c: Case, config: DeskConfig): Violation<'colleagues'>[] {
  const found: Violation<'colleagues'>[] = [];
  const fail = (detail: string) => found.push({ rule: 'colleagues', detail });
  if (new Set(c.colleagues).size !== c.colleagues.length) fail('a colleague listed twice');
  for (const id of c.colleagues) {
    if (id === c.customer.id) fail(`the customer ${id} is listed as a colleague`);
    else if (!isStaffMember(config, id)) fail(`${id} is not on the support team`);
  }
  return found;
}

/**
 * What differs between the same case with clean words (`clean`) and with abusive ones (`abusive`),
 * by the rule abuse_neutral above; empty when the abuse changed nothing of the ladder.
 */
export function abuseNeutralViolations(clean: Case, abusive: Case): Violation<'abuse_neutral'>[] {
  const dueOf = (c: Case) => c.window?.dueAt.getTime() ?? null;
  const fields: [string, unknown, unknown][] = [
    ['status', clean.status, abusive.status],
    ['level', clean.level, abusive.level],
    ['priority', clean.priority, abusive.priority],
    ['owner', clean.ownerId, abusive.ownerId],
    ['window due', dueOf(clean), dueOf(abusive)],
    ['closed', clean.closedAt?.getTime() ?? null, abusive.closedAt?.getTime() ?? null],
  ];
  return fields
    .filter(([, a, b]) => a !== b)
    .map(([name, a, b]) => ({
      rule: 'abuse_neutral',
      detail: `${name}: ${String(a)} clean, ${String(b)} abusive`,
    }));
}
