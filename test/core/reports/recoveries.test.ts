// Level 4 recoveries counted from the trail: opened in the period, and sent in it on time or late.
import { describe, expect, it } from 'vitest';
import { buildReport, readCase, recoveryReport } from '../../../src/core/reports/index.ts';
import {
  addToWeekTally,
  startWeekTally,
  weekSummary,
  weekSummaryOf,
} from '../../../src/core/reports/week.ts';
import { weeklyDigest } from '../../../src/core/reports/weekly-digest.ts';
import { CUSTOMER, period, t, trail } from './builder.ts';

const outside = (at: number) => [t(at), 'went_outside', 'rasa', { channel: 'press', note: '' }] as const;
const opened = (at: number) => [t(at), 'recovery_opened', 'system', { dueAt: t(at + 480) }] as const;
const sent = (at: number, late: boolean) =>
  [t(at), 'recovery_sent', 'marie', { text: 'A credit', late }] as const;

// The period is [100, 1000) minutes.
const trails = [
  // Opened and sent on time in the period.
  trail({ number: 1 }, [[t(0), 'case_opened', CUSTOMER], outside(150), opened(150), sent(300, false)]),
  // Opened in the period, missed, sent late in it.
  trail({ number: 2 }, [
    [t(0), 'case_opened', CUSTOMER],
    outside(200),
    opened(200),
    [t(680), 'recovery_missed', 'system', { missedAt: t(680), dueAt: t(1160), misses: 1 }],
    sent(900, true),
  ]),
  // Opened before the period, sent late in it.
  trail({ number: 3 }, [[t(0), 'case_opened', CUSTOMER], outside(20), opened(20), sent(600, true)]),
  // Opened in the period, still owed at its end (sent after it).
  trail({ number: 4 }, [[t(0), 'case_opened', CUSTOMER], outside(700), opened(700), sent(1100, false)]),
  // A malformed `late` counts as on time (the core always writes a boolean).
  trail({ number: 5 }, [
    [t(0), 'case_opened', CUSTOMER],
    outside(400),
    opened(400),
    [t(500), 'recovery_sent', 'paul', { late: 'yes' }],
  ]),
];

describe('level 4 recoveries', () => {
  it.each([
    ['the period', period(t(100), t(1000)), { opened: 4, kept: 2, late: 2 }],
    ['before it', period(t(0), t(100)), { opened: 1, kept: 0, late: 0 }],
    ['after it', period(t(1000), t(2000)), { opened: 0, kept: 1, late: 0 }],
    ['an empty one', period(t(5000), t(6000)), { opened: 0, kept: 0, late: 0 }],
  ])('counts %s', (_what, p, expected) => {
    expect(recoveryReport(trails.map(readCase), p)).toEqual(expected);
  });

  it('reaches the week’s summary and the weekly digest', () => {
    const current = buildReport({ cases: trails, period: period(t(100), t(1000)) });
    const previous = buildReport({ cases: trails, period: period(t(0), t(100)) });
    expect(weekSummary(current, 0).recoveries).toEqual({ opened: 4, kept: 2, late: 2 });
    expect(weeklyDigest(current, previous).recoveries).toEqual({ opened: 4, kept: 2, late: 2 });
    // Read a page (here one case) at a time, as This week is.
    const week = startWeekTally(period(t(100), t(1000)), null);
    for (const one of trails) addToWeekTally(week, [one]);
    expect(weekSummaryOf(week, 0).recoveries).toEqual({ opened: 4, kept: 2, late: 2 });
  });
});
