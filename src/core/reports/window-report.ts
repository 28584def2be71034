// Promise windows kept, missed, renegotiated and cancelled, by kind, for the whole period and per
// team, level, topic and holder. A window counts in the period in which it ended (see
// window-records.ts for how each outcome is read from the trail); windows still running at the
// end of the period are not counted.
import type { CaseWindowKind, Level } from '../model.ts';
import type { CaseHistory } from './case-history.ts';
import { inPeriod, type ReportPeriod } from './input.ts';
import { caseWindows, type WindowRecord } from './window-records.ts';

export interface WindowCounts {
  kept: number;
  missed: number;
  renegotiated: number;
  cancelled: number;
  /** kept / (kept + missed) × 100; null when none was kept or missed. */
  keptPercent: number | null;
}

export interface WindowTally {
  all: WindowCounts;
  byKind: Record<CaseWindowKind, WindowCounts>;
}

export type WindowGroup<K> = WindowTally & { key: K };

export interface WindowReport {
  all: WindowTally;
  byTeam: WindowGroup<string>[];
  byLevel: WindowGroup<Level>[];
  byTopic: WindowGroup<string>[];
  /** null: the triage queue (first responses nobody took) or the supervisors (decisions). */
  byHolder: WindowGroup<string | null>[];
  /**
   * Promises the auditor found broken and repaired in the period (`promise_repaired`). The trail
   * does not say what a repair did to the window, so they are counted here and nowhere else.
   */
  repaired: number;
}

/** The windows of these cases that ended in the period. */
export function windowsEndedIn(histories: readonly CaseHistory[], period: ReportPeriod): WindowRecord[] {
  return histories.flatMap((h) => caseWindows(h).filter((w) => w.end !== null && inPeriod(period, w.end.at)));
}

export function windowReport(histories: readonly CaseHistory[], period: ReportPeriod): WindowReport {
  const ended = windowsEndedIn(histories, period);
  return {
    all: tally(ended),
    byTeam: groups(ended, (w) => w.team, compareText),
    byLevel: groups(
      ended,
      (w) => w.level,
      (a, b) => a - b,
    ),
    byTopic: groups(ended, (w) => w.topic, compareText),
    byHolder: groups(
      ended,
      (w) => w.holder,
      (a, b) => (a === null ? -1 : b === null ? 1 : compareText(a, b)),
    ),
    repaired: histories.reduce(
      (n, h) => n + h.events.filter((e) => e.type === 'promise_repaired' && inPeriod(period, e.at)).length,
      0,
    ),
  };
}

export function tally(windows: readonly WindowRecord[]): WindowTally {
  return {
    all: counts(windows),
    byKind: {
      first_response: counts(windows.filter((w) => w.kind === 'first_response')),
      callback: counts(windows.filter((w) => w.kind === 'callback')),
      approval: counts(windows.filter((w) => w.kind === 'approval')),
    },
  };
}

function counts(windows: readonly WindowRecord[]): WindowCounts {
  const n = { kept: 0, missed: 0, renegotiated: 0, cancelled: 0 };
  for (const w of windows) if (w.end) n[w.end.outcome] += 1;
  return { ...n, keptPercent: keptPercent(n.kept, n.missed) };
}

export const keptPercent = (kept: number, missed: number): number | null =>
  kept + missed === 0 ? null : (kept / (kept + missed)) * 100;

function groups<K>(
  windows: readonly WindowRecord[],
  keyOf: (w: WindowRecord) => K,
  compare: (a: K, b: K) => number,
): WindowGroup<K>[] {
  const byKey = new Map<K, WindowRecord[]>();
  for (const w of windows) {
    const key = keyOf(w);
    const list = byKey.get(key);
    if (list) list.push(w);
    else byKey.set(key, [w]);
  }
  return [...byKey].sort(([a], [b]) => compare(a, b)).map(([key, list]) => ({ key, ...tally(list) }));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
