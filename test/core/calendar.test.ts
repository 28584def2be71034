import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingTime, isOpenAt, nextOpening, workingTimeBetween } from '../../src/core/calendar.ts';
import { isCoreError } from '../../src/core/errors.ts';
import type { Calendar, TimeRange, Weekday } from '../../src/core/model.ts';
import { WEEKDAYS } from '../../src/core/model.ts';

const MIN = 60_000;
const H = 60 * MIN;
const at = (iso: string) => new Date(iso);

const days = (list: readonly Weekday[], ranges: readonly TimeRange[]) =>
  Object.fromEntries(list.map((day) => [day, ranges])) as Calendar['week'];
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const cal = (id: string, timeZone: string, week: Calendar['week'], holidays: string[] = []): Calendar => ({
  id,
  timeZone,
  week,
  holidays,
});

// Vilnius: EET +02:00 in winter, EEST +03:00 from the last Sunday of March 03:00 (skips to
// 04:00) to the last Sunday of October 04:00 (back to 03:00). New York: 02:00 -> 03:00 on
// 2025-03-09, 02:00 -> 01:00 on 2025-11-02.
const office = cal('office', 'Europe/Vilnius', days(MON_FRI, [['09:00', '17:00']]), [
  '2025-04-21',
  '2025-06-24',
]);
const lunch = cal(
  'lunch',
  'Europe/Vilnius',
  days(MON_FRI, [
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ]),
);
const ltAllDay = cal('vilnius-all-day', 'Europe/Vilnius', days(WEEKDAYS, [['00:00', '24:00']]));
const ltNight = cal('vilnius-night', 'Europe/Vilnius', days(WEEKDAYS, [['01:00', '05:00']]));
const ltEarly = cal('vilnius-early', 'Europe/Vilnius', days(WEEKDAYS, [['03:30', '05:00']]));
const nyOffice = cal('ny-office', 'America/New_York', days(MON_FRI, [['09:00', '17:00']]));
const aucklandOffice = cal('auckland-office', 'Pacific/Auckland', days(MON_FRI, [['09:00', '17:00']]));
const nyAllDay = cal('ny-all-day', 'America/New_York', days(WEEKDAYS, [['00:00', '24:00']]));
const nyNight = cal('ny-night', 'America/New_York', days(WEEKDAYS, [['00:00', '04:00']]));

type AddCase = [name: string, calendar: Calendar | null, start: string, ms: number, expected: string];

// 2025-06-02 is a Monday; Vilnius (LT) is at +03:00 all summer.
const addCases: AddCase[] = [
  ['inside hours', office, '2025-06-02T10:00+03:00', 2 * H, '2025-06-02T12:00+03:00'],
  ['runs out exactly at closing', office, '2025-06-02T15:00+03:00', 2 * H, '2025-06-02T17:00+03:00'],
  ['starting before opening', office, '2025-06-02T07:30+03:00', 1 * H, '2025-06-02T10:00+03:00'],
  ['starting after closing', office, '2025-06-02T18:00+03:00', 1 * H, '2025-06-03T10:00+03:00'],
  ['across a lunch break', lunch, '2025-06-02T11:00+03:00', 2 * H, '2025-06-02T14:00+03:00'],
  ['starting during lunch', lunch, '2025-06-02T12:30+03:00', 30 * MIN, '2025-06-02T13:30+03:00'],
  ['across a weekend', office, '2025-06-06T16:00+03:00', 2 * H, '2025-06-09T10:00+03:00'],
  ['starting on a Saturday', office, '2025-06-07T12:00+03:00', 1 * H, '2025-06-09T10:00+03:00'],
  ['a whole working week', office, '2025-06-02T09:00+03:00', 40 * H, '2025-06-06T17:00+03:00'],
  ['a holiday mid-week (Tue 24 June)', office, '2025-06-23T16:00+03:00', 2 * H, '2025-06-25T10:00+03:00'],
  ['a holiday Monday after a weekend', office, '2025-04-18T16:00+03:00', 2 * H, '2025-04-22T10:00+03:00'],
  ['LT spring: a 23 h day', ltAllDay, '2025-03-30T00:00+02:00', 24 * H, '2025-03-31T01:00+03:00'],
  ['LT spring: jump in range', ltNight, '2025-03-30T02:00+02:00', 1.5 * H, '2025-03-30T04:30+03:00'],
  ['LT spring: 01-05 is 3 h', ltNight, '2025-03-30T01:00+02:00', 3.5 * H, '2025-03-31T01:30+03:00'],
  ['LT spring: starts in gap', ltEarly, '2025-03-30T00:00+02:00', 30 * MIN, '2025-03-30T04:30+03:00'],
  ['LT fall: a 25 h day', ltAllDay, '2025-10-26T00:00+03:00', 25 * H, '2025-10-27T00:00+02:00'],
  ['LT fall: 01-05 is 5 h', ltNight, '2025-10-26T01:00+03:00', 5 * H, '2025-10-26T05:00+02:00'],
  ['LT fall: 03:30 twice', ltEarly, '2025-10-26T03:30+03:00', 1 * H, '2025-10-26T04:00+02:00'],
  ['NY office, DST weekend', nyOffice, '2025-03-07T16:00-05:00', 2 * H, '2025-03-10T10:00-04:00'],
  ['NY spring: 00-04 is 3 h', nyNight, '2025-03-09T00:00-05:00', 3 * H, '2025-03-09T04:00-04:00'],
  ['NY fall: 00-04 is 5 h', nyNight, '2025-11-02T00:00-04:00', 5 * H, '2025-11-02T04:00-05:00'],
  ['NY fall: a 25 h day', nyAllDay, '2025-11-02T00:00-04:00', 25 * H, '2025-11-03T00:00-05:00'],
  ['always clock is plain addition', null, '2025-06-06T16:00+03:00', 2 * H, '2025-06-06T18:00+03:00'],
  ['always clock across a weekend', null, '2025-06-06T16:00+03:00', 72 * H, '2025-06-09T16:00+03:00'],
  ['ms = 0 inside hours returns start', office, '2025-06-02T10:00+03:00', 0, '2025-06-02T10:00+03:00'],
  ['ms = 0 when closed: start', office, '2025-06-07T12:00+03:00', 0, '2025-06-07T12:00+03:00'],
];

