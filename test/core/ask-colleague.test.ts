// Ask a colleague: the holder (or a supervisor) asks another staff member privately; the customer
// hears nothing and the case's window, level and status stay; the colleague answers the holder or
// takes the case.
import { describe, expect, it } from 'vitest';
import { type Case, isCoreError, renderText } from '../../src/core/index.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { as, harness } from '../support/desk-harness.ts';

/** What must not move when a colleague is asked or answers. */
const promise = (c: Case) => ({
  status: c.status,
  level: c.level,
  ownerId: c.ownerId,
  dueAt: c.window?.dueAt.toISOString() ?? null,
  windowId: c.window?.id ?? null,
});

async function claimedBy(holder: string, config = deskConfig()) {
  const h = harness({ config });
  const id = await h.open();
  await h.desk.claim({ caseId: id, actor: as(holder) });
  return { h, id };
}

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    if (isCoreError(e)) return e.textKey;
    throw e;
  }
  throw new Error('not refused');
}

describe('asking a colleague', () => {
  it('tells the colleague privately with two buttons and notes it for the team; the customer hears nothing', async () => {
    const { h, id } = await claimedBy('rasa');
    const before = (await h.desk.getCase(id))!;
    const asked = await h.desk.askColleague({
      caseId: id,
      actor: as('rasa'),
      colleagueId: 'jonas',
      question: 'Is a double charge refunded automatically?',
    });
    expect(promise(asked.case)).toEqual(promise(before));
    expect(asked.case.colleagues).toEqual(['jonas']);
    expect(asked.notices.map((n) => [n.key, n.recipient.kind])).toEqual([
      ['triage.colleague_asked', 'triage'],
      ['colleague.asked', 'person'],
    ]);
    const dm = asked.notices[1]!;
    expect(dm.recipient).toEqual({ kind: 'person', personId: 'jonas' });
    expect(dm.actions.map((a) => a.id)).toEqual(['colleague_answer', 'colleague_take']);
    expect(renderText('colleague.asked', { locale: 'lt', timeZone: 'UTC', params: dm.params })).toContain(
      'Rasa Jonaitė klausia: Is a double charge refunded automatically?',
    );
    expect(asked.notices.some((n) => n.recipient.kind === 'customer')).toBe(false);
    expect((await h.store.inspect.listEvents(id)).map((e) => e.type)).toContain('colleague_asked');
  });

  it('a supervisor of the team may ask without holding the case', async () => {
    const { h, id } = await claimedBy('rasa');
    const asked = await h.desk.askColleague({
      caseId: id,
      actor: as('marie'),
      colleagueId: 'tom',
      question: '?',
    });
    expect(asked.case.colleagues).toEqual(['tom']);
  });

  it('asking the same colleague twice keeps one entry', async () => {
    const { h, id } = await claimedBy('rasa');
    await h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'tom', question: 'One' });
    const again = await h.desk.askColleague({
      caseId: id,
      actor: as('rasa'),
      colleagueId: 'tom',
      question: 'Two',
    });
    expect(again.case.colleagues).toEqual(['tom']);
  });

  it.each<[who: string, colleagueId: unknown, question: unknown, key: string]>([
    ['tom', 'jonas', 'Why?', 'error.colleague_holder_only'],
    [customer.id, 'jonas', 'Why?', 'error.colleague_holder_only'],
    ['rasa', 'rasa', 'Why?', 'error.not_a_colleague'],
    ['marie', 'rasa', 'Why?', 'error.not_a_colleague'],
    ['rasa', customer.id, 'Why?', 'error.not_a_colleague'],
    ['rasa', 'nobody', 'Why?', 'error.not_a_colleague'],
    ['rasa', '__proto__', 'Why?', 'error.not_a_colleague'],
    ['rasa', null, 'Why?', 'error.not_a_colleague'],
    ['rasa', { id: 'jonas' }, 'Why?', 'error.not_a_colleague'],
    ['rasa', 'jonas', '   ', 'error.empty_text'],
    ['rasa', 'jonas', null, 'error.empty_text'],
    ['rasa', 'jonas', 42, 'error.empty_text'],
  ])('%s asking %j %j is refused (%s), writing nothing', async (who, colleagueId, question, key) => {
    const { h, id } = await claimedBy('rasa');
    const before = (await h.desk.getCase(id))!;
    expect(
      await refusal(
        h.desk.askColleague({
          caseId: id,
          actor: as(who),
          colleagueId: colleagueId as string,
          question: question as string,
        }),
      ),
    ).toBe(key);
    expect((await h.desk.getCase(id))!.version).toBe(before.version);
  });

  it('a colleague away (directory or /support away) is refused kindly', async () => {
    const { h, id } = await claimedBy('rasa', deskConfig({ people: { tom: { away: true } } }));
    expect(
      await refusal(
        h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'tom', question: '?' }),
      ),
    ).toBe('error.colleague_away');
    await h.desk.goAway({ actor: as('jonas') });
    expect(
      await refusal(
        h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'jonas', question: '?' }),
      ),
    ).toBe('error.colleague_away');
  });

  it('a finished case is refused', async () => {
    const { h, id } = await claimedBy('rasa');
    await h.desk.resolve({ caseId: id, actor: as('rasa'), summary: 'Done' });
    expect(
      await refusal(
        h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'tom', question: '?' }),
      ),
    ).toBe('error.invalid_state');
  });
});

