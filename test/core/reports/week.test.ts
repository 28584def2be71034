// "This week" (the last 7 days, rolling) and its summary, the weekly digest's due week, and the
// figures in the reader's language: tables computed by hand.
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  digestWeekDue,
  isoWeekOf,
  rollingWeeks,
  weekSummary,
} from '../../../src/core/reports/index.ts';
import { formatDecimal, formatDuration, formatPercent } from '../../../src/core/texts/index.ts';
import { H, MIN, t } from './builder.ts';
import { NOW, weekCases } from './week-cases.ts';

describe('rollingWeeks', () => {
  it('is the last 7 days up to now, and the 7 days before', () => {
    const { current, previous } = rollingWeeks(NOW);
    expect(current).toEqual({ from: t(0), to: NOW });
    expect(previous).toEqual({ from: new Date(t(0).getTime() - 7 * 24 * H), to: t(0) });
  });
});

describe('weekSummary', () => {
  it("shows one team's week", () => {
    const report = buildReport({ cases: weekCases, period: rollingWeeks(NOW).current, team: 'it' });
    const summary = weekSummary(report, 2);
    // Kept: #1 first response and callback; #2 first response (second window) and callback; #3
    // first response and second callback; #5 callback; #6 first response: 8. Missed: #2's first
    // response, #3's first callback: 2. 8 / 10.
    expect(summary.promises).toEqual({ kept: 8, missed: 2, percent: 80 });
    // First responses this week, on the policy clock: #1 10 min, #3 30 min, #6 60 min (65 h on
    // the wall), #2 130 min. Nearest rank: p50 is the 2nd of 4, p90 the 4th.
    expect(summary.firstResponse).toEqual({ count: 4, p50Ms: 30 * MIN, p90Ms: 130 * MIN });
    expect(report.responseTimes.firstResponse.wall.p90Ms).toBe(65 * H);
    expect(summary.csat).toEqual({ average: 3.5, count: 2 });
    // Opened: #1, #2, #3, #6 (#5 opened the week before). Resolved: #1, #3, #5.
    expect(summary.opened).toBe(4);
    expect(summary.resolved).toBe(3);
    expect(summary.atRisk).toBe(2);
    expect(summary.team).toBe('it');
  });

  it('has no percentages or times in an empty week', () => {
    const report = buildReport({ cases: [], period: rollingWeeks(NOW).current, team: 'it' });
    expect(weekSummary(report, 0)).toMatchObject({
      promises: { kept: 0, missed: 0, percent: null },
      firstResponse: { count: 0, p50Ms: null, p90Ms: null },
      csat: { average: null, count: 0 },
      opened: 0,
      resolved: 0,
      atRisk: 0,
      deflected: 0,
    });
  });
});

describe('digestWeekDue', () => {
  it.each([
    // Vilnius is +02:00 in winter: Monday 09:00 local is 07:00Z.
    ['2026-11-30T06:59:00Z', 'Europe/Vilnius', null],
    ['2026-11-30T07:00:00Z', 'Europe/Vilnius', '2026-W49'],
    ['2026-12-06T21:59:00Z', 'Europe/Vilnius', '2026-W49'], // Sunday 23:59 local
    ['2026-12-06T22:00:00Z', 'Europe/Vilnius', null], // Monday 00:00 local
    // The same instant in New York is still Monday 02:00 (-05:00): not yet.
    ['2026-11-30T07:00:00Z', 'America/New_York', null],
    ['2026-11-30T14:00:00Z', 'America/New_York', '2026-W49'],
    // Summer time in Vilnius (+03:00): 09:00 is 06:00Z.
    ['2026-06-01T06:00:00Z', 'Europe/Vilnius', '2026-W23'],
    ['2026-06-01T05:59:00Z', 'Europe/Vilnius', null],
  ] as const)('%s in %s: %s', (at, zone, week) => {
    expect(digestWeekDue(new Date(at), zone)).toBe(week);
  });

  it.each([
    [2026, 1, 1, '2026-W01'], // a Thursday
    [2027, 1, 1, '2026-W53'], // a Friday: the last week of 2026
    [2024, 12, 30, '2025-W01'], // a Monday in the first week of 2025
    [2026, 11, 30, '2026-W49'],
  ])('ISO week of %i-%i-%i is %s', (y, m, d, week) => {
    expect(isoWeekOf(y, m, d)).toBe(week);
  });
});

describe('figures in the reader’s language', () => {
  it.each([
    [0, '0 mins', '0 min', '0 min.'],
    [45 * MIN, '45 mins', '45 min', '45 min.'],
    [60 * MIN, '1 hr', '1 h', '1 val.'],
    [200 * MIN, '3 hrs 20 mins', '3 h 20 min', '3 val. 20 min.'],
    [52 * H + 10 * MIN, '2 days 4 hrs', '2 j 4 h', '2 d. 4 val.'],
  ])('%i ms reads "%s", "%s", "%s"', (ms, en, fr, lt) => {
    // Intl keeps a number and its unit together with a no-break space: compared as plain spaces.
    const shown = (['en', 'fr', 'lt'] as const).map((l) => formatDuration(ms, l).replace(/\s/gu, ' '));
    expect(shown).toEqual([en, fr, lt]);
  });

  it('writes percentages and averages as each language does', () => {
    expect(formatPercent(80, 'en')).toBe('80%');
    expect(formatPercent(66.67, 'fr').replace(/\s/gu, ' ')).toBe('67 %');
    expect(formatPercent(87.5, 'lt').replace(/\s/gu, ' ')).toBe('88 %');
    expect(formatDecimal(3.5, 'en')).toBe('3.5');
    expect(formatDecimal(4.25, 'fr')).toBe('4,3');
    expect(formatDecimal(4, 'lt')).toBe('4');
  });
});
