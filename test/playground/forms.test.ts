// Every form of the playground over HTTP (app.request): each one valid, the desk's refusal when the
// pane's person may not, and malformed posts (missing fields, huge text, unknown case, strange
// bodies). No post answers 5xx; each leaves a kind message for the pane.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import { eachTest, type Session, type TestPlayground } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

async function newest(): Promise<Case> {
  const [c] = await pg.desk.listCases({ newestFirst: true, limit: 1 });
  if (!c) throw new Error('no case');
  return c;
}

async function open(text = 'I was charged twice for November.', topic = 'billing', priority = 'normal') {
  const said = await s.act('/act', { form: 'open', pane: 'customer', text, topic, priority });
  expect(said).toEqual({ kind: 'ok', text: expect.stringMatching(/^Case #\d+ is open\.$/) });
  return newest();
}

const act = (pane: string, form: string, caseId: string, fields: Record<string, string> = {}) =>
  s.act('/act', { form, pane, caseId, ...fields });
const ok = { kind: 'ok', text: 'Done.' };
const refused = (text: string | RegExp) => ({
  kind: 'error',
  text: typeof text === 'string' ? text : expect.stringMatching(text),
});

describe('each form, valid', () => {
  it('the customer, the front line, the expert and the supervisor climb the ladder', async () => {
    await s.playAs('customer', 'alex');
    const c = await open();
    expect(c.customer.id).toBe('playground:alex');
    expect(await act('customer', 'write', c.id, { text: 'Order ACME-1234.' })).toEqual(ok);
    expect(await act('customer', 'add_details', c.id, { text: 'Both on 3 November.' })).toEqual(ok);

    await s.playAs('staff', 'tom');
    expect(await act('staff', 'claim', c.id)).toEqual(ok);
    expect(await act('staff', 'reply', c.id, { text: 'Which card?', question: '1' })).toEqual(ok);
    expect((await pg.desk.getCase(c.id))?.status).toBe('waiting_on_customer');
    expect(await act('customer', 'write', c.id, { text: 'The Visa one.' })).toEqual(ok);
    expect(await act('staff', 'reply', c.id, { text: 'Thank you, looking now.' })).toEqual(ok);
    expect(await act('staff', 'note', c.id, { text: 'Looks like a double capture.' })).toEqual(ok);
    expect(await act('staff', 'escalate', c.id, { topic: 'billing' })).toEqual(ok);
    const expert = (await pg.desk.getCase(c.id))?.expertId ?? '';
    expect(expert).toBe('jonas');

    await s.playAs('staff', expert);
    expect(await act('staff', 'accept', c.id, { callbackBy: '2026-11-23T15:30' })).toEqual(ok);
    expect((await pg.desk.getCase(c.id))?.window?.dueAt.toISOString()).toBe('2026-11-23T13:30:00.000Z');
    expect(await act('staff', 'reassign', c.id, { to: '' })).toEqual(ok);
    const second = (await pg.desk.getCase(c.id))?.expertId ?? '';
    expect(second).not.toBe(expert);
    await s.playAs('staff', second);
    expect(await act('staff', 'cannot_resolve', c.id, { reason: 'Needs a refund approval.' })).toEqual(ok);
    const asked = await pg.desk.getCase(c.id);
    expect(asked?.approval?.status).toBe('pending');

    await s.playAs('supervisor', 'marie');
    const approvalId = asked?.approval?.id ?? '';
    expect(
      await act('supervisor', 'decline', c.id, { approvalId, reason: 'The expert can refund.' }),
    ).toEqual(ok);
    expect(await act('customer', 'ask_supervisor', c.id, { reason: 'Still nothing.' })).toEqual(ok);
    const again = (await pg.desk.getCase(c.id))?.approval?.id ?? '';
    expect(
      await act('supervisor', 'approve', c.id, {
        approvalId: again,
        apology: 'I am sorry for the wait.',
        plan: 'I refund it myself today.',
      }),
    ).toEqual(ok);
    expect(await act('supervisor', 'reassign', c.id, { to: 'jonas' })).toEqual(ok);
    expect(
      await act('supervisor', 'record_outside', c.id, { channel: 'email', note: 'Wrote to the CEO.' }),
    ).toEqual(ok);
    expect(await act('supervisor', 'resolve', c.id, { summary: 'Refunded 49 EUR.' })).toEqual(ok);
    expect(await act('customer', 'confirm', c.id)).toEqual(ok);
    expect(await act('customer', 'rate', c.id, { score: '4', comment: 'Slow, but kind.' })).toEqual(ok);
    const done = await pg.desk.getCase(c.id);
    expect(done?.status).toBe('closed');
    expect(done?.rating).toEqual({ score: 4, comment: 'Slow, but kind.' });
    expect(done?.level).toBe(4);
  });

  it('the customer marks a case resolved, reopens it, and a supervisor closes it', async () => {
    const c = await open('The printer jams.', 'general');
    expect(await act('customer', 'mark_resolved', c.id)).toEqual(ok);
    expect(await act('customer', 'reopen', c.id)).toEqual(ok);
    expect((await pg.desk.getCase(c.id))?.status).toBe('open');
    await s.playAs('supervisor', 'marie');
    expect(await act('supervisor', 'close', c.id)).toEqual(ok);
    expect((await pg.desk.getCase(c.id))?.status).toBe('closed');
  });

  it('each pane lists what its person received, in the language chosen, with their controls', async () => {
    await s.playAs('customer', 'egle');
    const c = await open('Sąskaita dviguba.', 'billing');
    await s.playAs('staff', 'rasa');
    let page = await s.page();
    expect(page).toContain('data-key="customer.ack"');
    expect(page).toContain('data-key="triage.new_case"');
    expect(page).toMatch(new RegExp(`data-form="claim" data-case="${c.number}"`));
    expect(page).toContain('Hello Eglė');
    await s.get('/lang/fr');
    page = await s.page();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Bonjour Eglė');
    expect(page).toContain('Bac à sable Ladder');
    await s.get('/lang/lt');
    expect(await s.page()).toContain('Imituojamas laikas');
  });
});

describe('the clock', () => {
  it('advances 15 minutes, an hour, and to the next deadline, sweeping on the way', async () => {
    const started = pg.clock.now().getTime();
    expect((await s.act('/clock', { by: 'next' }))?.text).toBe('No deadline is pending.');
    expect((await s.act('/clock', { by: '15m' }))?.kind).toBe('ok');
    expect(pg.clock.now().getTime() - started).toBe(15 * 60_000);
    expect((await s.act('/clock', { by: '1h' }))?.kind).toBe('ok');
    expect(pg.clock.now().getTime() - started).toBe(75 * 60_000);
    const c = await open('Urgent: I cannot log in.', 'access', 'urgent');
    const due = c.window?.dueAt.getTime() ?? 0;
    while (((await pg.desk.getCase(c.id))?.misses ?? 0) === 0) await s.act('/clock', { by: 'next' });
    expect(pg.clock.now().getTime()).toBe(due);
    const missed = await pg.desk.getCase(c.id);
    expect(missed?.approval?.status).toBe('pending');
    await s.playAs('supervisor', 'sam');
    expect(await s.page()).toMatch(/data-key="supervisors\.approval_requested/);
  });

  it('handles each timer at its own time within a step, not at the step’s end', async () => {
    const c = await open('Urgent: the VPN is down.', 'access', 'urgent'); // first response in 1 h
    const due = c.window?.dueAt.toISOString() ?? '';
    await s.act('/clock', { by: '1h' });
    await s.act('/clock', { by: '1h' });
    const trail = (await pg.store.reports.timeline(c.id))?.events ?? [];
    const firstResponse = trail.flatMap((e) =>
      (e.type === 'window_nudged' || e.type === 'window_missed') && e.data.window === 'first_response'
        ? [{ type: e.type, at: e.at.toISOString() }]
        : [],
    );
    // The miss at the promised instant (not at the end of the hour), the nudges before it.
    expect(firstResponse).toContainEqual({ type: 'window_missed', at: due });
    expect(firstResponse.filter((e) => e.type === 'window_nudged').length).toBeGreaterThan(0);
    for (const e of firstResponse) expect(e.at <= due).toBe(true);
  });

  it('refuses an unknown step kindly', async () => {
    expect(await s.act('/clock', { by: 'forever' })).toEqual({
      kind: 'error',
      text: 'That form is not one the playground knows. Please use the buttons on the page.',
    });
  });
});

describe('the wrong person', () => {
  it('is told kindly why not, and nothing changes', async () => {
    const c = await open();
    await s.playAs('staff', 'rasa');
    await act('staff', 'claim', c.id);
    expect(await act('customer', 'claim', c.id)).toEqual(refused(/^This action is for/));
    expect(await act('staff', 'approve', c.id, { approvalId: 'x', apology: 'a', plan: 'b' })).toEqual(
      refused('This action is for supervisors.'),
    );
    await s.playAs('supervisor', 'sam'); // supervises Account Access, not billing's team
    expect(await act('supervisor', 'close', c.id)).toEqual(refused(/^This action is for/));
    expect(await act('customer', 'rate', c.id, { score: '5' })).toEqual(
      refused(/^That is not possible at this stage of the case/),
    );
    expect(await act('staff', 'accept', c.id)).toEqual(refused(/^This action is for/));
    await s.playAs('customer', 'camille');
    expect(await act('customer', 'write', c.id, { text: 'Not my case' })).toEqual(
      refused(/^This action is for/),
    );
    expect((await pg.desk.getCase(c.id))?.ownerId).toBe('rasa');
  });
});

describe('malformed posts', () => {
  const huge = 'x'.repeat(5_000);

  it('missing or unknown fields get a kind message, never a 5xx', async () => {
    const c = await open();
    await s.playAs('staff', 'tom');
    const unknownForm = 'That form is not one the playground knows. Please use the buttons on the page.';
    const noCase = 'That case could not be found. Please use the buttons on the page.';
    expect(await s.act('/act', {})).toEqual(refused(unknownForm));
    expect(await s.act('/act', { form: 'launch_rockets', pane: 'staff', caseId: c.id })).toEqual(
      refused(unknownForm),
    );
    expect(await s.act('/act', { form: 'claim', pane: 'staff' })).toEqual(refused(noCase));
    expect(await act('staff', 'claim', 'no-such-case')).toEqual(refused(noCase));
    expect(await act('staff', 'reply', c.id)).toEqual(
      refused('The message looks empty. Please write something and try again.'),
    );
    expect(await act('customer', 'rate', c.id, { score: 'lots' })).toEqual(refused(/rating|not possible/));
    expect(await act('customer', 'open', c.id)).toEqual(refused(/^The message looks empty/));
    expect(await act('staff', 'open', c.id, { text: 'hi' })).toEqual(refused(unknownForm));
    expect(await act('staff', 'escalate', c.id, { topic: 'astrology' })).toEqual(refused(/astrology/));
    await act('staff', 'claim', c.id);
    await act('staff', 'escalate', c.id, { topic: 'billing' });
    await s.playAs('staff', 'jonas');
    expect(await act('staff', 'accept', c.id, { callbackBy: 'next tuesday-ish' })).toEqual(
      refused('That time could not be read. Please choose a date and time again.'),
    );
    expect(await act('staff', 'accept', c.id, { callbackBy: '2027-06-01T12:00' })).toEqual(
      refused(/^That is later than our policy allows/),
    );
    await act('customer', 'ask_supervisor', c.id);
    await s.playAs('supervisor', 'marie');
    expect(
      await act('supervisor', 'approve', c.id, { approvalId: 'someone-else', apology: 'a', plan: 'b' }),
    ).toEqual(refused(/already been decided|could not find/));
    const approvalId = (await pg.desk.getCase(c.id))?.approval?.id ?? '';
    expect(await act('supervisor', 'approve', c.id, { approvalId })).toEqual(
      refused('Please write both an apology and what will be done: the customer will see both.'),
    );
    expect(await s.act('/settings', { pane: 'staff', person: 'mallory' })).toEqual(refused(unknownForm));
    expect(await s.act('/settings', { pane: 'janitor', person: 'tom' })).toEqual(refused(unknownForm));
    expect(await s.act('/act', { form: 'claim', pane: 'janitor', caseId: c.id })).toEqual(
      refused(unknownForm),
    );
  });

  it('huge text is refused before the desk, and a body past the limit is not read', async () => {
    const c = await open();
    expect(await act('customer', 'write', c.id, { text: huge })).toEqual(
      refused('That text is too long: please keep it under 4000 characters.'),
    );
    expect(await s.act('/act', { form: 'open', pane: 'customer', text: huge })).toEqual(refused(/too long/));
    expect(await act('customer', 'write', c.id, { text: 'y'.repeat(200_000) })).toEqual(
      refused('That was far too much text to send at once. Please write less.'),
    );
    expect((await pg.desk.listCases({})).length).toBe(1);
  });

  it('bodies that are not forms, and strange cookies', async () => {
    const json = await pg.app.request('/act', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"form":"claim"',
    });
    expect(json.status).toBe(303);
    const multipart = new FormData();
    multipart.set('form', 'write');
    multipart.set('pane', 'customer');
    multipart.set('caseId', new Blob(['x']), 'case.txt');
    expect((await pg.app.request('/act', { method: 'POST', body: multipart })).status).toBe(303);
    const odd = await pg.app.request('/', {
      headers: { cookie: 'playground_flash=%7Bnot-json; playground_lang=xx; playground_staff=nobody' },
    });
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('<html lang="en">');
    const missing = await pg.app.request('/nowhere');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('There is nothing at this address');
  });
});
