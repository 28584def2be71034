// Role-play over HTTP (app.request): each scenario started from the picker resets the playground
// (a new store, the clock at the start), casts the panes, plays the customer's script as the
// trainee acts, and ticks its checklist from the case's trail or the trainee's own ticks, in the
// language of the playground's switch. Malformed posts to the role-play forms are refused kindly.
import { describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '../../src/core/model.ts';
import { SCENARIOS } from '../../src/playground/roleplay/scenarios.ts';
import { eachTest, type Session, start, type TestPlayground, unescape } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

const ok = { kind: 'ok', text: 'Done.' };

async function begin(id: string) {
  const said = await s.act('/roleplay/start', { scenario: id });
  expect(said?.kind).toBe('ok');
  return said;
}

/** The one case of the scenario. */
async function theCase(): Promise<Case> {
  const all = await pg.desk.listCases({ limit: 10 });
  expect(all).toHaveLength(1);
  return all[0] as Case;
}

const events = async (c: Case): Promise<CaseEvent[]> => pg.store.inspect.listEvents(c.id);
const customerWrote = async (c: Case) =>
  (await events(c)).filter((e) => e.type === 'details_added' && e.actorId === c.customer.id).length;

/** Each checklist item's state on the page: `ticked` or `open`, by id. */
async function checklist(): Promise<Record<string, string>> {
  const html = await s.page();
  const items: Record<string, string> = {};
  for (const m of html.matchAll(/<li data-item="([^"]+)" data-auto="(?:true|false)" data-state="(\w+)"/g))
    items[m[1] ?? ''] = m[2] ?? '';
  return items;
}

const tick = (item: string) => s.post('/roleplay/tick', { item });
const act = (pane: string, form: string, caseId: string, fields: Record<string, string> = {}) =>
  s.act('/act', { form, pane, caseId, ...fields });

describe('the picker', () => {
  it('lists every scenario and free play; with none started, no checklist shows', async () => {
    const html = await s.page();
    expect(html).toContain('id="roleplay"');
    for (const scenario of SCENARIOS) expect(html).toContain(`<option value="${scenario.id}"`);
    expect(html).not.toContain('data-scenario=');
    expect(await checklist()).toEqual({});
  });

  it('starts afresh: a new store and the clock back at the start', async () => {
    await s.act('/act', { form: 'open', pane: 'customer', text: 'Free play case.', topic: 'billing' });
    await s.act('/clock', { by: '1h' });
    const before = pg.store;
    expect(await pg.desk.listCases({ limit: 10 })).toHaveLength(1);
    expect(pg.clock.now().getTime()).toBe(start.getTime() + 3_600_000);

    expect(await begin('')).toEqual({ kind: 'ok', text: 'The playground starts afresh: nothing in it yet.' });
    expect(pg.store).not.toBe(before);
    expect(await pg.desk.listCases({ limit: 10 })).toEqual([]);
    expect(pg.clock.now().getTime()).toBe(start.getTime());
    expect(pg.runner).toBeNull();
  });

  it('refuses an unknown scenario, a missing or odd field, and an unknown tick, kindly', async () => {
    const unknown = { kind: 'error', text: 'There is no such scenario. Please pick one from the list.' };
    expect(await s.act('/roleplay/start', { scenario: 'nope' })).toEqual(unknown);
    expect(await s.act('/roleplay/start', 'scenario=a&scenario=b')).toEqual(unknown);
    expect(await s.act('/roleplay/start', { scenario: 'x'.repeat(50_000) })).toEqual(unknown);
    expect(await s.act('/roleplay/start', '%%%')).toEqual({
      kind: 'ok',
      text: 'The playground starts afresh: nothing in it yet.',
    });
    expect((await s.act('/roleplay/tick', { item: 'greet' }))?.kind).toBe('error'); // no scenario
    await begin('angry-customer');
    expect((await s.act('/roleplay/tick', { item: 'greet' }))?.kind).toBe('error'); // automatic
    expect((await s.act('/roleplay/tick', {}))?.kind).toBe('error');
    expect((await s.act('/roleplay/tick', { item: 'nope' }))?.kind).toBe('error');
    expect(await checklist()).toEqual({
      greet: 'open',
      'in-time': 'open',
      'no-arguing': 'open',
      'by-when': 'open',
      summary: 'open',
    });
  });

  it('shows the brief and the checklist in the playground’s language', async () => {
    await s.get('/lang/lt');
    const said = await begin('apology-level-3');
    expect(said?.text).toBe(
      'Vaidmenų žaidimas „Atsiprašymas 3 lygyje“ pradėtas. Perskaitykite užduotį ir vaidinkite savo skiltį.',
    );
    const lt = unescape(await s.page());
    expect(lt).toContain('Jūs – Marie, vadovė.');
    expect(lt).toContain('Parašyti, kas bus padaryta be paties pataisymo');
    expect((await theCase()).words).toBe(
      'Rašau jau trečią kartą: vis dar negaliu prisijungti po jūsų atsiųsto slaptažodžio atkūrimo.',
    );
    await s.get('/lang/fr');
    const fr = unescape(await s.page());
    expect(fr).toContain('Vous êtes Marie, la superviseure.');
    expect(fr).toContain('Écrire ce qui sera fait au-delà de la correction');
  });
});

describe('the scenarios', () => {
  it('an angry customer: rude words as the trainee takes the case, calm answers tick the list', async () => {
    await begin('angry-customer');
    const c = await theCase();
    expect(c.customer.id).toBe('playground:alex');
    expect(c.topic).toBe('general');
    // The panes are cast: Alex, Tom on the front line, Marie.
    expect(s.jar.get('playground_customer')).toBe('alex');
    expect(s.jar.get('playground_staff')).toBe('tom');
    expect(await customerWrote(c)).toBe(0);

    expect(await act('staff', 'claim', c.id)).toEqual(ok);
    // The rude message played: in the case, or refused by the desk (an abuse shield may hold
    // such words back) and logged; either way, once.
    const refusedSteps = () =>
      pg.logger.lines.filter((l) => l.includes('playground.roleplay_step_refused')).length;
    expect((await customerWrote(c)) + refusedSteps()).toBe(1);
    expect(await checklist()).toMatchObject({ greet: 'open', 'in-time': 'open' });

    expect(await act('staff', 'reply', c.id, { text: 'Hello Alex, I am sorry: I see two charges.' })).toEqual(
      ok,
    );
    expect((await customerWrote(c)) + refusedSteps()).toBe(2);
    expect(await checklist()).toMatchObject({ greet: 'ticked', 'in-time': 'ticked', summary: 'open' });

    expect(
      await act('staff', 'resolve', c.id, { summary: 'The second charge is refunded by Wednesday.' }),
    ).toEqual(ok);
    expect(await checklist()).toMatchObject({ summary: 'ticked', 'no-arguing': 'open' });
    await tick('no-arguing');
    await tick('by-when');
    expect(await checklist()).toEqual({
      greet: 'ticked',
      'in-time': 'ticked',
      'no-arguing': 'ticked',
      'by-when': 'ticked',
      summary: 'ticked',
    });
    expect(await s.page()).toContain('Every item is ticked: well done.');
    // A second click unticks.
    await tick('by-when');
    expect((await checklist())['by-when']).toBe('open');
    expect((await customerWrote(c)) + refusedSteps()).toBe(2); // the script played each step once
  });

  it('a missed window: the trainee moves the clock, sees the reminder, the miss and the supervisor', async () => {
    await begin('missed-window');
    const c = await theCase();
    expect(c.priority).toBe('urgent');
    expect(s.jar.get('playground_staff')).toBe('rasa');
    expect(await act('staff', 'claim', c.id)).toEqual(ok);
    expect(await act('staff', 'escalate', c.id, { topic: 'billing' })).toEqual(ok);
    expect(await checklist()).toMatchObject({ 'to-expert': 'ticked', reminder: 'open', escalation: 'open' });

    for (let i = 0; i < 10 && (await pg.desk.getCase(c.id))?.status !== 'awaiting_approval'; i++)
      await s.act('/clock', { by: 'next' });
    expect((await pg.desk.getCase(c.id))?.status).toBe('awaiting_approval');
    expect(await checklist()).toMatchObject({ reminder: 'ticked', escalation: 'ticked' });
    // The customer wrote once the window was missed.
    expect(await customerWrote(c)).toBe(1);
    expect((await checklist())['write-after-miss']).toBe('open');
    expect(
      await act('staff', 'reply', c.id, {
        text: 'Eglė, the expert missed our hour; my supervisor has it now.',
      }),
    ).toEqual(ok);
    await tick('no-blame');
    expect(Object.values(await checklist())).toEqual(['ticked', 'ticked', 'ticked', 'ticked', 'ticked']);
  });

  it('an apology at level 3: the customer asks for a supervisor at once; the supervisor approves', async () => {
    await begin('apology-level-3');
    const c = await theCase();
    expect(c.status).toBe('awaiting_approval');
    expect(c.approval?.requestedByRole).toBe('customer');
    expect(s.jar.get('playground_supervisor')).toBe('marie');
    const approvalId = c.approval?.id ?? '';

    // An approval without an apology and a plan is refused: nothing ticks, the script waits.
    expect((await act('supervisor', 'approve', c.id, { approvalId, apology: ' ', plan: '' }))?.kind).toBe(
      'error',
    );
    expect(await checklist()).toMatchObject({ apology: 'open', plan: 'open', 'follow-up': 'open' });
    expect(await customerWrote(c)).toBe(0);

    expect(
      await act('supervisor', 'approve', c.id, {
        approvalId,
        apology: 'I am sorry: three messages and two weeks without a working login.',
        plan: 'Sam resets your account today, and we now test every reset link before sending it.',
      }),
    ).toEqual(ok);
    expect(await customerWrote(c)).toBe(1); // "So what happens if it breaks again next week?"
    expect(await checklist()).toMatchObject({ apology: 'ticked', plan: 'ticked', 'follow-up': 'open' });
    expect(await customerWrote(c)).toBe(1); // the script's message plays once
    expect(
      await act('supervisor', 'reply', c.id, { text: 'If it breaks again, write to me directly.' }),
    ).toEqual(ok);
    await tick('specific');
    expect(Object.values(await checklist()).every((v) => v === 'ticked')).toBe(true);
  });

  it('a customer going outside: an hour after the claim he says so; the trainee records it', async () => {
    await begin('customer-outside');
    const c = await theCase();
    expect(await act('staff', 'claim', c.id)).toEqual(ok);
    // The script moved the clock an hour, then the customer wrote.
    expect(pg.clock.now().getTime()).toBe(start.getTime() + 3_600_000);
    expect(await customerWrote(c)).toBe(1);
    expect(await checklist()).toMatchObject({ record: 'open', note: 'open', 'answer-here': 'open' });

    // An answer before the outside contact is recorded does not count as answering after it.
    expect(await act('staff', 'reply', c.id, { text: 'Looking at your lock now.' })).toEqual(ok);
    expect(
      await act('staff', 'record_outside', c.id, { channel: 'email to the CEO; LinkedIn', note: '' }),
    ).toEqual(ok);
    expect(await checklist()).toMatchObject({ record: 'ticked', note: 'open', 'answer-here': 'open' });
    expect(
      await act('staff', 'record_outside', c.id, {
        channel: 'LinkedIn',
        note: 'Public post about the lock; CEO forwarded it to us.',
      }),
    ).toEqual(ok);
    expect(
      await act('staff', 'reply', c.id, {
        text: 'Alex, your account is unlocked. We are adding an alert so a lock never lasts a morning again.',
      }),
    ).toEqual(ok);
    await tick('beyond-fix');
    await tick('no-threat');
    expect(Object.values(await checklist()).every((v) => v === 'ticked')).toBe(true);
  });
});
