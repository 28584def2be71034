// The weekly digest: what went well, the promises kept least (only groups with enough windows
// ended), the lowest ratings with their comments, and the topics that grew: tables by hand.
import { describe, expect, it } from 'vitest';
import { buildReport, type CaseTrail, rollingWeeks, weeklyDigest } from '../../../src/core/reports/index.ts';
import { CUSTOMER, t, trail } from './builder.ts';
import { NOW, weekCases } from './week-cases.ts';

const WEEK = 7 * 24 * 60;
let next = 100;
/** A case that was only opened (its first response still runs), and maybe rated. */
function opened(at: Date, topic: string, rating?: [score: number, comment: string]): CaseTrail {
  next += 1;
  return trail({ number: next, topic }, [
    [at, 'case_opened', CUSTOMER, { topic }],
    ...(rating
      ? [
          [
            new Date(at.getTime() + 60_000),
            'rated',
            CUSTOMER,
            rating[1] === '' ? { score: rating[0] } : { score: rating[0], comment: rating[1] },
          ] as const,
        ]
      : []),
  ]);
}
const times = (n: number, make: (i: number) => CaseTrail): CaseTrail[] =>
  Array.from({ length: n }, (_, i) => make(i));

const cases: CaseTrail[] = [
  ...weekCases,
  // access: 5 the week before, 7 this week: +2 but only +40 %, so it did not grow.
  ...times(5, (i) => opened(t(-WEEK + 10 + i), 'access')),
  ...times(7, (i) => opened(t(1000 + i), 'access')),
  // leave: 4 → 6, +2 and +50 %: grew.
  ...times(4, (i) => opened(t(-WEEK + 20 + i), 'leave')),
  ...times(6, (i) => opened(t(1100 + i), 'leave')),
  // Ratings this week, beside weekCases' 5 "Quick and kind" (#1) and 2 "Too slow" (#3).
  opened(t(2000), 'printers', [4, 'Fine in the end']),
  opened(t(2010), 'printers', [5, 'Lovely']),
  opened(t(2020), 'printers', [5, 'Thank you']),
  opened(t(2030), 'printers', [3, 'OK']),
  opened(t(2040), 'printers', [1, '']), // no comment: in the average, not in the lists
  opened(t(2050), 'printers', [1, 'Nobody answered']),
  opened(t(2060), 'printers', [2, 'Slow again']),
];

const weeks = rollingWeeks(NOW);
const digestOf = (all: readonly CaseTrail[]) =>
  weeklyDigest(
    buildReport({ cases: all, period: weeks.current, team: 'it' }),
    buildReport({ cases: all, period: weeks.previous, team: 'it' }),
  );

describe('weeklyDigest', () => {
  const digest = digestOf(cases);

  it('starts with what went well: promises kept and the best ratings with their comments', () => {
    expect(digest.wentWell.kept).toBe(8);
    // 4 and 5 with a comment, highest first, then oldest first; at most 3.
    expect(digest.wentWell.praise.map((c) => [c.score, c.comment])).toEqual([
      [5, 'Quick and kind'],
      [5, 'Lovely'],
      [5, 'Thank you'],
    ]);
  });

  it('names the promises kept least, only where enough windows ended', () => {
    // By kind: first responses 4 kept / 1 missed (80 %), callbacks 4 / 1 (80 %). By topic: billing
    // 5 / 1 (83 %), vpn 3 / 1 (75 %). By expert: Rasa kept #1's callback, missed #3's first and
    // kept its second (#6's still runs): 2 / 1 (67 %); Tom and Jonas 1 / 0 each, too few to mean
    // something. The first responses nobody took (the triage queue) show under their kind.
    expect(digest.worstKept.map((g) => [g.by, g.key, g.kept, g.missed, Math.round(g.percent)])).toEqual([
      ['expert', 'rasa', 2, 1, 67],
      ['topic', 'vpn', 3, 1, 75],
      ['kind', 'callback', 4, 1, 80],
    ]);
  });

  it('lists the lowest ratings with a comment, lowest first, at most 3', () => {
    expect(digest.lowestRatings.map((c) => [c.score, c.comment])).toEqual([
      [1, 'Nobody answered'],
      [2, 'Too slow'],
      [2, 'Slow again'],
    ]);
  });

  it('names the topics that grew by at least 2 cases and 50 %', () => {
    // billing 1 → 2 (+1), vpn 0 → 2 (+2, new), access 5 → 7 (+40 %), leave 4 → 6 (+50 %), printers 0 → 7.
    expect(digest.grownTopics).toEqual([
      { topic: 'printers', opened: 7, openedBefore: 0 },
      { topic: 'leave', opened: 6, openedBefore: 4 },
      { topic: 'vpn', opened: 2, openedBefore: 0 },
    ]);
  });

  it('keeps the periods it compares', () => {
    expect(digest.period).toEqual(weeks.current);
    expect(digest.previousPeriod).toEqual(weeks.previous);
    expect(digest.team).toBe('it');
  });

  it('is empty but whole for a quiet week', () => {
    expect(digestOf([])).toMatchObject({
      wentWell: { kept: 0, praise: [] },
      worstKept: [],
      lowestRatings: [],
      grownTopics: [],
    });
  });

  it('leaves out groups that kept every promise', () => {
    const allKept = digestOf(weekCases.filter((c) => c.case.number === 1 || c.case.number === 5));
    expect(allKept.worstKept).toEqual([]);
    expect(allKept.wentWell.kept).toBe(3);
  });
});
