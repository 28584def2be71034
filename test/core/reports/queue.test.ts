import { describe, expect, it } from 'vitest';
import { queueSamples, readCase, samplingInstants } from '../../../src/core/reports/index.ts';
import { CUSTOMER, H, MIN, office, period, trail } from './builder.ts';

const officeHours = { clock: 'business' as const, calendar: office };
const trails = [
  // Friday evening, claimed Monday morning after the spring-forward weekend.
  trail({ number: 31, ...officeHours }, [
    ['2026-03-27T16:30+02:00', 'case_opened', CUSTOMER],
    ['2026-03-30T09:30+03:00', 'claimed', 'rasa'],
  ]),
  // Saturday; the customer closes it two hours later.
  trail({ number: 32, ...officeHours }, [
    ['2026-03-28T10:00+02:00', 'case_opened', CUSTOMER],
    ['2026-03-28T12:00+02:00', 'closed', CUSTOMER],
  ]),
  // Sunday evening, answered Monday 09:10.
  trail({ number: 33, ...officeHours }, [
    ['2026-03-29T20:00+03:00', 'case_opened', CUSTOMER],
    ['2026-03-30T09:10+03:00', 'answered', 'rasa', { text: 'Hello' }],
  ]),
  // Closed by the customer, reopened before anyone answered (back in the queue), claimed at 10:00.
  trail({ number: 34, ...officeHours }, [
    ['2026-03-30T09:20+03:00', 'case_opened', CUSTOMER],
    ['2026-03-30T09:25+03:00', 'closed', CUSTOMER],
    ['2026-03-30T09:40+03:00', 'reopened', CUSTOMER, { text: '' }],
    ['2026-03-30T10:00+03:00', 'claimed', 'rasa'],
  ]),
];

type Row = [at: string, waiting: number, oldest: [number, number, number] | null, why: string];
const rows: Row[] = [
  ['2026-03-27T17:00+02:00', 1, [31, 30 * MIN, 30 * MIN], '#31 waited 30 min, all in office hours'],
  ['2026-03-28T11:00+02:00', 2, [31, 18 * H + 30 * MIN, 30 * MIN], 'the weekend adds wall time only'],
  ['2026-03-28T13:00+02:00', 1, [31, 20 * H + 30 * MIN, 30 * MIN], '#32 was closed at 12:00'],
  // Fri 14:30Z → Mon 06:00Z is 63 h 30 (the night of the 29th lost an hour).
  ['2026-03-30T09:00+03:00', 2, [31, 63 * H + 30 * MIN, 30 * MIN], '#31 and #33 waiting at opening'],
  ['2026-03-30T09:15+03:00', 1, [31, 63 * H + 45 * MIN, 45 * MIN], '#33 was answered at 09:10'],
  ['2026-03-30T09:22+03:00', 2, [31, 63 * H + 52 * MIN, 52 * MIN], '#34 has just opened'],
  ['2026-03-30T09:30+03:00', 0, null, "#31's claim at this very instant counts; #34 is closed"],
  ['2026-03-30T09:45+03:00', 1, [34, 25 * MIN, 25 * MIN], '#34 reopened unanswered: waiting since it opened'],
  ['2026-03-30T10:00+03:00', 0, null, '#34 claimed'],
];

describe('queue over time', () => {
  const histories = trails.map(readCase);

  it.each(rows)('at %s: %s waiting (%s) — %s', (at, waiting, oldest) => {
    const [sample] = queueSamples(histories, [new Date(at)]);
    expect(sample?.waiting).toBe(waiting);
    expect(
      sample?.oldest && [sample.oldest.number, sample.oldest.waitedMs, sample.oldest.waitedPolicyMs],
    ).toEqual(oldest);
  });

  it('samples every hour of the period unless told otherwise', () => {
    const day = period('2026-03-29T00:00+02:00', '2026-03-30T00:00+03:00'); // a 23-hour day
    expect(samplingInstants(day)).toHaveLength(23);
    expect(
      samplingInstants(day, 30 * MIN)
        .map((d) => d.toISOString())
        .slice(0, 3),
    ).toEqual(['2026-03-28T22:00:00.000Z', '2026-03-28T22:30:00.000Z', '2026-03-28T23:00:00.000Z']);
    expect(() => samplingInstants(day, 0)).toThrow(RangeError);
  });
});
