import { describe, expect, it } from 'vitest';
import { pickExpert, restsAfterHeavy, weightedLoad } from '../../src/core/fairness.ts';
import type { ExpertLoad } from '../../src/core/ports.ts';
import { deskConfig } from '../support/desk-fixture.ts';
import { as, harness } from '../support/desk-harness.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const load = (
  personId: string,
  openCases: number,
  lastAssignedAt: string | null = null,
  heavy: { open?: number; streakSince?: string } = {},
): ExpertLoad => ({
  personId,
  openCases,
  heavyOpen: heavy.open ?? 0,
  lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null,
  heavyStreakSince: heavy.streakSince ? new Date(heavy.streakSince) : null,
});

describe('pickExpert', () => {
  it.each([
    ['never-assigned experts go first, in directory order', [load('jonas', 0), load('aiste', 0)], 'jonas'],
    [
      'the least recently assigned goes next',
      [load('jonas', 1, '2026-11-23T07:00:00Z'), load('aiste', 1, '2026-11-23T06:00:00Z')],
      'aiste',
    ],
    [
      'an expert at their cap is skipped',
      [load('jonas', 5), load('aiste', 1, '2026-11-23T07:00:00Z')],
      'aiste',
    ],
    [
      'backups only when every primary is at cap',
      [load('jonas', 5), load('aiste', 5), load('paul', 0)],
      'paul',
    ],
    ['nobody when all are at cap', [load('jonas', 5), load('aiste', 5), load('paul', 5)], null],
  ])('%s', (_name, loads, expected) => {
    expect(pickExpert(deskConfig(), 'billing', loads, NOW)).toBe(expected);
  });

  it('skips someone away or on an absence covering now', () => {
    const away = deskConfig({ people: { jonas: { away: true } } });
    expect(pickExpert(away, 'billing', [], NOW)).toBe('aiste');
    const absent = deskConfig({
      people: { jonas: { absences: [{ from: '2026-11-20', to: '2026-11-27' }] } },
    });
    expect(pickExpert(absent, 'billing', [], NOW)).toBe('aiste');
    const returned = deskConfig({
      people: { jonas: { absences: [{ from: '2026-11-01', to: '2026-11-22' }] } },
    });
    expect(pickExpert(returned, 'billing', [], NOW)).toBe('jonas');
  });
});

// Heavy cases (README "Heavy cases"): an open heavy case counts twice against the cap (maxOpenCases
// is 5 in the fixture); after two heavy assignments in a row a person is skipped for the next one
// when anyone else, primary or backup, can take it; with nobody else they still get it.
describe('pickExpert with heavy cases', () => {
  const T7 = '2026-11-23T07:00:00Z';
  const T6 = '2026-11-23T06:00:00Z';
  const T5 = '2026-11-23T05:00:00Z';
  const T730 = '2026-11-23T07:30:00Z';
  it.each([
    [
      '3 open of which 2 heavy weigh 5: at the cap, skipped',
      [load('jonas', 3, null, { open: 2 }), load('aiste', 1, T7)],
      'aiste',
    ],
    [
      '3 open of which 1 heavy weigh 4: under the cap, still first',
      [load('jonas', 3, null, { open: 1 }), load('aiste', 1, T7)],
      'jonas',
    ],
    [
      'heavy weight can send a case to a backup',
      [load('jonas', 3, null, { open: 2 }), load('aiste', 4, null, { open: 1 }), load('paul', 0)],
      'paul',
    ],
    [
      'nobody when every weighted load is at the cap',
      [load('jonas', 3, null, { open: 2 }), load('aiste', 3, null, { open: 3 }), load('paul', 5)],
      null,
    ],
    [
      'two heavy in a row: the least rested turn passes to the next expert',
      [load('jonas', 1, T5, { streakSince: T6 }), load('aiste', 1, T5)],
      'aiste',
    ],
    [
      'two heavy in a row: a backup is asked before the resting expert',
      [load('jonas', 1, T5, { streakSince: T6 }), load('aiste', 5), load('paul', 0)],
      'paul',
    ],
    [
      'two heavy in a row and nobody else available: they still get it',
      [load('jonas', 1, T5, { streakSince: T6 }), load('aiste', 5), load('paul', 5)],
      'jonas',
    ],
    [
      'the rest lasts one assignment: someone else got a case after the streak formed',
      [load('jonas', 1, T5, { streakSince: T6 }), load('aiste', 1, T7), load('paul', 0)],
      'jonas',
    ],
    [
      'an assignment to someone else before the streak formed does not end the rest',
      [load('jonas', 1, T5, { streakSince: T730 }), load('aiste', 1, T7), load('paul', 0)],
      'aiste',
    ],
    [
      'both primaries resting: the backup',
      [
        load('jonas', 1, T5, { streakSince: T730 }),
        load('aiste', 1, T5, { streakSince: T730 }),
        load('paul', 0),
      ],
      'paul',
    ],
  ])('%s', (_name, loads, expected) => {
    expect(pickExpert(deskConfig(), 'billing', loads, NOW)).toBe(expected);
  });

  it('weighs and rests as written', () => {
    expect(weightedLoad(load('jonas', 3, null, { open: 2 }))).toBe(5);
    expect(weightedLoad(undefined)).toBe(0);
    const loads = [load('jonas', 1, T5, { streakSince: T6 }), load('aiste', 1, T5)];
    expect(restsAfterHeavy('jonas', loads)).toBe(true);
    expect(restsAfterHeavy('aiste', loads)).toBe(false);
    expect(restsAfterHeavy('nobody', loads)).toBe(false);
  });
});

describe('fair spread across a stream of cases', () => {
  it('round robin: jonas, aiste, jonas, aiste; then backup and supervisor when everyone is full', async () => {
    const h = harness({
      config: deskConfig({
        people: { jonas: { maxOpenCases: 2 }, aiste: { maxOpenCases: 2 }, paul: { maxOpenCases: 1 } },
      }),
    });
    const experts: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      h.clock.advance(60_000);
      const id = await h.open(`Case ${i}`);
      const { case: c } = await h.desk.escalate({ caseId: id, actor: as('rasa') });
      experts.push(c.expertId);
    }
    expect(experts).toEqual(['jonas', 'aiste', 'jonas', 'aiste', 'paul', null]);
    const last = (await h.desk.listCases({ newestFirst: true, limit: 1 }))[0];
    expect(last?.approval).toMatchObject({ status: 'pending', reason: 'no_expert' });
  });
});
