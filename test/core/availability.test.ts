import { describe, expect, it } from 'vitest';
import { isAway } from '../../src/core/availability.ts';
import type { Absence, Person } from '../../src/core/model.ts';

const person = (timeZone: string, absences: Absence[], away = false): Person => ({
  id: 'p1',
  name: 'Ona',
  locale: 'lt',
  timeZone,
  away,
  absences,
  maxOpenCases: 5,
});

// Vilnius is at +03:00 in July, New York at -04:00.
const holiday: Absence = { from: '2025-07-01', to: '2025-07-03' };
const oneDay: Absence = { from: '2025-07-08', to: '2025-07-08' };
const dentist: Absence = { from: '2025-07-10T09:00:00+03:00', to: '2025-07-10T13:00:00+03:00' };
const halfDayTail: Absence = { from: '2025-07-15', to: '2025-07-15T12:00:00+03:00' };

describe('isAway', () => {
  it.each<[name: string, who: Person, at: string, away: boolean]>([
    [
      'date absence: last instant before the first day',
      person('Europe/Vilnius', [holiday]),
      '2025-06-30T20:59:59.999Z',
      false,
    ],
    [
      'date absence: local midnight starting the first day',
      person('Europe/Vilnius', [holiday]),
      '2025-06-30T21:00:00Z',
      true,
    ],
    [
      'date absence: late on the last day (inclusive end)',
      person('Europe/Vilnius', [holiday]),
      '2025-07-03T20:59:59.999Z',
      true,
    ],
    [
      'date absence: midnight after the last day',
      person('Europe/Vilnius', [holiday]),
      '2025-07-03T21:00:00Z',
      false,
    ],
    [
      'date absence read in New York: 23:00 on 30 June local',
      person('America/New_York', [holiday]),
      '2025-07-01T03:00:00Z',
      false,
    ],
    [
      'date absence read in New York: 00:00 on 1 July local',
      person('America/New_York', [holiday]),
      '2025-07-01T04:00:00Z',
      true,
    ],
    [
      'date absence read in New York: 23:30 on 3 July local',
      person('America/New_York', [holiday]),
      '2025-07-04T03:30:00Z',
      true,
    ],
    ['single-day absence, morning', person('Europe/Vilnius', [oneDay]), '2025-07-08T05:00:00+03:00', true],
    [
      'single-day absence, the next day',
      person('Europe/Vilnius', [oneDay]),
      '2025-07-09T00:00:00+03:00',
      false,
    ],
    ['instant absence: before it', person('Europe/Vilnius', [dentist]), '2025-07-10T05:59:59.999Z', false],
    ['instant absence: its start', person('Europe/Vilnius', [dentist]), '2025-07-10T06:00:00Z', true],
    [
      'instant absence: a millisecond before its end',
      person('Europe/Vilnius', [dentist]),
      '2025-07-10T09:59:59.999Z',
      true,
    ],
    [
      'instant absence: its end (exclusive)',
      person('Europe/Vilnius', [dentist]),
      '2025-07-10T10:00:00Z',
      false,
    ],
    [
      'instant absence does not depend on the person zone',
      person('America/New_York', [dentist]),
      '2025-07-10T06:00:00Z',
      true,
    ],
    [
      'date start, instant end: inside',
      person('Europe/Vilnius', [halfDayTail]),
      '2025-07-15T00:00:00+03:00',
      true,
    ],
    [
      'date start, instant end: at the end',
      person('Europe/Vilnius', [halfDayTail]),
      '2025-07-15T12:00:00+03:00',
      false,
    ],
    [
      'several absences: the second matches',
      person('Europe/Vilnius', [holiday, dentist]),
      '2025-07-10T07:00:00Z',
      true,
    ],
    ['no absences, not flagged', person('Europe/Vilnius', []), '2025-07-10T07:00:00Z', false],
    ['away flag with no absences', person('Europe/Vilnius', [], true), '2025-07-10T07:00:00Z', true],
    [
      'away flag outside every absence',
      person('Europe/Vilnius', [dentist], true),
      '2026-01-01T00:00:00Z',
      true,
    ],
  ])('%s', (_name, who, at, away) => {
    expect(isAway(who, new Date(at))).toBe(away);
  });

  it('throws a coded error for an absence it cannot read', () => {
    const broken = person('Europe/Vilnius', [{ from: 'next tuesday', to: '2025-07-03' }]);
    expect(() => isAway(broken, new Date('2025-07-01T00:00:00Z'))).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        textKey: 'error.absence_invalid',
        params: { person: 'p1', value: 'next tuesday' },
      }),
    );
  });
});
