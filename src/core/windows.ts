// Promise windows and customer waits, with the timer rows that keep them.
//
// A window is a promise to the customer with a holder and a due time (nudge and miss timers); a
// wait is the case waiting on the customer (check-in and automatic-close timers). A case has at
// most one of each, and its live timers always belong to exactly one of them: the running window
// while the case waits on staff, the wait while it waits on the customer (see invariants.ts).
// So every function here that starts something replaces the case's timers with its own.
// All timing is on the policy's clock (business or always).
import { addWorkingTime, workingTimeBetween } from './calendar.ts';
import type { Change } from './change.ts';
import {
  type Calendar,
  type CustomerWait,
  type PolicySnapshot,
  type PromiseWindow,
  RECOVERY_WINDOW_DEFAULT_MINUTES,
  type Timer,
  type WindowKind,
} from './model.ts';

const MINUTE = 60_000;

export const policyCalendar = (policy: PolicySnapshot): Calendar | null =>
  policy.clock === 'business' ? policy.calendar : null;

export function windowLengthMs(policy: PolicySnapshot, kind: WindowKind): number {
  switch (kind) {
    case 'first_response':
      return policy.firstResponseMinutes * MINUTE;
    case 'callback':
      return policy.callbackWindowMinutes * MINUTE;
    case 'approval':
      return policy.supervisorWindowMinutes * MINUTE;
    case 'recovery':
      // The team's own length is read where a recovery opens (recovery.ts); this is the default.
      return RECOVERY_WINDOW_DEFAULT_MINUTES * MINUTE;
  }
}

/** Cancels every live timer of the case and writes `timers` instead (in the same commit). */
function replaceTimers(change: Change, timers: readonly Timer[]): void {
  change.cancelTimers = true;
  change.timers.length = 0;
  change.timers.push(...timers);
}

/** Timers for a window whose clock (re)starts at `window.startedAt` with `consumedMs` already used. */
export function timersFor(change: Change, window: PromiseWindow): Timer[] {
  const calendar = policyCalendar(change.next.policy);
  const at = (elapsedMs: number) => addWorkingTime(calendar, window.startedAt, elapsedMs - window.consumedMs);
  const timers: Timer[] = [];
  for (const fraction of change.next.policy.nudgeAt) {
    const mark = window.lengthMs * fraction;
    if (mark > window.consumedMs) timers.push(timer(change, window.id, 'nudge', at(mark)));
  }
  timers.push(timer(change, window.id, 'miss', window.dueAt));
  return timers;
}

function timer(change: Change, windowId: string, kind: Timer['kind'], dueAt: Date): Timer {
  return { id: change.ids.next(), caseId: change.next.id, windowId, kind, dueAt, status: 'pending' };
}

/**
 * Opens a new window (replacing any other, and ending any customer wait) starting now, as long as
 * the policy says for its kind. `dueAt` pins the end instead (a renegotiated callback time), and
 * `consumedMs` carries time the same promise already used, so renegotiating never resets the
 * policy's longest window.
 */
export function openWindow(
  change: Change,
  kind: WindowKind,
  holder: string | null,
  options: { dueAt?: Date; consumedMs?: number } = {},
): PromiseWindow {
  const calendar = policyCalendar(change.next.policy);
  const consumedMs = options.consumedMs ?? 0;
  const lengthMs =
    options.dueAt !== undefined
      ? consumedMs + workingTimeBetween(calendar, change.now, options.dueAt)
      : windowLengthMs(change.next.policy, kind);
  const window: PromiseWindow = {
    id: change.ids.next(),
    kind,
    holder,
    startedAt: change.now,
    dueAt: options.dueAt ?? addWorkingTime(calendar, change.now, lengthMs - consumedMs),
    lengthMs,
    consumedMs,
    paused: null,
  };
  change.next.window = window;
  change.next.waiting = null;
  replaceTimers(change, timersFor(change, window));
  return window;
}

/**
 * Writes the running window's timers again, for the same promise (same due time), under a new
 * window id so any stray timer of the old one is stale. Used to repair a window whose timers went
 * missing; the customer's promise does not move.
 */
