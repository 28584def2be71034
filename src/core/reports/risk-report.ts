// Risk of a customer going over everyone's head, and what happened when one did (level 4).
// `risk_raised` records the band after each signal; the score only grows, so a case's band rises
// at most twice (to elevated, to high), and a jump from low straight to high is one rise, to high.
import type { RiskBand } from '../model.ts';
import { type CaseHistory, type FinishKind } from './case-history.ts';
import {
  inPeriod,
  numberField,
  type ReportEvent,
  type ReportPeriod,
  textField,
  textListField,
} from './input.ts';
import { bandRose } from '../risk.ts';
import { countBy } from './stats.ts';

const isBand = (value: string | null): value is RiskBand =>
  value === 'low' || value === 'elevated' || value === 'high';

/** How a case that went outside stood at the end of the period. */
export type OutsideOutcome = FinishKind | 'in_progress';

export interface OutsideCase {
  caseId: string;
  number: number;
  /** The first time in the period it was recorded. */
  at: Date;
  channel: string;
  outcome: OutsideOutcome;
  /** The latest rating before the end of the period, if any. */
  rating: number | null;
}

export interface RiskReport {
  /** Rises of a case's band in the period, by the band reached. */
  rises: { elevated: number; high: number };
  /** Signals raised in the period, most frequent first. */
  signals: { signal: string; count: number }[];
  /** Cases in progress at the end of the period whose band is elevated or high. */
  atRiskAtEnd: number;
  outside: {
    /** `went_outside` records in the period (a case may be recorded twice). */
    recorded: number;
    byChannel: { channel: string; count: number }[];
    /** Each case recorded in the period, once. */
    cases: OutsideCase[];
    outcomes: Record<OutsideOutcome, number>;
  };
}

export function riskReport(histories: readonly CaseHistory[], period: ReportPeriod): RiskReport {
  const rises = { elevated: 0, high: 0 };
  const signals: string[] = [];
  const outsideEvents: ReportEvent[] = [];
  const cases: OutsideCase[] = [];
  let atRiskAtEnd = 0;
  for (const h of histories) {
    let band: RiskBand = 'low';
    for (const e of before(h, period.to)) {
      if (e.type !== 'risk_raised') continue;
      const next = textField(e, 'band');
      if (!isBand(next)) continue;
      const rose = bandRose(band, next);
      if (inPeriod(period, e.at)) {
        if (rose && next !== 'low') rises[next] += 1;
        signals.push(...textListField(e, 'signals'));
      }
      if (rose) band = next;
    }
    const state = standing(h, period.to);
    if (band !== 'low' && state === 'in_progress') atRiskAtEnd += 1;

    const outside = h.events.filter((e) => e.type === 'went_outside' && inPeriod(period, e.at));
    outsideEvents.push(...outside);
    const first = outside[0];
    if (first) {
      const rating = before(h, period.to).findLast((e) => e.type === 'rated');
      cases.push({
        caseId: h.case.id,
        number: h.case.number,
        at: first.at,
        channel: textField(first, 'channel') ?? '',
        outcome: state ?? 'in_progress',
        rating: rating ? numberField(rating, 'score') : null,
      });
    }
  }
  const outcomes: Record<OutsideOutcome, number> = { resolved: 0, closed: 0, auto_closed: 0, in_progress: 0 };
  for (const c of cases) outcomes[c.outcome] += 1;
  return {
    rises,
    signals: countBy(signals).map(({ key, count }) => ({ signal: key, count })),
    atRiskAtEnd,
    outside: {
      recorded: outsideEvents.length,
      byChannel: countBy(outsideEvents.map((e) => textField(e, 'channel') ?? '')).map(({ key, count }) => ({
        channel: key,
        count,
      })),
      cases,
      outcomes,
    },
  };
}

const before = (h: CaseHistory, to: Date): ReportEvent[] =>
  h.events.filter((e) => e.at.getTime() < to.getTime());

/** Finished (and how), or still in progress, just before `to`; null if it had not opened yet. */
function standing(h: CaseHistory, to: Date): OutsideOutcome | null {
  if (h.openedAt.getTime() >= to.getTime()) return null;
  const last = h.lifecycle.findLast((change) => change.at.getTime() < to.getTime());
  return last?.finished ? last.how : 'in_progress';
}
