import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Case, CaseEvent } from '../../../src/core/model.ts';
import { buildReport, type ReportCase, type ReportEvent } from '../../../src/core/reports/index.ts';
import { CUSTOMER, MIN, period, t, trail } from './builder.ts';

// Monday 2026-11-23 in Vilnius (+02:00), 24/7 policies; t(0) is 10:00 local.
const day = period('2026-11-23T00:00+02:00', '2026-11-24T00:00+02:00');
const cases = [
  trail({ number: 51, team: 'it' }, [
    [t(0), 'case_opened', CUSTOMER, { topic: 'vpn' }],
    [t(10), 'claimed', 'rasa'],
    [t(40), 'answered', 'rasa', { text: 'Reset it' }],
    [t(60), 'resolved', 'rasa'],
    [t(70), 'rated', CUSTOMER, { score: 5, comment: 'Great' }],
  ]),
  // Nobody took it: the miss asked a supervisor, whose approval is the first response.
  trail({ number: 52, team: 'it' }, [
    [t(30), 'case_opened', CUSTOMER, { topic: 'vpn' }],
    [t(90), 'window_missed', 'system', { window: 'first_response', dueAt: t(90).toISOString(), misses: 1 }],
    [t(90), 'supervisor_requested', 'system', { reason: 'missed_window', role: 'system' }],
    [t(120), 'escalation_approved', 'paul', { apology: 'Sorry', plan: 'Call' }],
    [t(150), 'answered', 'paul', { text: 'Called' }],
    [t(200), 'resolved', 'paul'],
    [t(210), 'rated', CUSTOMER, { score: 2, comment: 'Slow' }],
  ]),
  trail({ number: 53, team: 'hr' }, [
    [t(0), 'case_opened', CUSTOMER, { topic: 'leave' }],
    [t(5), 'closed', CUSTOMER],
  ]),
];

describe('buildReport', () => {
  it("computes every report for one team's cases", () => {
    const report = buildReport({ cases, period: day, team: 'it' });
    // Kept: #51's first response and callback, #52's decision and the supervisor's callback;
    // missed: #52's first response. 4 / 5.
    expect(report.keptPercent).toBe(80);
    expect(report.team).toBe('it');
    // First responses: #51 claimed after 10 min; #52 approved after 90 min.
    expect(report.responseTimes.firstResponse.wall).toEqual({ count: 2, p50Ms: 10 * MIN, p90Ms: 90 * MIN });
    expect(report.responseTimes.resolution.wall).toEqual({ count: 2, p50Ms: 60 * MIN, p90Ms: 170 * MIN });
    expect(report.escalations.approved).toBe(1);
    expect(report.escalations.decisionTime.wall.p50Ms).toBe(30 * MIN);
    expect(report.csat.average).toBe(3.5);
    expect(report.reopens).toEqual({ reopened: 0, byMessage: 0, finishedCases: 2, rate: 0 });
    // Hourly from local midnight: at 10:00 #51 has just opened (waited 0); at 11:00 #52 has
    // waited 30 min; from 12:00 (the approval's instant) nobody waits.
    expect(report.queue).toHaveLength(24);
    expect(report.queue.slice(9, 13).map((s) => [s.waiting, s.oldest?.number, s.oldest?.waitedMs])).toEqual([
      [0, undefined, undefined],
      [1, 51, 0],
      [1, 52, 30 * MIN],
      [0, undefined, undefined],
    ]);
  });

  it('takes every team without a filter', () => {
    const report = buildReport({ cases, period: day, queueEveryMs: 24 * 60 * MIN });
    expect(report.team).toBeNull();
    // #53's first response was cancelled by the customer: it moves no percentage.
    expect(report.keptPercent).toBe(80);
    expect(report.windows.all.all.cancelled).toBe(1);
    expect(report.windows.byTeam.map((g) => g.key)).toEqual(['hr', 'it']);
    expect(report.queue).toHaveLength(1);
    expect(report.responseTimes.finishedUnanswered).toBe(1);
  });

  it('reads stored cases and events as they are', () => {
    expectTypeOf<Case>().toExtend<ReportCase>();
    expectTypeOf<CaseEvent>().toExtend<ReportEvent>();
  });
});
