import { describe, expect, it } from 'vitest';
import { escalationReport, readCase } from '../../../src/core/reports/index.ts';
import { ALL_TIME, CUSTOMER, H, MIN, office, period, t, trail } from './builder.ts';

const trails = [
  // Asked Friday 16:30, approved Monday 09:15 (Vilnius, +02:00 both days): 64 h 45 min of wall
  // time, 30 + 15 = 45 min of office hours.
  trail({ number: 1, clock: 'business', calendar: office }, [
    ['2026-11-20T16:00+02:00', 'case_opened', CUSTOMER],
    [
      '2026-11-20T16:30+02:00',
      'supervisor_requested',
      CUSTOMER,
      { reason: 'customer_asked', role: 'customer' },
    ],
    ['2026-11-23T09:15+02:00', 'escalation_approved', 'paul', { apology: 'Sorry', plan: 'Refund' }],
  ]),
  // The expert cannot resolve it; declined two hours later.
  trail({ number: 2 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(5), 'expert_assigned', 'rasa', { expertId: 'jonas', dueAt: t(245).toISOString() }],
    [t(60), 'cannot_resolve', 'jonas', { reason: 'Needs a refund' }],
    [t(60), 'supervisor_requested', 'jonas', { reason: 'Needs a refund', role: 'expert' }],
    [t(180), 'escalation_declined', 'paul', { reason: 'Jonas can refund' }],
  ]),
  // A missed first response asks a supervisor; the case is resolved before anyone decides.
  trail({ number: 3 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(60), 'window_missed', 'system', { window: 'first_response', dueAt: t(60).toISOString(), misses: 1 }],
    [t(60), 'supervisor_requested', 'system', { reason: 'missed_window', role: 'system' }],
    [t(90), 'resolved', 'rasa'],
  ]),
  // The front line asks; a supervisor reassigns to an expert instead, 30 min later.
  trail({ number: 4 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(5), 'claimed', 'rasa'],
    [t(10), 'supervisor_requested', 'rasa', { reason: 'staff_asked', role: 'front_line' }],
    [t(40), 'reassign_requested', 'paul'],
    [t(40), 'escalation_declined', 'paul', { reason: 'reassigned' }],
    [t(40), 'expert_assigned', 'paul', { expertId: 'aiste', dueAt: t(280).toISOString() }],
  ]),
];

describe('escalations', () => {
  it('counts requests by role and reason, decisions, and the time they took', () => {
    const report = escalationReport(trails.map(readCase), ALL_TIME);
    expect(report).toEqual({
      requested: 4,
      byRole: { customer: 1, front_line: 1, expert: 1, supervisor: 0, system: 1 },
      // All once: ordered by reason ('N' sorts before lower case).
      byReason: [
        { reason: 'Needs a refund', count: 1 },
        { reason: 'customer_asked', count: 1 },
        { reason: 'missed_window', count: 1 },
        { reason: 'staff_asked', count: 1 },
      ],
      approved: 1,
      declined: 2,
      declinedByReassign: 1,
      undecided: 1,
      // Wall: 30 min, 2 h, 64 h 45 → p50 2 h, p90 64 h 45. Office/24-7 clocks: 30, 45 min, 2 h.
      decisionTime: {
        wall: { count: 3, p50Ms: 2 * H, p90Ms: 64 * H + 45 * MIN },
        policyClock: { count: 3, p50Ms: 45 * MIN, p90Ms: 2 * H },
      },
    });
  });

  it('counts a decision in its own period, timed from a request made before', () => {
    const report = escalationReport([readCase(trails[1]!)], period(t(100), t(1000)));
    expect(report.requested).toBe(0);
    expect(report.declined).toBe(1);
    expect(report.decisionTime.wall).toEqual({ count: 1, p50Ms: 2 * H, p90Ms: 2 * H });
  });
});
