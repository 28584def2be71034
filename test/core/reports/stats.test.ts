import { describe, expect, it } from 'vitest';
import { countBy, durationStats, percentile } from '../../../src/core/reports/stats.ts';

// Nearest rank: the value at rank ⌈p·n⌉ of the sorted samples.
const cases: [samples: number[], p: number, expected: number | null, why: string][] = [
  [[], 0.5, null, 'no samples'],
  [[7], 0.5, 7, 'one sample is every percentile'],
  [[7], 0.9, 7, 'one sample is every percentile'],
  [[1, 2, 3, 4], 0.5, 2, '⌈0.5·4⌉ = 2: the lower middle, a value that occurred'],
  [[1, 2, 3, 4], 0.9, 4, '⌈0.9·4⌉ = ⌈3.6⌉ = 4'],
  [[3, 1, 2], 0.5, 2, 'sorted first: ⌈1.5⌉ = 2'],
  [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.5, 5, '⌈5⌉ = 5'],
  [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9, 9, '⌈9⌉ = 9'],
  [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11], 0.9, 10, '⌈9.9⌉ = 10'],
];

describe('percentile (nearest rank)', () => {
  it.each(cases)('%j at %s is %s (%s)', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('leaves its input alone', () => {
    const samples = [3, 1, 2];
    percentile(samples, 0.5);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('gives a count, a median and a 90th percentile', () => {
    expect(durationStats([30, 10, 20])).toEqual({ count: 3, p50Ms: 20, p90Ms: 30 });
    expect(durationStats([])).toEqual({ count: 0, p50Ms: null, p90Ms: null });
  });
});

describe('countBy', () => {
  it('puts the most frequent first, then orders by key', () => {
    expect(countBy(['b', 'a', 'c', 'b', 'c'])).toEqual([
      { key: 'b', count: 2 },
      { key: 'c', count: 2 },
      { key: 'a', count: 1 },
    ]);
  });
});
