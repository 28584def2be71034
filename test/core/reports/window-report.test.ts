import { describe, expect, it } from 'vitest';
import { readCase, type WindowCounts, windowReport } from '../../../src/core/reports/index.ts';
import { CUSTOMER, period, t, trail } from './builder.ts';

const opened = { words: 'Help', priority: 'normal' };
const trails = [
  // it/vpn: first response kept by the claim (nobody held it), the taker's callback kept.
  trail({ number: 1, team: 'it', topic: 'vpn' }, [
    [t(0), 'case_opened', CUSTOMER, { ...opened, topic: 'vpn' }],
    [t(10), 'claimed', 'rasa'],
    [t(50), 'answered', 'rasa', { text: 'Done' }],
  ]),
  // it/vpn: first response missed, a supervisor asked; the decision kept; paul's callback (level
  // 3) missed; its comeback still runs at the end of the period.
  trail({ number: 2, team: 'it', topic: 'vpn' }, [
    [t(0), 'case_opened', CUSTOMER, { ...opened, topic: 'vpn' }],
    [t(60), 'window_missed', 'system', { window: 'first_response', dueAt: t(60).toISOString(), misses: 1 }],
    [t(60), 'supervisor_requested', 'system', { reason: 'missed_window', role: 'system' }],
    [t(90), 'escalation_approved', 'paul', { apology: 'Sorry', plan: 'Call' }],
    [t(330), 'window_missed', 'system', { window: 'callback', dueAt: t(330).toISOString(), misses: 1 }],
  ]),
  // hr/leave: handed to jonas (first response kept), renegotiated (level 2), then kept.
  trail({ number: 3, team: 'hr', topic: 'leave' }, [
    [t(0), 'case_opened', CUSTOMER, { ...opened, topic: 'leave' }],
    [t(5), 'expert_assigned', 'rasa', { expertId: 'jonas', dueAt: t(245).toISOString() }],
    [t(30), 'window_renegotiated', 'jonas', { dueAt: t(400).toISOString() }],
    [t(200), 'answered', 'jonas', { text: 'Approved' }],
  ]),
  // hr/leave: the customer closed it before anyone answered: cancelled.
  trail({ number: 4, team: 'hr', topic: 'leave' }, [
    [t(0), 'case_opened', CUSTOMER, { ...opened, topic: 'leave' }],
    [t(20), 'closed', CUSTOMER],
  ]),
  // it/vpn: a repair in the period; the claim comes after the period (not counted).
  trail({ number: 5, team: 'it', topic: 'vpn' }, [
    [t(0), 'case_opened', CUSTOMER, { ...opened, topic: 'vpn' }],
    [t(100), 'promise_repaired', 'system', { rules: ['window_timer'], details: [] }],
    [t(2000), 'claimed', 'rasa'],
  ]),
];
const thePeriod = period(t(0), t(1000));

const row = (c: WindowCounts) => [c.kept, c.missed, c.renegotiated, c.cancelled, c.keptPercent];

describe('windows kept, missed, renegotiated and cancelled', () => {
  const report = windowReport(trails.map(readCase), thePeriod);

  it('counts every window that ended in the period, by kind', () => {
    // Kept: #1 ×2, #2's decision, #3's first response and last callback = 5; missed: #2 ×2;
    // renegotiated: #3; cancelled: #4. Kept % = 5 / (5 + 2).
    expect(row(report.all.all)).toEqual([5, 2, 1, 1, (5 / 7) * 100]);
    expect(row(report.all.byKind.first_response)).toEqual([2, 1, 0, 1, (2 / 3) * 100]);
    expect(row(report.all.byKind.callback)).toEqual([2, 1, 1, 0, (2 / 3) * 100]);
    expect(row(report.all.byKind.approval)).toEqual([1, 0, 0, 0, 100]);
  });

  it('groups them by team, level, topic and holder', () => {
    expect(report.byTeam.map((g) => [g.key, ...row(g.all)])).toEqual([
      ['hr', 2, 0, 1, 1, 100],
      ['it', 3, 2, 0, 0, 60],
    ]);
    // Level when each window opened: #2's supervisor callback is level 3, #3's callbacks level 2.
    expect(report.byLevel.map((g) => [g.key, ...row(g.all)])).toEqual([
      [1, 4, 1, 0, 1, 80],
      [2, 1, 0, 1, 0, 100],
      [3, 0, 1, 0, 0, 0],
    ]);
    expect(report.byTopic.map((g) => [g.key, ...row(g.all)])).toEqual([
      ['leave', 2, 0, 1, 1, 100],
      ['vpn', 3, 2, 0, 0, 60],
    ]);
    // null: the triage queue's first responses and the supervisors' decision.
    expect(report.byHolder.map((g) => [g.key, ...row(g.all)])).toEqual([
      [null, 3, 1, 0, 1, 75],
      ['jonas', 1, 0, 1, 0, 100],
      ['paul', 0, 1, 0, 0, 0],
      ['rasa', 1, 0, 0, 0, 100],
    ]);
    expect(report.byHolder[0]!.byKind.approval.kept).toBe(1);
  });

  it('counts the promises the auditor repaired', () => {
    expect(report.repaired).toBe(1);
  });

  it('takes a window that ends at `from` and leaves one that ends at `to`', () => {
    // #1's first response ended at 10, its callback at 50.
    const one = [readCase(trails[0]!)];
    expect(windowReport(one, period(t(10), t(50))).all.all.kept).toBe(1);
    expect(windowReport(one, period(t(10), t(51))).all.all.kept).toBe(2);
    expect(windowReport(one, period(t(11), t(50))).all.all.keptPercent).toBeNull();
  });
});
