// Feedback into policy: which topics' windows were missed most, and what to consider changing.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import {
  policyNowFrom,
  policySuggestions,
  type Report,
  type WindowCounts,
} from '../../../src/core/reports/index.ts';

const counts = (kept: number, missed: number): WindowCounts => ({
  kept,
  missed,
  renegotiated: 0,
  cancelled: 0,
  keptPercent: kept + missed === 0 ? null : (kept / (kept + missed)) * 100,
});

/** A report whose windows by topic are these [first response kept, missed, callback kept, missed]. */
function reportWith(topics: Readonly<Record<string, readonly [number, number, number, number]>>): Report {
  const byTopic = Object.entries(topics).map(([key, [fk, fm, ck, cm]]) => ({
    key,
    all: counts(fk + ck, fm + cm),
    byKind: { first_response: counts(fk, fm), callback: counts(ck, cm), approval: counts(0, 0) },
  }));
  return { windows: { byTopic } } as unknown as Report;
}

describe('policy suggestions', () => {
  it.each([
    // [first response kept, missed, callback kept, missed] per topic → suggestions, in order
    [{ billing: [5, 0, 2, 4] }, [['billing', 'longer_callback_or_expert', 4, 6]]],
    // 1 of 3 missed is a third: suggested; 1 of 4 is not; 2 ended are too few to judge.
    [
      { billing: [0, 0, 2, 1], access: [3, 1, 0, 0], leave: [0, 2, 0, 0] },
      [['billing', 'longer_callback_or_expert', 1, 3]],
    ],
    // Both kinds of one topic; the larger share missed first, then the most missed.
    [
      { billing: [1, 3, 3, 3], access: [0, 0, 1, 3] },
      [
        ['access', 'longer_callback_or_expert', 3, 4],
        ['billing', 'longer_first_response_or_rota', 3, 4],
        ['billing', 'longer_callback_or_expert', 3, 6],
      ],
    ],
    // At most three; ties by kind (callbacks first), then by topic.
    [
      { a: [0, 3, 0, 3], b: [0, 3, 0, 3] },
      [
        ['a', 'longer_callback_or_expert', 3, 3],
        ['b', 'longer_callback_or_expert', 3, 3],
        ['a', 'longer_first_response_or_rota', 3, 3],
      ],
    ],
    [{ billing: [9, 0, 9, 0] }, []],
  ] as const)('%j → %j', (topics, expected) => {
    const found = policySuggestions(reportWith(topics));
    expect(found.map((s) => [s.topic, s.change, s.missed, s.ended])).toEqual(expected);
    expect(found.every((s) => s.now === null)).toBe(true);
  });

  it('says what the config promises the topic now (normal priority, each audience), never changing it', () => {
    const config = loadConfig('config/support.example.yaml').desk;
    const topic = Object.keys(config.directory.topics)[0] ?? '';
    const before = structuredClone(config.policies);
    const [found] = policySuggestions(reportWith({ [topic]: [0, 0, 1, 3] }), policyNowFrom(config));
    const normal = [config.policies.internal.normal, config.policies.community.normal];
    const info = config.directory.topics[topic];
    expect(found?.now).toEqual({
      firstResponseMinutes: [...new Set(normal.map((p) => p.firstResponseMinutes))].sort((a, b) => a - b),
      callbackMinutes: [...new Set(normal.map((p) => p.callbackWindowMinutes))].sort((a, b) => a - b),
      experts: new Set([...(info?.experts ?? []), ...(info?.backups ?? [])]).size,
    });
    expect(config.policies).toEqual(before);
    expect(policyNowFrom(config)('no-such-topic')).toBeNull();
  });
});
