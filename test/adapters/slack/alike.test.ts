// What Slack does exactly as Discord does, since both use adapters/shared (test/adapters/discord/
// alike.test.ts shows the same on Discord): the customer's buttons by the case's state, refusals
// escaped and in the reader's zone, Approve/Decline only while pending, the decision shown on every
// copy of the request, supervisors reached once each, one delivery per case at a time, a DM channel
// opened once per person, and long texts cut without breaking an escape.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, ClaimedNotice, OutboxEntry } from '../../../src/core/model.ts';
import { formatInstant } from '../../../src/core/texts/index.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  directMessage,
  eventCallback,
  selected,
  slashCommand,
  textValue,
} from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

const EGLE_DM = `D${U.egle.slice(1)}`;
const MARIE_DM = `D${U.marie.slice(1)}`;
const SAM_DM = 'D04SAM0007';
const EGLE = {
  id: `slack:T0ACME001:${U.egle}`,
  name: 'Eglė',
  locale: 'en',
  timeZone: 'Europe/Vilnius',
} as const;

const claimed = (n: OutboxEntry): ClaimedNotice => ({
  ...n,
  leaseToken: 'test',
  leaseUntil: new Date(8.64e15),
});
const ids = (call: ApiCall) => buttonsOf(call).map((b) => b.action_id.replace('ladder:', ''));