describe('addWorkingTime', () => {
  it.each(addCases)('%s', (_name, calendar, start, ms, expected) => {
    expect(addWorkingTime(calendar, at(start), ms).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('workingTimeBetween', () => {
  it.each(addCases)('%s (same table, inverted)', (_name, calendar, start, ms, expected) => {
    expect(workingTimeBetween(calendar, at(start), at(expected))).toBe(ms);
  });

  type BetweenCase = [name: string, calendar: Calendar | null, from: string, to: string, ms: number];
  it.each<BetweenCase>([
    ['a full week', office, '2025-06-02T00:00+03:00', '2025-06-09T00:00+03:00', 40 * H],
    ['a week with a holiday', office, '2025-06-23T00:00+03:00', '2025-06-30T00:00+03:00', 32 * H],
    ['a week with lunch breaks', lunch, '2025-06-02T00:00+03:00', '2025-06-09T00:00+03:00', 35 * H],
    ['a weekend only', office, '2025-06-06T17:00+03:00', '2025-06-09T09:00+03:00', 0],
    ['Vilnius spring-forward day', ltAllDay, '2025-03-30T00:00+02:00', '2025-03-31T00:00+03:00', 23 * H],
    ['Vilnius fall-back day', ltAllDay, '2025-10-26T00:00+03:00', '2025-10-27T00:00+02:00', 25 * H],
    ['LT second 03:00-03:30 closed', ltEarly, '2025-10-26T03:00+02:00', '2025-10-26T03:30+02:00', 0],
    ['New York spring-forward day', nyAllDay, '2025-03-09T00:00-05:00', '2025-03-10T00:00-04:00', 23 * H],
    ['to before from', office, '2025-06-03T10:00+03:00', '2025-06-02T10:00+03:00', 0],
    ['to equal to from', office, '2025-06-02T10:00+03:00', '2025-06-02T10:00+03:00', 0],
    ['always clock', null, '2025-06-06T16:00+03:00', '2025-06-09T16:00+03:00', 72 * H],
    ['always clock, reversed', null, '2025-06-09T16:00+03:00', '2025-06-06T16:00+03:00', 0],
  ])('%s', (_name, calendar, from, to, ms) => {
    expect(workingTimeBetween(calendar, at(from), at(to))).toBe(ms);
  });
});

describe('isOpenAt', () => {
  it.each<[name: string, calendar: Calendar, at: string, open: boolean]>([
    ['inside hours', office, '2025-06-02T10:00+03:00', true],
    ['at the opening instant', office, '2025-06-02T09:00+03:00', true],
    ['at the closing instant (ranges are half-open)', office, '2025-06-02T17:00+03:00', false],
    ['a millisecond before closing', office, '2025-06-02T16:59:59.999+03:00', true],
    ['during lunch', lunch, '2025-06-02T12:15+03:00', false],
    ['on a Saturday', office, '2025-06-07T10:00+03:00', false],
    ['on a holiday', office, '2025-06-24T10:00+03:00', false],
    ['weekday in the calendar zone (Sun UTC, Mon in Auckland)', aucklandOffice, '2025-06-08T21:30Z', true],
    ['the same instant is 00:30 Monday in Vilnius: closed', office, '2025-06-08T21:30Z', false],
    ['Vilnius first 03:45 of the repeated hour', ltEarly, '2025-10-26T03:45+03:00', true],
    ['Vilnius second 03:15 of the repeated hour', ltEarly, '2025-10-26T03:15+02:00', false],
    ['Vilnius just before the jump', ltEarly, '2025-03-30T02:59+02:00', false],
    ['Vilnius right after the jump to 04:00', ltEarly, '2025-03-30T04:00+03:00', true],
  ])('%s', (_name, calendar, instant, open) => {
    expect(isOpenAt(calendar, at(instant))).toBe(open);
  });
});

describe('nextOpening', () => {
  it.each<[name: string, calendar: Calendar, at: string, expected: string]>([
    ['already open: the same instant', office, '2025-06-02T10:17+03:00', '2025-06-02T10:17+03:00'],
    ['before opening', office, '2025-06-02T06:00+03:00', '2025-06-02T09:00+03:00'],
    ['at closing', office, '2025-06-02T17:00+03:00', '2025-06-03T09:00+03:00'],
    ['during lunch', lunch, '2025-06-02T12:00+03:00', '2025-06-02T13:00+03:00'],
    ['Friday evening', office, '2025-06-06T20:00+03:00', '2025-06-09T09:00+03:00'],
    ['holiday Monday after a weekend', office, '2025-04-19T10:00+03:00', '2025-04-22T09:00+03:00'],
    ['range starting in the gap: at the jump', ltEarly, '2025-03-30T02:00+02:00', '2025-03-30T04:00+03:00'],
    ['New York after DST weekend', nyOffice, '2025-03-08T12:00-05:00', '2025-03-10T09:00-04:00'],
  ])('%s', (_name, calendar, instant, expected) => {
    expect(nextOpening(calendar, at(instant)).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('a paused window resumes with what was left', () => {
  // An 8 h window opened Thursday 14:00 is due Friday 14:00 (3 h Thursday + 5 h Friday).
  const windowMs = 8 * H;
  const startedAt = at('2025-06-05T14:00+03:00');

  it('is due Friday 14:00 when never paused', () => {
    expect(addWorkingTime(office, startedAt, windowMs).toISOString()).toBe(
      at('2025-06-06T14:00+03:00').toISOString(),
    );
  });

  it.each<[paused: string, pausedAt: string, resumeAt: string, remaining: number, dueAt: string]>([
    [
      'Fri 10:00 to Sat 11:00',
      '2025-06-06T10:00+03:00',
      '2025-06-07T11:00+03:00',
      4 * H,
      '2025-06-09T13:00+03:00',
    ],
    [
      'Fri 10:00 to Fri 16:00',
      '2025-06-06T10:00+03:00',
      '2025-06-06T16:00+03:00',
      4 * H,
      '2025-06-09T12:00+03:00',
    ],
    [
      'Thu 20:00 to Mon 09:30',
      '2025-06-05T20:00+03:00',
      '2025-06-09T09:30+03:00',
      5 * H,
      '2025-06-09T14:30+03:00',
    ],
  ])('paused and resumed %s', (_name, pausedAt, resumeAt, remaining, dueAt) => {
    const left = windowMs - workingTimeBetween(office, startedAt, at(pausedAt));
    expect(left).toBe(remaining);
    expect(addWorkingTime(office, at(resumeAt), left).toISOString()).toBe(at(dueAt).toISOString());
  });
});

describe('a calendar that never opens', () => {
  const closed = cal('closed', 'Europe/Vilnius', {});
  // Open only on Mondays, and every Monday of the next three years is a holiday.
  const mondays = (weeks: number) =>
    Array.from({ length: weeks }, (_, i) => DateTime.fromISO('2025-06-02').plus({ weeks: i }).toISODate()!);
  const holidaysAhead = cal(
    'holidays-ahead',
    'Europe/Vilnius',
    { mon: [['09:00', '17:00']] },
    mondays(3 * 53),
  );

  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (isCoreError(error)) return { code: error.code, textKey: error.textKey, params: error.params };
      throw error;
    }
    return null;
  };
  const expected = (id: string) => ({
    code: 'invalid_input',
    textKey: 'error.calendar_never_open',
    params: { calendar: id },
  });
  const monday = at('2025-06-02T08:00+03:00');

  it.each([
    ['addWorkingTime, empty week', () => addWorkingTime(closed, monday, H), 'closed'],
    ['nextOpening, empty week', () => nextOpening(closed, monday), 'closed'],
    ['addWorkingTime, only holidays ahead', () => addWorkingTime(holidaysAhead, monday, H), 'holidays-ahead'],
    ['nextOpening, only holidays ahead', () => nextOpening(holidaysAhead, monday), 'holidays-ahead'],
  ] as const)('%s throws the coded error', (_name, run, id) => {
    expect(codeOf(run)).toEqual(expected(id));
  });

  it('still answers questions that need no opening', () => {
    expect(isOpenAt(closed, monday)).toBe(false);
    expect(workingTimeBetween(closed, monday, at('2030-01-01T00:00Z'))).toBe(0);
    expect(addWorkingTime(closed, monday, 0)).toEqual(monday);
  });

  it('finds an opening a year and a half away (the search horizon is ~2 years)', () => {
    const later = cal('later', 'Europe/Vilnius', { mon: [['09:00', '17:00']] }, mondays(78));
    expect(nextOpening(later, monday).toISOString()).toBe(at('2026-11-30T09:00+02:00').toISOString());
  });
});

describe('bad input', () => {
  it.each([
    [
      'negative duration',
      () => addWorkingTime(office, at('2025-06-02T10:00Z'), -1),
      'error.invalid_duration',
    ],
    [
      'NaN duration',
      () => addWorkingTime(null, at('2025-06-02T10:00Z'), Number.NaN),
      'error.invalid_duration',
    ],
    [
      'unknown zone',
      () => isOpenAt(cal('x', 'Mars/Olympus', {}), at('2025-06-02T10:00Z')),
      'error.calendar_invalid',
    ],
    [
      'malformed time',
      () => isOpenAt(cal('y', 'UTC', { mon: [['9am', '17:00']] }), at('2025-06-02T10:00Z')),
      'error.calendar_invalid',
    ],
  ] as const)('%s', (_name, run, textKey) => {
    expect(run).toThrow(expect.objectContaining({ code: 'invalid_input', textKey }));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated inputs, against an independent minute-grid oracle built on luxon.

const sweepCalendars = [office, lunch, ltAllDay, ltNight, ltEarly, nyOffice, nyNight];
// Starts every 7 h 45 min through both DST changes of 2025 in both zones.
const sweepStarts = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(at(from).getTime() + i * (7 * H + 45 * MIN)));
const starts = [...sweepStarts('2025-03-05T00:00Z', 90), ...sweepStarts('2025-10-22T00:00Z', 50)];
const durations = [0, 1, MIN, 59 * MIN, 3 * H, 8 * H + 1, 27 * H, 240 * H];

/** Open iff the instant's wall time in the zone lies in a range of its weekday, not a holiday. */
function oracleOpen(calendar: Calendar, ms: number): boolean {
  const local = DateTime.fromMillis(ms, { zone: calendar.timeZone });
  if (calendar.holidays.includes(local.toISODate()!)) return false;
  const minute = local.hour * 60 + local.minute;
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const ranges = calendar.week[WEEKDAYS[local.weekday - 1]!] ?? [];
  return ranges.some(([from, to]) => toMinutes(from) <= minute && minute < toMinutes(to));
}

describe('properties', () => {
  it.each(sweepCalendars.map((c) => [c.id, c] as const))(
    '%s: workingTimeBetween(s, addWorkingTime(s, ms)) === ms over the sweep',
    (_id, calendar) => {
      for (const start of starts) {
        let previous = start.getTime();
        for (const ms of durations) {
          const end = addWorkingTime(calendar, start, ms);
          expect(workingTimeBetween(calendar, start, end), `${start.toISOString()} + ${ms}`).toBe(ms);
          expect(end.getTime()).toBeGreaterThanOrEqual(previous); // more time owed never ends earlier
          if (ms > 0) expect(isOpenAt(calendar, new Date(end.getTime() - 1))).toBe(true); // last ms counted was open
          previous = end.getTime();
        }
      }
    },
  );

  it.each(sweepCalendars.map((c) => [c.id, c] as const))(
    '%s: isOpenAt and workingTimeBetween agree with a 15-minute grid oracle',
    (_id, calendar) => {
      // Every range and every 2025 transition in these zones sits on a 15-minute boundary.
      for (const from of [
        '2025-03-28T00:00Z',
        '2025-10-24T00:00Z',
        '2025-03-07T00:00Z',
        '2025-10-31T00:00Z',
      ]) {
        const start = at(from).getTime();
        let open = 0;
        for (let t = start; t < start + 4 * 24 * H; t += 15 * MIN) {
          const expected = oracleOpen(calendar, t);
          expect(isOpenAt(calendar, new Date(t)), new Date(t).toISOString()).toBe(expected);
          if (expected) open += 15 * MIN;
        }
        expect(workingTimeBetween(calendar, new Date(start), new Date(start + 4 * 24 * H))).toBe(open);
      }
    },
  );
});
