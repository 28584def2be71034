// Reopen rate: `reopened` events in the period over the cases that were resolved or closed
// (automatically or not) in the period. A case reopened now may have finished in an earlier
// period, so the rate can exceed 1 over a short period. A finished case brought back by
// `went_outside` is not a reopening (the customer did not ask; see risk-report.ts).
import type { CaseHistory } from './case-history.ts';
import { booleanField, inPeriod, type ReportPeriod } from './input.ts';

export interface ReopenReport {
  reopened: number;
  /** Of `reopened`: by the customer writing on the finished case (rather than a Reopen button). */
  byMessage: number;
  /** Distinct cases resolved or closed in the period. */
  finishedCases: number;
  /** reopened / finishedCases; null when no case finished. */
  rate: number | null;
}

export function reopenReport(histories: readonly CaseHistory[], period: ReportPeriod): ReopenReport {
  let reopened = 0;
  let byMessage = 0;
  let finishedCases = 0;
  for (const h of histories) {
    for (const e of h.events) {
      if (e.type !== 'reopened' || !inPeriod(period, e.at)) continue;
      reopened += 1;
      if (booleanField(e, 'byMessage')) byMessage += 1;
    }
    if (h.lifecycle.some((change) => change.finished && inPeriod(period, change.at))) finishedCases += 1;
  }
  return { reopened, byMessage, finishedCases, rate: finishedCases === 0 ? null : reopened / finishedCases };
}