export function rearmWindow(change: Change): PromiseWindow | null {
  const current = change.next.window;
  if (current === null || current.paused !== null) return null;
  const window: PromiseWindow = { ...current, id: change.ids.next() };
  change.next.window = window;
  replaceTimers(change, timersFor(change, window));
  return window;
}

/** The promise is kept (or no longer applies): no window, no customer wait, no timers. */
export function closeWindow(change: Change): void {
  const { before, next } = change;
  if (next.window === null && before.window === null && next.waiting === null && before.waiting === null)
    return;
  next.window = null;
  next.waiting = null;
  replaceTimers(change, []);
}

/** Stops the window's clock while the case waits on the customer (its timers are cancelled). */
export function pauseWindow(change: Change): void {
  const window = change.next.window;
  if (window === null || window.paused !== null) return;
  window.paused = {
    at: change.now,
    consumedMs: Math.min(usedMs(change.next.policy, window, change.now), window.lengthMs),
  };
  replaceTimers(change, []);
}

/** Restarts a paused window's clock with what was left of it. Returns false if nothing was paused. */
export function resumeWindow(change: Change): boolean {
  const paused = change.next.window?.paused;
  if (!change.next.window || !paused) return false;
  const calendar = policyCalendar(change.next.policy);
  const window: PromiseWindow = {
    ...change.next.window,
    id: change.ids.next(),
    startedAt: change.now,
    consumedMs: paused.consumedMs,
    dueAt: addWorkingTime(calendar, change.now, change.next.window.lengthMs - paused.consumedMs),
    paused: null,
  };
  change.next.window = window;
  change.next.waiting = null;
  replaceTimers(change, timersFor(change, window));
  return true;
}

/**
 * The case starts waiting on the customer now: a friendly check-in after the policy's
 * `customerReminderAfterMinutes`, then the automatic close at `autoCloseAfterMinutes`, both counted
 * from now on the policy's clock. Replaces the timers of whatever ran before (a kept or paused
 * window has none left).
 */
export function startCustomerWait(change: Change): CustomerWait {
  const { policy } = change.next;
  const calendar = policyCalendar(policy);
  const wait: CustomerWait = {
    id: change.ids.next(),
    since: change.now,
    checkInAt: addWorkingTime(calendar, change.now, policy.customerReminderAfterMinutes * MINUTE),
    closeAt: addWorkingTime(calendar, change.now, policy.autoCloseAfterMinutes * MINUTE),
    checkedInAt: null,
  };
  change.next.waiting = wait;
  replaceTimers(change, waitTimers(change, wait));
  return wait;
}

function waitTimers(change: Change, wait: CustomerWait): Timer[] {
  const timers: Timer[] = [];
  if (wait.checkedInAt === null && wait.checkInAt.getTime() < wait.closeAt.getTime()) {
    timers.push(timer(change, wait.id, 'check_in', wait.checkInAt));
  }
  timers.push(timer(change, wait.id, 'auto_close', wait.closeAt));
  return timers;
}

/** Writes a wait's outstanding timers again under a new id (a repair; the times do not move). */
export function rearmCustomerWait(change: Change): CustomerWait | null {
  const current = change.next.waiting;
  if (current === null) return null;
  const wait: CustomerWait = { ...current, id: change.ids.next() };
  change.next.waiting = wait;
  replaceTimers(change, waitTimers(change, wait));
  return wait;
}

/** The customer is no longer waited on (they wrote, or the case finished); its timers go. */
export function endCustomerWait(change: Change): void {
  if (change.next.waiting === null) return;
  change.next.waiting = null;
  replaceTimers(change, []);
}

/** Policy-clock time the window has used so far (earlier spells plus the running one). */
export function usedMs(policy: PolicySnapshot, window: PromiseWindow, now: Date): number {
  if (window.paused) return window.paused.consumedMs;
  return window.consumedMs + workingTimeBetween(policyCalendar(policy), window.startedAt, now);
}

/** The latest instant an expert may renegotiate to: the policy's longest window, pauses excluded. */
export function latestCallback(policy: PolicySnapshot, window: PromiseWindow, now: Date): Date {
  const maxMs = policy.maxCallbackWindowMinutes * MINUTE;
  return addWorkingTime(policyCalendar(policy), now, Math.max(0, maxMs - usedMs(policy, window, now)));
}
