// Small statistics the reports share: percentiles and durations measured twice, on the wall clock
// and on the case's policy clock.

/**
 * The nearest-rank percentile: the smallest sample with at least `p` of the samples at or below
 * it (rank ⌈p·n⌉ of the sorted samples). Always a value that occurred; null without samples.
 * `p` is a fraction, e.g. 0.9.
 */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export function average(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  return samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

/** Milliseconds: how many, the median and the 90th percentile (nearest rank). */
export interface DurationStats {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

export function durationStats(samples: readonly number[]): DurationStats {
  return { count: samples.length, p50Ms: percentile(samples, 0.5), p90Ms: percentile(samples, 0.9) };
}

/**
 * One measure on two clocks: `wall` in real milliseconds, `policyClock` in milliseconds of the
 * case's policy clock (open hours of its team calendar when the policy counts business time; the
 * same as wall time for a 24/7 policy). The two have the same count.
 */
export interface ClockStats {
  wall: DurationStats;
  policyClock: DurationStats;
}

/** One measured duration of one case. */
export interface Measured {
  wallMs: number;
  policyMs: number;
}

export function clockStats(samples: readonly Measured[]): ClockStats {
  return {
    wall: durationStats(samples.map((s) => s.wallMs)),
    policyClock: durationStats(samples.map((s) => s.policyMs)),
  };
}

/** A count per key, most frequent first, then by key. */
export function countBy<K extends string>(keys: readonly K[]): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
