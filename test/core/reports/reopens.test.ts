import { describe, expect, it } from 'vitest';
import { readCase, reopenReport } from '../../../src/core/reports/index.ts';
import { CUSTOMER, period, t, trail } from './builder.ts';

// The period is [100, 1000) minutes.
const trails = [
  // Resolved, reopened by a message, closed: one finished case, one reopening.
  trail({ number: 41 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(150), 'resolved', 'rasa'],
    [t(200), 'reopened', CUSTOMER, { text: 'Still broken', byMessage: true }],
    [t(300), 'closed', 'rasa'],
  ]),
  // Closed before the period, reopened in it (the button), closed itself in it.
  trail({ number: 42 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(50), 'closed', CUSTOMER],
    [t(120), 'reopened', CUSTOMER, { text: '' }],
    [t(900), 'auto_closed', 'system'],
  ]),
  // Resolved in the period, never reopened.
  trail({ number: 43 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(500), 'resolved', 'rasa'],
  ]),
  // Closed before the period; going outside brings it back, but that is no reopening.
  trail({ number: 44 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(20), 'closed', CUSTOMER],
    [t(400), 'went_outside', 'paul', { channel: 'press', note: '' }],
  ]),
];

describe('reopen rate', () => {
  it('divides the reopenings by the cases finished in the period', () => {
    // Reopened: #41, #42 = 2 (one by message). Finished in the period: #41, #42, #43 = 3.
    expect(reopenReport(trails.map(readCase), period(t(100), t(1000)))).toEqual({
      reopened: 2,
      byMessage: 1,
      finishedCases: 3,
      rate: 2 / 3,
    });
  });

  it('has no rate when nothing finished', () => {
    expect(reopenReport(trails.map(readCase), period(t(1000), t(2000))).rate).toBeNull();
  });
});
