import { describe, expect, it } from 'vitest';
import { deflectionReport, readCase } from '../../../src/core/reports/index.ts';
import { CUSTOMER, period, t, trail } from './builder.ts';

// The period is [100, 1000) minutes.
const trails = [
  // The customer's "This solved it" under a suggestion: deflected by the customer.
  trail({ number: 51 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(110), 'closed', CUSTOMER, { fromAnswer: 'e1' }],
  ]),
  // Staff sent a suggestion, then resolved it: deflected by staff.
  trail({ number: 52 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(120), 'answered', 'rasa', { text: 'Restart it', fromAnswer: 'e2' }],
    [t(300), 'resolved', 'rasa', { summary: '' }],
  ]),
  // A suggestion sent, the case reopened, then closed after a written answer: not deflected.
  trail({ number: 53 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(120), 'answered', 'rasa', { text: 'Restart it', fromAnswer: 'e2' }],
    [t(200), 'closed', CUSTOMER],
    [t(250), 'reopened', CUSTOMER, { text: 'Still broken' }],
    [t(260), 'answered', 'rasa', { text: 'Replace the cable' }],
    [t(400), 'resolved', 'rasa', { summary: 'cable' }],
  ]),
  // A plain answer, closed: finished, not deflected.
  trail({ number: 54 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(150), 'answered', 'rasa', { text: 'Done' }],
    [t(900), 'auto_closed', 'system'],
  ]),
  // Deflected by the customer before the period: not counted in it.
  trail({ number: 55 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(50), 'closed', CUSTOMER, { fromAnswer: 'e3' }],
  ]),
  // A suggestion sent, still open: not finished.
  trail({ number: 56 }, [
    [t(0), 'case_opened', CUSTOMER],
    [t(130), 'answered', 'rasa', { text: 'Restart it', fromAnswer: 'e2' }],
  ]),
];

describe('deflection', () => {
  it('counts the finished cases a suggestion settled', () => {
    // Finished in the period: #51, #52, #53, #54 = 4. Deflected: #51 (customer), #52 (staff) = 2.
    expect(deflectionReport(trails.map(readCase), period(t(100), t(1000)))).toEqual({
      finishedCases: 4,
      byCustomer: 1,
      byStaff: 1,
      rate: 2 / 4,
    });
  });

  it('has no rate when nothing finished', () => {
    expect(deflectionReport(trails.map(readCase), period(t(1000), t(2000)))).toEqual({
      finishedCases: 0,
      byCustomer: 0,
      byStaff: 0,
      rate: null,
    });
  });
});