describe('Slack does as Discord does (adapters/shared)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await slackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** A case opened on the desk (its notices wait for `h.dispatch()`), in Eglė's direct messages. */
  const openCase = async (topic: string, ts = '1763899999.000100'): Promise<Case> =>
    (
      await h.desk.openCase({
        workspace: 'acme',
        audience: 'internal',
        conversation: `slack:T0ACME001:${EGLE_DM}:${ts}`,
        customer: EGLE,
        text: 'My SSO login loops back to the start page.',
        topic,
      })
    ).case;
  const posted = (channel: string, text: string) =>
    h.fake.posted((a) => a.channel === channel && textOf({ args: a }).includes(text));

  it('while a decision is pending the customer is not offered a second request, and asking again from an older message is refused in their own zone', async () => {
    await h.slack.event(eventCallback(directMessage(U.egle, 'The expense tool rejects my receipts.')));
    const ack = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === EGLE_DM);
    await h.click(U.egle, ack, 'ladder:ask_supervisor');
    const asked = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && textOf(c).includes('asked a supervisor'),
    );
    expect(ids(asked)).toEqual(['add_details', 'mark_resolved']);

    const since = h.fake.calls.length;
    await h.click(U.egle, ack, 'ladder:ask_supervisor');
    const refusal = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    const dueAt = (await h.onlyCase()).window?.dueAt.toISOString() ?? '';
    expect(refusal.args.text).toBe(
      `A supervisor is already reviewing case #1; a decision is due by ${formatInstant(dueAt, 'en', 'Europe/Vilnius')}.`,
    );
  });

  it('a refusal shows the person’s own words escaped, as a notice would', async () => {
    await h.slack.command(slashCommand(U.egle, 'C05HELPDESK', '', `${h.fake.origin}/response/1`));
    const form = await h.fake.waitFor((c) => c.method === 'views.open');
    await h.submit(U.egle, form, {
      topic: selected('<!channel> *x* @here'),
      description: textValue('Hello?'),
      urgency: selected('normal'),
    });
    const refusal = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral');
    expect(refusal.args.text).toBe(
      'We do not know the topic “&lt;!channel&gt; *x* @\u200Bhere”. Please choose one from the list.',
    );
  });

  it('an approval request delivered after it was decided carries no Approve or Decline', async () => {
    const c = await openCase('general');
    await h.desk.askSupervisor({ caseId: c.id, actor: { id: EGLE.id } });
    const approvalId = (await h.desk.getCase(c.id))?.approval?.id ?? '';
    await h.desk.decline({ caseId: c.id, actor: { id: 'marie' }, approvalId, reason: 'Not needed.' });
    await h.dispatch();
    await h.settled();
    const [request] = posted(MARIE_DM, 'Decision needed');
    expect(request).toBeDefined();
    expect(buttonsOf(request as ApiCall)).toEqual([]);
  });

  it('the decision is shown on every copy of the request, not as another message', async () => {
    const c = await openCase('access');
    await h.desk.askSupervisor({ caseId: c.id, actor: { id: EGLE.id } });
    await h.dispatch();
    await h.settled();
    const approvalId = (await h.desk.getCase(c.id))?.approval?.id ?? '';
    await h.desk.decline({ caseId: c.id, actor: { id: 'marie' }, approvalId, reason: 'Not needed.' });
    await h.dispatch();
    await h.settled();
    for (const dm of [SAM_DM, MARIE_DM]) {
      const [copy] = h.fake.posted((a) => a.channel === dm && buttonsOf({ args: a }).length > 0);
      const redrawn = h.fake.calls.filter(
        (call) => call.method === 'chat.update' && call.args.ts === copy?.reply.ts,
      );
      expect(redrawn).toHaveLength(1);
      expect(buttonsOf(redrawn[0] as ApiCall)).toEqual([]);
    }
    expect(h.fake.posted((a) => String(a.text).includes('declined by Marie Dubois'))).toEqual([]);
  });

  it('a supervisors’ notice retried after a failure reaches only the supervisor it missed; one Slack refuses does not keep the other from hearing', async () => {
    const c = await openCase('access');
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'internal_error' } },
      { when: (a) => a.channel === MARIE_DM },
    );
    await h.desk.askSupervisor({ caseId: c.id, actor: { id: EGLE.id } });
    expect((await h.dispatch()).retried).toBe(1);
    h.clock.advance(60_000);
    await h.dispatch();
    await h.settled();
    const requests = (dm: string) =>
      h.fake.posted((a) => a.channel === dm && buttonsOf({ args: a }).length > 0);
    expect(requests(SAM_DM)).toHaveLength(1);
    expect(requests(MARIE_DM)).toHaveLength(1);

    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'user_not_found' } },
      { when: (a) => a.channel === MARIE_DM, times: 5 },
    );
    const approvalId = (await h.desk.getCase(c.id))?.approval?.id ?? '';
    await h.desk.decline({ caseId: c.id, actor: { id: 'sam' }, approvalId, reason: 'Not needed.' });
    await h.desk.askSupervisor({ caseId: c.id, actor: { id: EGLE.id } });
    expect((await h.dispatch()).parked).toBe(0);
    await h.settled();
    expect(requests(SAM_DM)).toHaveLength(2);
    expect(
      h.logger.lines.some(
        (l) => l.startsWith('warn slack.supervisor_unreachable') && l.includes('person=marie'),
      ),
    ).toBe(true);
  });

  it('delivers one notice of a case at a time: two sent at once make one triage card', async () => {
    const c = await openCase('general');
    await h.desk.addNote({ caseId: c.id, actor: { id: 'rasa' }, text: 'Known SSO issue since Monday.' });
    const notices = (await h.store.inspect.listOutbox({ caseId: c.id, statuses: ['pending'] }))
      .filter((n) => n.recipient.kind === 'triage')
      .map(claimed);
    expect(notices.map((n) => n.key)).toEqual(['triage.new_case', 'triage.note']);
    const now = (await h.desk.getCase(c.id)) as Case;
    await Promise.all(notices.map((n) => h.sink.deliver(n, now)));
    const cards = h.fake.posted((a) => a.channel === TRIAGE && a.thread_ts === undefined);
    expect(cards).toHaveLength(1);
    expect(h.fake.posted((a) => a.channel === TRIAGE && a.thread_ts === cards[0]?.reply.ts)).toHaveLength(1);
  });

  it('opens a person’s DM channel once, whether the bot writes to them or answers them', async () => {
    // Rasa asks from a channel the bot is not in: her request's thread opens in her DMs.
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'not_in_channel' } },
      { when: (a) => a.channel === 'C05PRIVATE9' },
    );
    await h.slack.command(
      slashCommand(U.rasa, 'C05PRIVATE9', 'My laptop will not boot.', `${h.fake.origin}/response/1`),
    );
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === `D${U.rasa.slice(1)}`);
    // She then looks after Eglė's case: Eglė's details reach her by DM.
    const c = await openCase('general');
    await h.desk.claim({ caseId: c.id, actor: { id: 'rasa' } });
    await h.desk.addDetails({ caseId: c.id, actor: { id: EGLE.id }, text: 'It loops on Firefox only.' });
    await h.dispatch();
    await h.settled();
    expect(posted(`D${U.rasa.slice(1)}`, 'Firefox')).toHaveLength(1);
    const opens = h.fake.calls.filter(
      (call) => call.method === 'conversations.open' && call.args.users === U.rasa,
    );
    expect(opens).toHaveLength(1);
  });

  it('cuts a long text at a word, never inside an escape', async () => {
    const long = `${'Q&A about the payroll export timeout '.repeat(100)}END`;
    await h.slack.event(eventCallback(directMessage(U.egle, long)));
    const ack = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === EGLE_DM);
    const section = (ack.args.blocks as { text: { text: string } }[])[0]?.text.text ?? '';
    expect(section.length).toBeLessThanOrEqual(3000);
    expect(section).toMatch(/(Q&amp;A|about|the|payroll|export|timeout)…$/);
  });
});
