// The other branches of the ladder through Slack's buttons and forms: the expert cannot resolve
// (reason form) or reassigns; a supervisor declines (reason form); a pending approval that is no
// longer needed loses its buttons; the customer reopens a closed case.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { directMessage, eventCallback, textValue } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

const JONAS_DM = `D${U.jonas.slice(1)}`;
const MARIE_DM = `D${U.marie.slice(1)}`;
const EGLE_DM = `D${U.egle.slice(1)}`;

describe('Slack decisions', () => {
  let h: SlackHarness;
  let caseId: string;
  beforeEach(async () => {
    h = await slackHarness();
    await h.slack.event(eventCallback(directMessage(U.egle, 'The expense report tool rejects my receipts.')));
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === EGLE_DM);
    caseId = (await h.onlyCase()).id;
    await h.desk.escalate({ caseId, actor: { id: 'rasa' }, topic: 'billing' });
    await h.dispatch();
    await h.settled();
  });
  afterEach(async () => {
    await h.close();
  });

  const expertCard = () =>
    h.fake.posted((a) => a.channel === JONAS_DM && buttonsOf({ args: a }).length > 0)[0] as ApiCall;
  const approvalCard = () =>
    h.fake
      .posted(
        (a) => a.channel === MARIE_DM && buttonsOf({ args: a }).some((b) => b.action_id === 'ladder:approve'),
      )
      .at(-1) as ApiCall;

  async function form(user: string, message: ApiCall, action: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.click(user, message, action);
    return h.fake.waitFor((c) => c.method === 'views.open', { since });
  }

  it('Cannot resolve asks for a reason, then a supervisor is asked; Decline asks for a reason the customer reads', async () => {
    const reasonForm = await form(U.jonas, expertCard(), 'ladder:cannot_resolve');
    const blank = await h.submit(U.jonas, reasonForm, { reason: textValue('   ') });
    expect(JSON.parse(blank.body)).toMatchObject({
      response_action: 'errors',
      errors: { reason: expect.any(String) },
    });
    let since = h.fake.calls.length;
    await h.submit(U.jonas, reasonForm, { reason: textValue('Refunds over 500 EUR need a manager.') });
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === MARIE_DM &&
        textOf(c).includes('Refunds over 500 EUR'),
      { since },
    );

    const declineForm = await form(U.marie, approvalCard(), 'ladder:decline');
    since = h.fake.calls.length;
    await h.submit(U.marie, declineForm, {
      reason: textValue('Jonas can approve this refund himself under the new policy.'),
    });
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === EGLE_DM &&
        textOf(c).includes('under the new policy'),
      { since },
    );
    const settled = await h.fake.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === approvalCard().reply.ts,
      { since },
    );
    expect(buttonsOf(settled)).toEqual([]);
    expect(textOf(settled)).toContain('declined by Marie Dubois');
    expect(await h.onlyCase()).toMatchObject({
      level: 2,
      ownerId: 'jonas',
      approval: { status: 'declined' },
    });
  });

  it('a second click on a decided approval is answered kindly and changes nothing', async () => {
    await h.desk.askSupervisor({ caseId, actor: { id: 'jonas' } });
    await h.dispatch();
    await h.settled();
    const card = approvalCard();
    const decided = 'Une décision a déjà été prise sur cette escalade ; il n’y a plus rien à faire ici.';
    // A form opened while the approval waited, submitted after someone else decided: refused in it.
    const opened = await form(U.marie, card, 'ladder:approve');
    const approvalId = (await h.onlyCase()).approval?.id as string;
    await h.desk.decline({ caseId, actor: { id: 'marie' }, approvalId, reason: 'Not needed.' });
    await h.dispatch();
    await h.settled();
    const res = await h.submit(U.marie, opened, { apology: textValue('Sorry.'), plan: textValue('Refund.') });
    expect(JSON.parse(res.body)).toMatchObject({
      response_action: 'errors',
      errors: {
        apology: decided,
      },
    });
    // Approve clicked after the decision: told at once, privately, and no form opens (as on Discord).
    const since = h.fake.calls.length;
    await h.click(U.marie, card, 'ladder:approve');
    const refusal = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    expect(refusal.args).toMatchObject({ user: U.marie, text: decided });
    expect(h.fake.calls.slice(since).some((c) => c.method === 'views.open')).toBe(false);
    expect((await h.onlyCase()).approval?.status).toBe('declined');
  });

  it('an approval no longer needed (the case was resolved meanwhile) loses its buttons on every copy', async () => {
    await h.desk.askSupervisor({ caseId, actor: { id: `slack:T0ACME001:${U.egle}` } });
    await h.dispatch();
    await h.settled();
    const card = approvalCard();
    const since = h.fake.calls.length;
    await h.desk.resolve({
      caseId,
      actor: { id: 'jonas' },
      summary: 'Receipts accepted after the tool update.',
    });
    await h.dispatch();
    const settled = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === card.reply.ts, {
      since,
    });
    expect(buttonsOf(settled)).toEqual([]);
    expect(textOf(settled)).toContain('No decision is needed any more: case #1 is resolved.');
  });

  it('Reassign hands the case to the other billing expert; the customer reopens a closed case', async () => {
    let since = h.fake.calls.length;
    await h.click(U.jonas, expertCard(), 'ladder:reassign');
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === EGLE_DM &&
        textOf(c).includes('is now with Aistė Jankauskaitė'),
      { since },
    );
    expect((await h.onlyCase()).expertId).toBe('aiste');

    await h.desk.close({ caseId, actor: { id: `slack:T0ACME001:${U.egle}` } });
    await h.dispatch();
    const closed = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && textOf(c).includes('is now closed'),
      { since },
    );
    since = h.fake.calls.length;
    await h.click(U.egle, closed, 'ladder:reopen');
    await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && textOf(c).includes('case #1 is open again'),
      { since },
    );
    expect((await h.onlyCase()).status).not.toBe('closed');
  });

  it('with two supervisors, both get the card; one decides and both copies show it', async () => {
    const second = await h.desk.openCase({
      workspace: 'acme',
      audience: 'internal',
      conversation: `slack:T0ACME001:${EGLE_DM}:1763899999.000100`,
      customer: { id: `slack:T0ACME001:${U.egle}`, name: 'Eglė', locale: 'en', timeZone: 'Europe/Vilnius' },
      text: 'My SSO login loops back to the start page.',
      topic: 'access',
    });
    await h.desk.askSupervisor({ caseId: second.case.id, actor: { id: `slack:T0ACME001:${U.egle}` } });
    await h.dispatch();
    await h.settled();
    const isCard = (a: Record<string, unknown>) =>
      buttonsOf({ args: a }).some((b) => b.action_id === 'ladder:approve');
    const copies = h.fake.posted((a) => isCard(a) && String(a.text).includes('#2'));
    expect(copies.map((c) => c.args.channel).sort()).toEqual([MARIE_DM, `D${'U04SAM0007'.slice(1)}`].sort());
    const since = h.fake.calls.length;
    const opened = await form(U.marie, copies[0] as ApiCall, 'ladder:approve');
    await h.submit(U.marie, opened, {
      apology: textValue('I am sorry the login problem has cost you a morning.'),
      plan: textValue('I have asked identity to reset your SSO session now.'),
    });
    for (const copy of copies) {
      const redrawn = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === copy.reply.ts, {
        since,
      });
      expect(buttonsOf(redrawn)).toEqual([]);
      expect(textOf(redrawn)).toContain('approved by Marie Dubois');
    }
  });

  it('someone else clicking the customer’s buttons is refused privately', async () => {
    const ack = h.fake.posted((a) => a.channel === EGLE_DM)[0] as ApiCall;
    const since = h.fake.calls.length;
    await h.click(U.petras, ack, 'ladder:mark_resolved');
    const refusal = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    expect(refusal.args).toMatchObject({ user: U.petras, channel: EGLE_DM });
    expect((await h.onlyCase()).status).toBe('waiting_on_expert');
  });
});
