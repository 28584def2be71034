// The queue over time: at each sampled instant, the cases that had opened and were still waiting
// for their first staff response (see FIRST_RESPONSE_TYPES) without having finished, and the one
// that had waited longest. An event at the sampled instant has already happened.
import { type CaseHistory, finishedAt, measure } from './case-history.ts';
import type { ReportPeriod } from './input.ts';

export interface OldestWaiting {
  caseId: string;
  number: number;
  openedAt: Date;
  /** How long it had waited at the sampled instant, on the wall clock and its policy clock. */
  waitedMs: number;
  waitedPolicyMs: number;
}

export interface QueueSample {
  at: Date;
  waiting: number;
  oldest: OldestWaiting | null;
}

export const HOUR_MS = 60 * 60_000;

/** `from`, `from + everyMs`, … while before `to`. Throws a RangeError unless `everyMs` is positive. */
export function samplingInstants(period: ReportPeriod, everyMs: number = HOUR_MS): Date[] {
  if (!(Number.isFinite(everyMs) && everyMs > 0))
    throw new RangeError(`sampling step must be > 0: ${everyMs}`);
  const instants: Date[] = [];
  for (let t = period.from.getTime(); t < period.to.getTime(); t += everyMs) instants.push(new Date(t));
  return instants;
}

export function isWaitingAt(history: CaseHistory, at: Date): boolean {
  const t = at.getTime();
  if (history.openedAt.getTime() > t) return false;
  if (history.firstResponse && history.firstResponse.at.getTime() <= t) return false;
  return !finishedAt(history, at);
}

export function queueSamples(histories: readonly CaseHistory[], instants: readonly Date[]): QueueSample[] {
  return instants.map((at) => {
    const waiting = histories.filter((h) => isWaitingAt(h, at));
    const oldest = waiting.reduce<CaseHistory | null>(
      (best, h) =>
        best === null ||
        h.openedAt.getTime() < best.openedAt.getTime() ||
        (h.openedAt.getTime() === best.openedAt.getTime() && h.case.number < best.case.number)
          ? h
          : best,
      null,
    );
    if (oldest === null) return { at, waiting: 0, oldest: null };
    const waited = measure(oldest, oldest.openedAt, at);
    return {
      at,
      waiting: waiting.length,
      oldest: {
        caseId: oldest.case.id,
        number: oldest.case.number,
        openedAt: oldest.openedAt,
        waitedMs: waited.wallMs,
        waitedPolicyMs: waited.policyMs,
      },
    };
  });
}