describe('the colleague answers through the holder', () => {
  it('the holder gets the answer privately; window, level and status stay; the customer hears nothing', async () => {
    const { h, id } = await claimedBy('rasa');
    await h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'jonas', question: 'Refund?' });
    const before = (await h.desk.getCase(id))!;
    const answered = await h.desk.answerColleague({
      caseId: id,
      actor: as('jonas'),
      text: 'Yes, within 5 days',
    });
    expect(promise(answered.case)).toEqual(promise(before));
    expect(answered.notices.map((n) => [n.key, n.recipient])).toEqual([
      ['owner.colleague_answer', { kind: 'person', personId: 'rasa' }],
    ]);
  });

  it('only a colleague asked may answer', async () => {
    const { h, id } = await claimedBy('rasa');
    expect(await refusal(h.desk.answerColleague({ caseId: id, actor: as('jonas'), text: 'Hi' }))).toBe(
      'error.not_asked',
    );
    expect(await refusal(h.desk.answerColleague({ caseId: id, actor: as(customer.id), text: 'Hi' }))).toBe(
      'error.not_asked',
    );
  });
});

describe('the colleague takes the case', () => {
  it('an expert of the topic takes it as a reassignment: the customer is told who has it and by when', async () => {
    const { h, id } = await claimedBy('rasa');
    await h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'jonas', question: 'Yours?' });
    const taken = await h.desk.takeFromColleague({ caseId: id, actor: as('jonas') });
    expect(taken.case.ownerId).toBe('jonas');
    expect(taken.case.expertId).toBe('jonas');
    expect(taken.notices.map((n) => [n.key, n.recipient.kind])).toEqual([
      ['customer.reassigned', 'customer'],
      ['expert.assigned', 'person'],
      ['owner.colleague_took', 'person'],
    ]);
  });

  it('anyone else takes the running promise as it stands', async () => {
    const { h, id } = await claimedBy('rasa');
    await h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'tom', question: 'Yours?' });
    const before = (await h.desk.getCase(id))!;
    const taken = await h.desk.takeFromColleague({ caseId: id, actor: as('tom') });
    expect(taken.case.ownerId).toBe('tom');
    expect(taken.case.window?.holder).toBe('tom');
    expect(taken.case.window?.dueAt).toEqual(before.window?.dueAt);
    expect(taken.notices.map((n) => n.key)).toEqual(['customer.claimed', 'owner.colleague_took']);
    // Taking it again is nothing to write.
    const again = await h.desk.takeFromColleague({ caseId: id, actor: as('tom') });
    expect(again.notices).toEqual([]);
  });

  it('is refused to anyone not asked, and while a supervisor’s decision is pending', async () => {
    const { h, id } = await claimedBy('rasa');
    expect(await refusal(h.desk.takeFromColleague({ caseId: id, actor: as('tom') }))).toBe('error.not_asked');
    await h.desk.askColleague({ caseId: id, actor: as('rasa'), colleagueId: 'tom', question: '?' });
    await h.desk.askSupervisor({ caseId: id, actor: as(customer.id) });
    expect(await refusal(h.desk.takeFromColleague({ caseId: id, actor: as('tom') }))).toBe(
      'error.invalid_state',
    );
  });
});
