// Deflection: cases an answer from the answer bank settled. A finished case counts when the customer
// closed it with "This solved it" under a suggested answer (`closed` with `fromAnswer`), or staff
// sent a suggested answer from the triage card (`answered` with `fromAnswer`) before it finished,
// whoever finished it then (the customer confirming, staff resolving, the automatic close). Only
// what happened since the case last came back to work counts: a reopened case was not settled.
import type { CaseHistory } from './case-history.ts';
import { inPeriod, type ReportPeriod, textField } from './input.ts';

export interface DeflectionReport {
  /** Distinct cases resolved or closed in the period (as in the reopen rate). */
  finishedCases: number;
  /** Of those: the customer's "This solved it" under a suggestion. */
  byCustomer: number;
  /** Of those: a suggestion staff sent from the triage card (and not the customer's button). */
  byStaff: number;
  /** (byCustomer + byStaff) / finishedCases; null when no case finished. */
  rate: number | null;
}

export function deflectionReport(histories: readonly CaseHistory[], period: ReportPeriod): DeflectionReport {
  let finishedCases = 0;
  let byCustomer = 0;
  let byStaff = 0;
  for (const h of histories) {
    const finishes = h.lifecycle.filter((change) => change.finished && inPeriod(period, change.at));
    const finish = finishes[finishes.length - 1];
    if (!finish) continue;
    finishedCases += 1;
    const back = h.lifecycle.filter((change) => !change.finished && change.at <= finish.at);
    const since = back[back.length - 1]?.at.getTime() ?? -Infinity;
    const before = h.events.filter((e) => e.at.getTime() >= since && e.at.getTime() <= finish.at.getTime());
    const suggested = (type: string) =>
      before.some((e) => e.type === type && textField(e, 'fromAnswer') !== null);
    if (suggested('closed')) byCustomer += 1;
    else if (suggested('answered')) byStaff += 1;
  }
  const deflected = byCustomer + byStaff;
  return { finishedCases, byCustomer, byStaff, rate: finishedCases === 0 ? null : deflected / finishedCases };
}
