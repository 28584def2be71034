// Away at run time: the `until` grammar, and the desk's goAway / comeBack / handOver.
import { describe, expect, it } from 'vitest';
import { parseAwayUntil } from '../../src/core/away.ts';
import { CoreError } from '../../src/core/errors.ts';
import { deskConfig } from '../support/desk-fixture.ts';
import { as, harness, MIN } from '../support/desk-harness.ts';

const vilnius = { timeZone: 'Europe/Vilnius' };
const NOW = new Date('2026-11-23T08:00:00Z'); // Monday 10:00 in Vilnius

describe('parseAwayUntil', () => {
  it.each<[typed: unknown, back: string | null]>([
    [undefined, null],
    ['', null],
    ['   ', null],
    ['17:00', '2026-11-23T15:00:00.000Z'],
    ['9:30', '2026-11-24T07:30:00.000Z'], // passed today: tomorrow's
    ['10:00', '2026-11-24T08:00:00.000Z'], // now is not after now
    ['17h00', '2026-11-23T15:00:00.000Z'],
    ['2026-12-24', '2026-12-23T22:00:00.000Z'],
    ['tomorrow', '2026-11-23T22:00:00.000Z'],
    ['Demain', '2026-11-23T22:00:00.000Z'],
    ['rytoj', '2026-11-23T22:00:00.000Z'],
  ])('%j → %s', (typed, back) => {
    expect(parseAwayUntil(typed, vilnius, NOW)?.toISOString() ?? null).toBe(back);
  });

  it.each<unknown>([
    '25:00',
    '17:60',
    'next week',
    '2026-11-23',
    '2026-02-30',
    '2020-01-01',
    'x'.repeat(500),
    17,
    {},
    null,
  ])('refuses %j kindly, naming the accepted forms', (typed) => {
    let error: unknown;
    try {
      parseAwayUntil(typed, vilnius, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).textKey).toBe('error.away_until_invalid');
    expect(String((error as CoreError).params.value ?? '').length).toBeLessThanOrEqual(40);
  });
});

describe('away on the desk', () => {
  it('skips someone away for assignments until they are back; planned absences still apply', async () => {
    const h = harness({
      config: deskConfig({ people: { aiste: { absences: [{ from: '2026-11-23', to: '2026-11-23' }] } } }),
    });
    const away = await h.desk.goAway({ actor: as('jonas') });
    expect(away).toEqual({ until: null, held: [] });
    const first = await h.open();
    const escalated = await h.desk.escalate({ caseId: first, actor: as('rasa') });
    expect(escalated.case.expertId).toBe('paul'); // jonas away, aiste absent: the backup
    expect(await h.desk.comeBack({ actor: as('jonas') })).toEqual({ wasAway: true });
    expect(await h.desk.comeBack({ actor: as('jonas') })).toEqual({ wasAway: false });
    const second = await h.open('Another invoice');
    expect((await h.desk.escalate({ caseId: second, actor: as('rasa') })).case.expertId).toBe('jonas');
  });

  it('ends at `until` by itself', async () => {
    const h = harness();
    const { until } = await h.desk.goAway({ actor: as('jonas'), until: '10:30' });
    expect(until?.toISOString()).toBe('2026-11-23T08:30:00.000Z');
    h.clock.advance(31 * MIN);
    const id = await h.open();
    expect((await h.desk.escalate({ caseId: id, actor: as('rasa') })).case.expertId).toBe('jonas');
  });

  it('lists the open cases the person holds, and hands each over through the ladder', async () => {
    const h = harness();
    const withExpert = await h.open();
    await h.desk.escalate({ caseId: withExpert, actor: as('rasa') });
    const held = await h.open('Third');
    await h.desk.claim({ caseId: held, actor: as('rasa') });
    const { held: jonasHolds } = await h.desk.goAway({ actor: as('jonas'), until: 'tomorrow' });
    expect(jonasHolds.map((c) => c.id)).toEqual([withExpert]);
    const reassigned = await h.desk.handOver({ caseId: withExpert, actor: as('jonas') });
    expect(reassigned.case.expertId).toBe('aiste');

    await h.desk.goAway({ actor: as('rasa') });
    const asked = await h.desk.handOver({ caseId: held, actor: as('rasa') });
    expect(asked.case.status).toBe('awaiting_approval');
    expect(asked.case.approval?.reason).toBe('holder_away');
  });

  it('refuses a hand-over by someone who does not hold the case, and away for non-staff', async () => {
    const h = harness();
    const id = await h.open();
    await h.desk.claim({ caseId: id, actor: as('rasa') });
    await expect(h.desk.handOver({ caseId: id, actor: as('tom') })).rejects.toMatchObject({
      textKey: 'error.holder_only',
    });
    await expect(h.desk.handOver({ caseId: id, actor: 'rasa' as never })).rejects.toMatchObject({
      textKey: 'error.holder_only',
    });
    await expect(h.desk.goAway({ actor: as('slack:T1:U100') })).rejects.toMatchObject({
      textKey: 'error.staff_only',
    });
    await expect(h.desk.goAway({ actor: null as never })).rejects.toMatchObject({
      textKey: 'error.staff_only',
    });
    await expect(h.desk.comeBack({ actor: as('nobody') })).rejects.toMatchObject({
      textKey: 'error.staff_only',
    });
    await expect(h.desk.goAway({ actor: as('tom'), until: 'someday' })).rejects.toMatchObject({
      textKey: 'error.away_until_invalid',
    });
    expect(await h.store.away.listAway(h.clock.now())).toEqual([]);
  });
});
