// Level 4 recovery: when the customer went outside, the team's supervisors owe them a word on what
// will be done beyond the fix, by a due time of its own (the team's `recoveryWindowMinutes` of the
// case's policy clock, one business day by default).
//
// A separate promise tracked beside the case's own window, not instead of it: the expert may still
// owe the customer an answer, the case may wait on the customer or be finished, and the recovery
// runs on regardless. Its timers (nudge, miss) carry the recovery window's id. A change that
// replaces the case's timers keeps the open recovery's (CaseChange.keepTimersOf, set by
// Change.toCommit through untouchedRecovery), and a change of the recovery keeps the case's.
import type { Change } from './change.ts';
import { addWorkingTime } from './calendar.ts';
import { RECOVERY_WINDOW_DEFAULT_MINUTES, type PromiseWindow, type Recovery } from './model.ts';
import { promiseIdOf } from './invariants.ts';
import { policyCalendar, timersFor } from './windows.ts';

const MINUTE = 60_000;
/** The longest recovery a supervisor may write (characters). */
export const MAX_RECOVERY_CHARS = 3000;

/** The recovery still owed, if any. */
export const openRecovery = (r: Recovery | null): r is Recovery & { sent: null } =>
  r !== null && r.sent === null;

function recoveryLengthMs(change: Change): number {
  const minutes = change.team.recoveryWindowMinutes ?? RECOVERY_WINDOW_DEFAULT_MINUTES;
  return minutes * MINUTE;
}

/** A fresh recovery window of the full length, starting now, with its timers. */
function freshWindow(change: Change): PromiseWindow {
  const lengthMs = recoveryLengthMs(change);
  const window: PromiseWindow = {
    id: change.ids.next(),
    kind: 'recovery',
    holder: null,
    startedAt: change.now,
    dueAt: addWorkingTime(policyCalendar(change.next.policy), change.now, lengthMs),
    lengthMs,
    consumedMs: 0,
    paused: null,
  };
  change.timers.push(...timersFor(change, window));
  return window;
}

/**
 * Opens the recovery step, unless one is owed already (the customer going outside twice owes one
 * recovery). Returns the open recovery.
 */
export function startRecovery(change: Change): Recovery {
  const c = change.next;
  if (openRecovery(c.recovery)) return c.recovery;
  const window = freshWindow(change);
  c.recovery = { window, openedAt: change.now, firstDueAt: window.dueAt, misses: 0, sent: null };
  change.event('recovery_opened', 'system', { dueAt: window.dueAt.toISOString() });
  return c.recovery;
}

/** The recovery window passed unwritten: a fresh window, and the supervisors reminded. */
export function missRecovery(change: Change, recovery: Recovery): void {
  const missedAt = recovery.window.dueAt.toISOString();
  dropRecoveryTimers(change);
  const window = freshWindow(change);
  const misses = recovery.misses + 1;
  change.next.recovery = { ...recovery, window, misses };
  const dueAt = window.dueAt.toISOString();
  change.event('recovery_missed', 'system', { missedAt, dueAt, misses });
  change.toSupervisors('supervisors.recovery_missed', { customerName: change.next.customer.name, dueAt }, [
    'write_recovery',
  ]);
}

/** The recovery is written and sent: its window and timers go; `late` after the first due time. */
export function keepRecovery(change: Change, recovery: Recovery, by: string, text: string): boolean {
  const late = recovery.misses > 0 || change.now.getTime() > recovery.firstDueAt.getTime();
  change.next.recovery = { ...recovery, sent: { at: change.now, by, text, late } };
  dropRecoveryTimers(change);
  return late;
}

/** Cancels the recovery's live timers, and only theirs: the case's own promise keeps its timers. */
function dropRecoveryTimers(change: Change): void {
  const old = change.next.recovery?.window.id;
  const mine = change.timers.filter((t) => t.windowId === old);
  for (const t of mine) change.timers.splice(change.timers.indexOf(t), 1);
  change.cancelTimers = true;
  change.keepTimersOf = promiseIdOf(change.next);
}

/**
 * The open recovery's window id when this change leaves it as it was: its live timers stay when
 * the change cancels the case's others. Null when there is none, or the change opened, missed or
 * sent it.
 */
export function untouchedRecovery(change: Change): string | null {
  const [was, now] = [change.before.recovery, change.next.recovery];
  return openRecovery(was) && openRecovery(now) && was.window.id === now.window.id ? now.window.id : null;
}

/** Writes an open recovery's timers again under a new window id, its due time unchanged (a repair). */
export function rearmRecovery(change: Change): void {
  const r = change.next.recovery;
  if (!openRecovery(r)) return;
  dropRecoveryTimers(change);
  const window: PromiseWindow = { ...r.window, id: change.ids.next() };
  change.next.recovery = { ...r, window };
  const now = change.now.getTime();
  change.timers.push(
    ...timersFor(change, window).filter((t) => t.kind === 'miss' || t.dueAt.getTime() > now),
  );
}
