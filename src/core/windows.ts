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
  return {
    id: change.ids.next(),
    caseId: change.next.id,
    windowId: window.id,
    kind,
    dueAt,
    status: 'pending',
  };
}

/**
 * Opens a new window (replacing any other) starting now, as long as the policy says for its kind.
 * `dueAt` pins the end instead (a renegotiated callback time), and `consumedMs` carries time the
 * same promise already used, so renegotiating never resets the policy's longest window.
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
  window.paused = {
    at: change.now,
    consumedMs: Math.min(usedMs(change.next.policy, window, change.now), window.lengthMs),
  };
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
