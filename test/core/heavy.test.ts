// "This one is heavy": any staff member of the team marks a case heavy; the supervisors are told
// privately with Pair up and Take over; a heavy case counts double in the load cap, and two heavy
// assignments in a row earn a rest from the next one. The customer never hears of it.
import { describe, expect, it } from 'vitest';
import { promiseViolations } from '../../src/core/invariants.ts';
import { renderText } from '../../src/core/index.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { as, harness, MIN } from '../support/desk-harness.ts';

/** A case escalated to an expert (jonas, the first in the directory), who holds it. */
async function withExpert(h = harness()) {
  const id = await h.open();
  const { case: c } = await h.desk.escalate({ caseId: id, actor: as('rasa') });
  return { h, id, expert: c.expertId as string };
}

describe('marking a case heavy', () => {
  it('front line marks it: on the case, in the audit log, the supervisors told privately', async () => {
    const h = harness();
    const id = await h.open();
    await h.desk.claim({ caseId: id, actor: as('tom') });
    h.clock.advance(MIN);
    const before = (await h.sent(id)).length;
    const marked = await h.desk.markHeavy({ caseId: id, actor: as('rasa'), note: '  third angry call  ' });
    expect(marked.case.heavy).toEqual({ by: 'rasa', at: h.clock.now(), note: 'third angry call', with: [] });
    expect(marked.notices.map((n) => [n.key, n.recipient, n.actions.map((a) => a.id)])).toEqual([
      ['supervisors.case_heavy', { kind: 'supervisors', teamId: 'support' }, ['pair_up', 'take_over']],
      ['staff.marked_heavy', { kind: 'person', personId: 'rasa' }, []],
    ]);
    const [toSupervisors] = marked.notices;
    expect(
      renderText('supervisors.case_heavy', { locale: 'en', timeZone: 'UTC', params: toSupervisors!.params }),
    ).toBe(
      'Rasa Jonaitė marked case #1 from Eglė as heavy: it weighs on whoever handles it. Tom Baker holds it. Their note: “third angry call”\nPair up to be with Tom Baker on it, or take it over.',
    );
    const sent = (await h.sent(id)).slice(before);
    expect(sent.filter((n) => n.recipient.kind === 'customer')).toEqual([]);
    const events = await h.store.inspect.listEvents(id);
    expect(events.at(-1)).toMatchObject({
      type: 'marked_heavy',
      actorId: 'rasa',
      data: { note: 'third angry call' },
    });
  });

  it('an expert holding it may mark it; a supervisor marking it reads only the supervisors’ copy', async () => {
    const { h, id, expert } = await withExpert();
    const byExpert = await h.desk.markHeavy({ caseId: id, actor: as(expert) });
    expect(byExpert.notices.map((n) => n.key)).toEqual(['supervisors.case_heavy', 'staff.marked_heavy']);
    const other = await h.open('Another one');
    const bySupervisor = await h.desk.markHeavy({ caseId: other, actor: as('marie') });
    expect(bySupervisor.notices.map((n) => n.key)).toEqual(['supervisors.case_heavy']);
    // Nobody holds it yet, and no note: the text says so.
    expect(
      renderText('supervisors.case_heavy', {
        locale: 'en',
        timeZone: 'UTC',
        params: bySupervisor.notices[0]!.params,
      }),
    ).toBe(
      'Marie Dubois marked case #2 from Eglė as heavy: it weighs on whoever handles it. Nobody holds it yet.\nYou can take it over.',
    );
  });

  it('refuses the customer kindly, a stranger, a finished case; marking twice is refused kindly; none writes', async () => {
    const h = harness();
    const id = await h.open();
    await expect(h.desk.markHeavy({ caseId: id, actor: as(customer.id) })).rejects.toMatchObject({
      code: 'forbidden',
      textKey: 'error.heavy_staff_only',
    });
    await expect(h.desk.markHeavy({ caseId: id, actor: as('slack:T1:U999') })).rejects.toMatchObject({
      textKey: 'error.heavy_staff_only',
    });
    await expect(h.desk.markHeavy({ caseId: id, actor: null as never })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await h.desk.markHeavy({ caseId: id, actor: as('tom') });
    const before = (await h.sent(id)).length;
    const version = (await h.desk.getCase(id))?.version;
    await expect(h.desk.markHeavy({ caseId: id, actor: as('rasa') })).rejects.toMatchObject({
      code: 'invalid_state',
      textKey: 'error.already_heavy',
      params: { number: 1, markedByName: 'Tom Baker' },
    });
    expect((await h.desk.getCase(id))?.version).toBe(version);
    expect((await h.sent(id)).length).toBe(before);
    const done = await h.open('Done soon');
    await h.desk.claim({ caseId: done, actor: as('tom') });
    await h.desk.resolve({ caseId: done, actor: as('tom'), summary: 'Fixed' });
    await expect(h.desk.markHeavy({ caseId: done, actor: as('tom') })).rejects.toMatchObject({
      textKey: 'error.invalid_state',
    });
  });

  it('takes malformed notes without a crash: not text refused, a huge one cut', async () => {
    const h = harness();
    const id = await h.open();
    await expect(
      h.desk.markHeavy({ caseId: id, actor: as('tom'), note: { evil: true } as never }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(h.desk.markHeavy({ caseId: 42 as never, actor: as('tom') })).rejects.toMatchObject({
      code: 'not_found',
    });
    const marked = await h.desk.markHeavy({ caseId: id, actor: as('tom'), note: 'x'.repeat(50_000) });
    expect(marked.case.heavy?.note).toHaveLength(1_000);
  });
});

describe('Pair up and Take over', () => {
  it('Pair up: recorded, the holder told who is with them; twice or by a non-supervisor refused', async () => {
    const { h, id, expert } = await withExpert();
    await h.desk.markHeavy({ caseId: id, actor: as('rasa') });
    const paired = await h.desk.pairUp({ caseId: id, actor: as('marie') });
    expect(paired.case.heavy?.with).toEqual(['marie']);
    expect(paired.case.ownerId).toBe(expert);
    expect(paired.notices.map((n) => [n.key, n.recipient])).toEqual([
      ['owner.paired_up', { kind: 'person', personId: expert }],
    ]);
    expect(
      renderText('owner.paired_up', { locale: 'en', timeZone: 'UTC', params: paired.notices[0]!.params }),
    ).toMatch(/^Marie Dubois is with you on #1\./);
    expect((await h.store.inspect.listEvents(id)).at(-1)).toMatchObject({
      type: 'paired_up',
      actorId: 'marie',
      data: { holder: expert },
    });
    await expect(h.desk.pairUp({ caseId: id, actor: as('marie') })).rejects.toMatchObject({
      textKey: 'error.already_paired',
    });
    await expect(h.desk.pairUp({ caseId: id, actor: as('rasa') })).rejects.toMatchObject({
      textKey: 'error.supervisors_only',
    });
    const plain = await h.open('Not heavy');
    await expect(h.desk.pairUp({ caseId: plain, actor: as('marie') })).rejects.toMatchObject({
      textKey: 'error.not_heavy',
    });
  });

  it('Take over from an expert: the supervisor holds it with the same promise; expert thanked, customer told', async () => {
    const { h, id, expert } = await withExpert();
    await h.desk.markHeavy({ caseId: id, actor: as(expert) });
    const before = await h.desk.getCase(id);
    h.clock.advance(5 * MIN);
    const taken = await h.desk.takeOver({ caseId: id, actor: as('paul') });
    expect(taken.case).toMatchObject({ ownerId: 'paul', supervisorId: 'paul', status: 'open', level: 2 });
    expect(taken.case.window?.holder).toBe('paul');
    expect(taken.case.window?.dueAt).toEqual(before?.window?.dueAt);
    expect(taken.notices.map((n) => [n.key, n.recipient.kind])).toEqual([
      ['customer.claimed', 'customer'],
      ['expert.taken_over', 'person'],
    ]);
    expect(promiseViolations(taken.case, await h.store.cases.listTimers(id))).toEqual([]);
    expect((await h.store.inspect.listEvents(id)).at(-1)).toMatchObject({
      type: 'taken_over',
      actorId: 'paul',
      data: { from: expert },
    });
    await expect(h.desk.takeOver({ caseId: id, actor: as('paul') })).rejects.toMatchObject({
      textKey: 'error.already_yours',
    });
    await expect(h.desk.takeOver({ caseId: id, actor: as(expert) })).rejects.toMatchObject({
      textKey: 'error.supervisors_only',
    });
  });

  it('Take over at the front line is a supervisor’s claim; refused while a decision is pending', async () => {
    const h = harness();
    const id = await h.open();
    await h.desk.claim({ caseId: id, actor: as('tom') });
    await h.desk.markHeavy({ caseId: id, actor: as('tom') });
    const taken = await h.desk.takeOver({ caseId: id, actor: as('marie') });
    expect(taken.case.ownerId).toBe('marie');
    expect(taken.notices.map((n) => n.key)).toEqual(['customer.claimed', 'expert.taken_over']);
    const pending = await h.open('Need a manager');
    await h.desk.askSupervisor({ caseId: pending, actor: as(customer.id) });
    await expect(h.desk.takeOver({ caseId: pending, actor: as('marie') })).rejects.toMatchObject({
      textKey: 'error.invalid_state',
    });
  });
});

describe('heavy cases in the expert choice', () => {
  it('an open heavy case counts twice in the loads the store reads', async () => {
    const { h, id, expert } = await withExpert();
    await h.desk.markHeavy({ caseId: id, actor: as(expert) });
    const [load] = await h.store.cases.expertLoad([expert]);
    expect(load).toMatchObject({ openCases: 1, heavyOpen: 1 });
  });

  it('two heavy cases in a row: the next goes to someone else (a backup), the one after comes back', async () => {
    // aiste is away: jonas is the only primary for billing, paul the backup.
    const h = harness({ config: deskConfig({ people: { aiste: { away: true } } }) });
    const experts: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      h.clock.advance(MIN);
      const { h: _, id, expert } = await withExpert(h);
      experts.push(expert);
      if (i < 2) await h.desk.markHeavy({ caseId: id, actor: as('rasa') });
    }
    expect(experts).toEqual(['jonas', 'jonas', 'paul', 'jonas']);
  });

  it('with nobody else available the person resting still gets the case', async () => {
    const h = harness({ config: deskConfig({ people: { aiste: { away: true }, paul: { away: true } } }) });
    const experts: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      h.clock.advance(MIN);
      const { id, expert } = await withExpert(h);
      experts.push(expert);
      await h.desk.markHeavy({ caseId: id, actor: as('rasa') });
    }
    expect(experts).toEqual(['jonas', 'jonas', 'jonas']);
  });
});
