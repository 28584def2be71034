import { describe, expect, it } from 'vitest';
import { readCase, riskReport } from '../../../src/core/reports/index.ts';
import { CUSTOMER, period, type Step, t, trail } from './builder.ts';

const risk = (at: number, signals: string[], score: number, band: string): Step => [
  t(at),
  'risk_raised',
  'system',
  { signals, score, band },
];
const outside = (at: number, channel: string): Step => [t(at), 'went_outside', 'paul', { channel, note: '' }];
const opened: Step = [t(0), 'case_opened', CUSTOMER];

// The period is [100, 1000) minutes.
const trails = [
  // Rises to elevated, stays there, then to high when the customer writes to the CEO; resolved
  // and rated 2 within the period.
  trail({ number: 21 }, [
    opened,
    risk(110, ['keyword'], 3, 'elevated'),
    risk(200, ['missed_window'], 5, 'elevated'),
    outside(300, 'letter to the CEO'),
    risk(300, ['went_outside'], 15, 'high'),
    [t(400), 'resolved', 'paul'],
    [t(500), 'rated', CUSTOMER, { score: 2, comment: 'Too late' }],
  ]),
  // Elevated in the period and still in progress at its end.
  trail({ number: 22 }, [opened, risk(150, ['keyword', 'follow_up_burst'], 5, 'elevated')]),
  // Straight from low to high: one rise, to high. Still in progress.
  trail({ number: 23 }, [opened, outside(600, 'public post'), risk(600, ['went_outside'], 10, 'high')]),
  // Rose before the period: no rise in it, but still at risk at its end.
  trail({ number: 24 }, [opened, risk(50, ['keyword'], 3, 'elevated')]),
  // Rose and closed before the period.
  trail({ number: 25 }, [opened, risk(60, ['keyword'], 3, 'elevated'), [t(80), 'closed', CUSTOMER]]),
  // Recorded twice in the period, closed in it, reopened after it: closed as the period ends.
  trail({ number: 26 }, [
    opened,
    outside(200, 'press'),
    risk(200, ['went_outside'], 10, 'high'),
    outside(250, 'press'),
    risk(250, ['went_outside'], 20, 'high'),
    [t(300), 'closed', 'paul'],
    [t(2000), 'reopened', CUSTOMER, { text: '' }],
  ]),
];

describe('risk and level 4', () => {
  const report = riskReport(trails.map(readCase), period(t(100), t(1000)));

  it('counts rises by the band reached, and the signals', () => {
    // Elevated: #21, #22. High: #21, #23 (from low), #26 (its second record is no rise).
    expect(report.rises).toEqual({ elevated: 2, high: 3 });
    expect(report.signals).toEqual([
      { signal: 'went_outside', count: 4 },
      { signal: 'keyword', count: 2 },
      { signal: 'follow_up_burst', count: 1 },
      { signal: 'missed_window', count: 1 },
    ]);
  });

  it('counts the cases at risk when the period ends', () => {
    // #22, #23 and #24 are in progress with a raised band; #21, #25 and #26 are finished.
    expect(report.atRiskAtEnd).toBe(3);
  });

  it('says how the cases that went outside stood at the end of the period', () => {
    expect(report.outside.recorded).toBe(4);
    expect(report.outside.byChannel).toEqual([
      { channel: 'press', count: 2 },
      { channel: 'letter to the CEO', count: 1 },
      { channel: 'public post', count: 1 },
    ]);
    expect(report.outside.cases).toEqual([
      {
        caseId: 'case-21',
        number: 21,
        at: t(300),
        channel: 'letter to the CEO',
        outcome: 'resolved',
        rating: 2,
      },
      {
        caseId: 'case-23',
        number: 23,
        at: t(600),
        channel: 'public post',
        outcome: 'in_progress',
        rating: null,
      },
      { caseId: 'case-26', number: 26, at: t(200), channel: 'press', outcome: 'closed', rating: null },
    ]);
    expect(report.outside.outcomes).toEqual({ resolved: 1, closed: 1, auto_closed: 0, in_progress: 1 });
  });
});
