// First response time (opened → the first staff response, see FIRST_RESPONSE_TYPES) and time to
// resolution (opened → the first time the case was resolved or closed, automatically or not), on
// the wall clock and on each case's policy clock. A case counts in the period in which its first
// response, or its first finish, happened; later reopenings do not measure it again (see reopens.ts).
import { type CaseHistory, type Finish, type FinishKind, measure } from './case-history.ts';
import { inPeriod, type ReportPeriod } from './input.ts';
import { type ClockStats, clockStats, type Measured } from './stats.ts';

export interface CaseTimes {
  caseId: string;
  number: number;
  openedAt: Date;
  firstResponse: (Measured & { at: Date; byEvent: string }) | null;
  resolution: (Measured & { at: Date; how: FinishKind }) | null;
}

export function caseTimes(history: CaseHistory): CaseTimes {
  const { openedAt, firstResponse } = history;
  const finish = history.lifecycle.find((change): change is Finish => change.finished);
  return {
    caseId: history.case.id,
    number: history.case.number,
    openedAt,
    firstResponse: firstResponse && {
      at: firstResponse.at,
      byEvent: firstResponse.type,
      ...measure(history, openedAt, firstResponse.at),
    },
    resolution: finish ? { at: finish.at, how: finish.how, ...measure(history, openedAt, finish.at) } : null,
  };
}

export interface ResponseTimesReport {
  firstResponse: ClockStats;
  resolution: ClockStats;
  /** Cases first finished in the period with no staff response before (the customer closed them). */
  finishedUnanswered: number;
}

export function responseTimes(histories: readonly CaseHistory[], period: ReportPeriod): ResponseTimesReport {
  const times = histories.map(caseTimes);
  const responded = times.flatMap((t) =>
    t.firstResponse && inPeriod(period, t.firstResponse.at) ? [t] : [],
  );
  const resolved = times.filter((t) => t.resolution && inPeriod(period, t.resolution.at));
  return {
    firstResponse: clockStats(responded.flatMap((t) => (t.firstResponse ? [t.firstResponse] : []))),
    resolution: clockStats(resolved.flatMap((t) => (t.resolution ? [t.resolution] : []))),
    finishedUnanswered: resolved.filter(
      (t) =>
        t.firstResponse === null ||
        (t.resolution !== null && t.firstResponse.at.getTime() > t.resolution.at.getTime()),
    ).length,
  };
}
