import { describe, expect, it } from 'vitest';
import { pickExpert } from '../../src/core/fairness.ts';
import { deskConfig } from '../support/desk-fixture.ts';
import { as, harness } from '../support/desk-harness.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const load = (personId: string, openCases: number, lastAssignedAt: string | null = null) => ({
  personId,
  openCases,
  lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null,
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
