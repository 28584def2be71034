// Cases and their audit trails written by hand for the report tests: each event is a tuple
// [instant, type, actor, data], instants as ISO strings with their offset or as Dates.
import type { Calendar, TimeRange } from '../../../src/core/model.ts';
import type { CaseTrail, ReportEvent, ReportPeriod } from '../../../src/core/reports/index.ts';

export const CUSTOMER = 'cust';
export const MIN = 60_000;
export const H = 60 * MIN;

const weekdays = (ranges: readonly TimeRange[]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});

/**
 * Vilnius office hours, Monday to Friday 09:00–17:00, closed on 2026-02-16 (Restoration of the
 * State Day, a Monday). Vilnius is +02:00 in winter and +03:00 from 2026-03-29 03:00 (the clocks
 * skip to 04:00) to 2026-10-25 04:00 (back to 03:00).
 */
export const office: Calendar = {
  id: 'office',
  timeZone: 'Europe/Vilnius',
  week: weekdays([['09:00', '17:00']]),
  holidays: ['2026-02-16'],
};

/** A night desk in Vilnius, every day 00:00–06:00 local: the DST nights fall inside it. */
export const nightDesk: Calendar = {
  id: 'night',
  timeZone: 'Europe/Vilnius',
  week: { ...weekdays([['00:00', '06:00']]), sat: [['00:00', '06:00']], sun: [['00:00', '06:00']] },
  holidays: [],
};

export type Step = readonly [
  at: string | Date,
  type: string,
  actorId: string,
  data?: Record<string, unknown>,
];

export interface CaseOptions {
  number: number;
  team?: string;
  topic?: string;
  customer?: string;
  /** `always` (24/7) unless given; `business` counts the calendar's open hours. */
  clock?: 'business' | 'always';
  calendar?: Calendar;
}

const instant = (at: string | Date): Date => (typeof at === 'string' ? new Date(at) : at);

export function trail(options: CaseOptions, steps: readonly Step[]): CaseTrail {
  const events: ReportEvent[] = steps.map(([at, type, actorId, data]) => ({
    at: instant(at),
    type,
    actorId,
    data: data ?? {},
  }));
  return {
    case: {
      id: `case-${options.number}`,
      number: options.number,
      team: options.team ?? 'it',
      topic: options.topic ?? 'billing',
      customer: { id: options.customer ?? CUSTOMER },
      createdAt: events[0]?.at ?? new Date(0),
      policy: { clock: options.clock ?? 'always', calendar: options.calendar ?? office },
    },
    events,
  };
}

/** Minutes after Monday 2026-11-23 10:00 in Vilnius (08:00Z), for tests where only order and spans matter. */
export const t = (minutes: number): Date => new Date(Date.parse('2026-11-23T08:00:00Z') + minutes * MIN);

export const period = (from: string | Date, to: string | Date): ReportPeriod => ({
  from: instant(from),
  to: instant(to),
});

/** A period wide enough for every event of a test. */
export const ALL_TIME = period('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
