// Promise windows: open one with its nudge and miss timers, keep it, pause it while the case
// waits on the customer, resume it. All timing is on the policy's clock (business or always).
import { addWorkingTime, workingTimeBetween } from './calendar.ts';
import type { Change } from './change.ts';
import type { Calendar, PolicySnapshot, PromiseWindow, Timer, WindowKind } from './model.ts';

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
  }
}

/** Timers for a window whose clock (re)starts at `window.startedAt` with `consumedMs` already used. */
function timersFor(change: Change, window: PromiseWindow): Timer[] {
  const calendar = policyCalendar(change.next.policy);
  const at = (elapsedMs: number) => addWorkingTime(calendar, window.startedAt, elapsedMs - window.consumedMs);
  const timers: Timer[] = [];
  for (const fraction of change.next.policy.nudgeAt) {
    const mark = window.lengthMs * fraction;
    if (mark > window.consumedMs) timers.push(timer(change, window, 'nudge', at(mark)));
  }
  timers.push(timer(change, window, 'miss', window.dueAt));
  return timers;
}

function timer(change: Change, window: PromiseWindow, kind: Timer['kind'], dueAt: Date): Timer {
  return { id: change.ids.next(), caseId: change.next.id, windowId: window.id, kind, dueAt, status: 'pending' };
}

/**
 * Opens a new window (replacing any other) starting now. `lengthMs` defaults to the policy's
 * length for the kind; `dueAt` pins the end instead (a renegotiated callback time).
 */
export function openWindow(
  change: Change,
  kind: WindowKind,
  holder: string | null,
  options: { lengthMs?: number; dueAt?: Date } = {},
): PromiseWindow {
  const calendar = policyCalendar(change.next.policy);
  const lengthMs =
    options.dueAt !== undefined
      ? workingTimeBetween(calendar, change.now, options.dueAt)
      : (options.lengthMs ?? windowLengthMs(change.next.policy, kind));
  const window: PromiseWindow = {
    id: change.ids.next(),
    kind,
    holder,
    startedAt: change.now,
    dueAt: options.dueAt ?? addWorkingTime(calendar, change.now, lengthMs),
    lengthMs,
    consumedMs: 0,
    paused: null,
  };
  change.next.window = window;
  change.cancelTimers = true;
  change.timers.length = 0;
  change.timers.push(...timersFor(change, window));
  return window;
}

/** The promise is kept (or no longer applies): no window, no timers. */
export function closeWindow(change: Change): void {
  if (change.next.window === null && change.before.window === null) return;
  change.next.window = null;
  change.cancelTimers = true;
  change.timers.length = 0;
}

/** Stops the window's clock while the case waits on the customer. */
export function pauseWindow(change: Change): void {
  const window = change.next.window;
  if (window === null || window.paused !== null) return;
  const used = window.consumedMs + workingTimeBetween(policyCalendar(change.next.policy), window.startedAt, change.now);
  window.paused = { at: change.now, consumedMs: Math.min(used, window.lengthMs) };
  change.cancelTimers = true;
  change.timers.length = 0;
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
  change.cancelTimers = true;
  change.timers.length = 0;
  change.timers.push(...timersFor(change, window));
  return true;
}

/** The latest instant an expert may renegotiate to, counted from when the expert got the case. */
export function latestCallback(policy: PolicySnapshot, window: PromiseWindow): Date {
  const calendar = policyCalendar(policy);
  const maxMs = policy.maxCallbackWindowMinutes * MINUTE;
  return addWorkingTime(calendar, window.startedAt, maxMs - window.consumedMs);
}
