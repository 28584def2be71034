import { describe, expect, it } from 'vitest';
import { csatReport, readCase } from '../../../src/core/reports/index.ts';
import { CUSTOMER, period, type Step, t, trail } from './builder.ts';

const rated = (at: number, score: number, comment = ''): Step => [
  t(at),
  'rated',
  CUSTOMER,
  { score, comment },
];
const finished = (at: number): Step[] => [
  [t(0), 'case_opened', CUSTOMER],
  [t(at), 'closed', CUSTOMER],
];

const trails = [
  trail({ number: 11 }, [...finished(10), rated(20, 5, 'Quick and kind')]),
  // Rated 2, then 3: the latest counts, as on the case.
  trail({ number: 12 }, [...finished(10), rated(20, 2, 'Slow'), rated(30, 3, 'Fine after all')]),
  trail({ number: 13 }, [...finished(10), rated(20, 4)]),
  // Before the period: not counted.
  trail({ number: 14 }, [...finished(1), rated(5, 1, 'Too early to count')]),
  trail({ number: 15 }, [...finished(10), rated(40, 1, 'Nobody listened')]),
  // A score the core would refuse is ignored.
  trail({ number: 16 }, [...finished(10), rated(40, 7, 'Off the scale')]),
];

describe('CSAT', () => {
  it('averages the latest rating of each case and lists the comments, lowest first', () => {
    const report = csatReport(trails.map(readCase), period(t(10), t(100)));
    // Cases 11, 12, 13, 15: (5 + 3 + 4 + 1) / 4 = 3.25.
    expect(report.count).toBe(4);
    expect(report.average).toBe(3.25);
    expect(report.distribution).toEqual({ 1: 1, 2: 0, 3: 1, 4: 1, 5: 1 });
    expect(report.comments.map((c) => [c.number, c.score, c.comment])).toEqual([
      [15, 1, 'Nobody listened'],
      [12, 3, 'Fine after all'],
      [11, 5, 'Quick and kind'],
    ]);
  });

  it('has no average without ratings', () => {
    expect(csatReport([], period(t(0), t(1)))).toEqual({
      count: 0,
      average: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      comments: [],
    });
  });
});
