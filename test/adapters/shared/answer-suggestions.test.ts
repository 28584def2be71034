// The answer bank's suggestions for a new case (adapters/shared/answer-suggestions.ts): same topic
// first, the case's language, the customer's share only above the audience's threshold.
import { describe, expect, it } from 'vitest';
import {
  customerThreshold,
  forCustomer,
  keptSuggestions,
  liveSuggestions,
  similarAnswers,
  suggestionPreview,
  suggestionsToKeep,
} from '../../../adapters/shared/answer-suggestions.ts';
import type { AnswerBank, AnswerEntry, AnswerSearch } from '../../../src/core/index.ts';

const at = new Date('2026-12-01T10:00:00Z');
const entry = (id: string, topic: string, locale: AnswerEntry['locale']): AnswerEntry => ({
  id,
  caseId: `case-${id}`,
  topic,
  team: 'support',
  locale,
  text: `answer ${id}`,
  source: 'resolution',
  createdAt: at,
  updatedAt: at,
  retiredAt: null,
  editedBy: null,
});

/** A bank holding these entries with these scores, filtering as the stores do. */
function bank(scored: readonly [AnswerEntry, number][]): AnswerBank & { asked: AnswerSearch[] } {
  const asked: AnswerSearch[] = [];
  return {
    asked,
    async similar(q) {
      asked.push(q);
      return scored
        .filter(
          ([e]) =>
            (q.topic === undefined || e.topic === q.topic) &&
            (q.locale === undefined || e.locale === q.locale),
        )
        .sort((a, b) => b[1] - a[1])
        .slice(0, q.limit)
        .map(([e, score]) => ({ entry: e, score }));
    },
    get: async (id) => scored.find(([e]) => e.id === id)?.[0] ?? null,
    edit: async () => null,
    retire: async () => null,
    list: async () => [],
  };
}

const query = { words: 'invoice doubled', topic: 'billing', locale: 'en' as const };

describe('suggestions for a new case', () => {
  it('takes the topic’s answers first, then others in the language, three at most, no repeats', async () => {
    const b = bank([
      [entry('b1', 'billing', 'en'), 0.5],
      [entry('o1', 'access', 'en'), 1],
      [entry('o2', 'access', 'en'), 0.9],
      [entry('f1', 'billing', 'fr'), 1],
    ]);
    const found = await similarAnswers(b, query);
    expect(found.map((s) => [s.id, s.score])).toEqual([
      ['b1', 0.5],
      ['o1', 1],
      ['o2', 0.9],
    ]);
    expect(b.asked.every((q) => q.locale === 'en')).toBe(true);
  });

  it('asks once when the topic fills the list', async () => {
    const b = bank(['1', '2', '3'].map((id) => [entry(id, 'billing', 'en'), 0.7] as [AnswerEntry, number]));
    expect(await similarAnswers(b, query)).toHaveLength(3);
    expect(b.asked).toHaveLength(1);
  });

  it('is empty when the search fails: the card goes out without suggestions', async () => {
    const failing: AnswerBank = { ...bank([]), similar: () => Promise.reject(new Error('database gone')) };
    expect(await similarAnswers(failing, query)).toEqual([]);
  });

  it.each([
    // scores found, threshold → ids offered to the customer
    [[0.9, 0.7, 0.65], 0.6, ['a', 'b']],
    [[0.9, 0.5], 0.6, ['a']],
    [[0.59, 0.5], 0.6, []],
    [[0.6], 0.6, ['a']],
    [[1, 1], null, []],
    [[], 0.6, []],
  ] as const)('offers the customer %j at %s: %j', (scores, threshold, ids) => {
    const found = scores.map((score, i) => ({ id: 'abc'[i] ?? '?', text: '', score }));
    expect(forCustomer(found, threshold).map((s) => s.id)).toEqual(ids);
  });

  it('reads the threshold per audience, the defaults when the config has none', () => {
    expect(customerThreshold({}, 'internal')).toBeNull();
    expect(customerThreshold({}, 'community')).toBe(0.6);
    const config = { answerBank: { suggestToCustomers: { internal: 0.8, community: null } } };
    expect(customerThreshold(config, 'internal')).toBe(0.8);
    expect(customerThreshold(config, 'community')).toBeNull();
  });

  it('keeps ids and scores only with a card, and makes them whole from the bank as it is now', async () => {
    const live = entry('b1', 'billing', 'en');
    const retired = { ...entry('b2', 'billing', 'en'), retiredAt: at };
    const b = bank([
      [live, 0.5],
      [retired, 0.4],
    ]);
    const raw = suggestionsToKeep([
      { id: 'b1', text: 'secret words', score: 0.5 },
      { id: 'b2', text: 'more', score: 0.4 },
      { id: 'gone', text: 'x', score: 0.3 },
    ]);
    expect(raw).not.toContain('secret');
    expect(await liveSuggestions(b, keptSuggestions(raw))).toEqual([
      { id: 'b1', text: 'answer b1', score: 0.5 },
    ]);
    for (const bad of [null, '', '{', '"x"', '{"id":1}', '[1,null,{"id":"a"},{"id":"a","score":"1"}]'])
      expect(keptSuggestions(bad)).toEqual([]);
  });

  it('previews a long answer on one line, cut at a word', () => {
    expect(suggestionPreview('Restart  the\nrouter.')).toBe('Restart the router.');
    expect(suggestionPreview('one two three four five', 12)).toBe('one two…');
  });
});
