// The whole ladder through Slack: DM intake → acknowledgement in the thread → triage card → Claim →
// Escalate → expert DM → Accept with a new time → a missed window (fake clock) → the customer asks
// for a supervisor → a non-supervisor's Approve is refused → the supervisor approves with apology and
// plan → the customer reads it → Mark resolved → rating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { directMessage, eventCallback, pickedTime, selected, textValue } from '../../fakes/slack/payloads.ts';
import {
  buttonsOf,
  postedInThread,
  type SlackHarness,
  slackHarness,
  TRIAGE,
  textOf,
  U,
} from './slack-harness.ts';

const DM = `D${U.egle.slice(1)}`;
const JONAS_DM = `D${U.jonas.slice(1)}`;
const MARIE_DM = `D${U.marie.slice(1)}`;

describe('the ladder through Slack', () => {
  let h: SlackHarness;
  let thread: string;
  let triageCard: ApiCall;
  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const inThread = (text: string) => postedInThread(DM, () => thread, text);
  const latest = (method: string, match: (c: ApiCall) => boolean = () => true) =>
    h.fake.calls.filter((c) => c.method === method && match(c)).at(-1) as ApiCall;

  it('a direct message opens a case, acknowledged in its thread by name within 3 seconds', async () => {
    const message = directMessage(U.egle, 'Hi, my October invoice charges me twice for the same licence.');
    thread = message.ts;
    const sentAt = performance.now();
    expect((await h.slack.event(eventCallback(message))).status).toBe(200);
    const ack = await h.fake.waitFor(inThread('Hello Eglė, thank you for getting in touch'), {
      what: 'the ack',
    });
    expect(ack.at - sentAt).toBeLessThan(3000);
    expect(textOf(ack)).toContain('“Hi, my October invoice charges me twice for the same licence.”');
    expect(buttonsOf(ack).map((b) => b.action_id)).toEqual([
      'ladder:add_details',
      'ladder:ask_supervisor',
      'ladder:mark_resolved',
    ]);

    triageCard = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE, {
      what: 'triage card',
    });
    expect(textOf(triageCard)).toContain('New case #1 from Eglė');
    expect(buttonsOf(triageCard).map((b) => b.action_id)).toEqual([
      'ladder:claim',
      'ladder:escalate',
      'ladder:resolve',
      'ladder:ask_supervisor',
      'ladder:mark_heavy',
      'ladder:reply',
      'ladder:ask_colleague',
      'ladder:close',
      'ladder:record_outside',
    ]);
    const c = await h.onlyCase();
    expect(c).toMatchObject({
      conversation: `slack:T0ACME001:${DM}:${thread}`,
      customer: { id: `slack:T0ACME001:${U.egle}`, name: 'Eglė' },
    });
  });

  it('the customer adds details in the thread; a note in the triage thread stays internal', async () => {
    const since = h.fake.calls.length;
    await h.slack.event(
      eventCallback(
        directMessage(U.egle, 'Invoice INV-2026-1042, both lines on 3 October.', { thread_ts: thread }),
      ),
    );
    await h.fake.waitFor(inThread('We have added your details to case #1'), { since });
    const triageTs = String(triageCard.reply.ts);
    await h.slack.event(
      eventCallback({
        ...directMessage(U.rasa, 'Looks like a double charge from the reseller import.', {
          thread_ts: triageTs,
        }),
        channel: TRIAGE,
        channel_type: 'channel',
      }),
    );
    const note = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === triageTs &&
        textOf(c).includes('Internal note'),
      { since },
    );
    expect(textOf(note)).toContain('double charge from the reseller import');
    expect(h.fake.posted((a) => a.channel === DM && String(a.text).includes('reseller'))).toHaveLength(0);
  });

  it('Claim on the triage card: the customer is told, and the card shows the owner', async () => {
    const since = h.fake.calls.length;
    expect(await h.click(U.rasa, triageCard, 'ladder:claim')).toBe(200);
    await h.fake.waitFor(inThread('Rasa Kazlauskienė is now looking after case #1'), { since });
    const update = await h.fake.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === triageCard.reply.ts,
      { since },
    );
    expect(textOf(update)).toContain('Rasa Kazlauskienė');
  });

  it('Escalate asks for the topic, then the expert gets a direct message with Accept / Cannot resolve / Reassign', async () => {
    let since = h.fake.calls.length;
    await h.click(U.rasa, triageCard, 'ladder:escalate');
    const form = await h.fake.waitFor((c) => c.method === 'views.open', { since });
    since = h.fake.calls.length;
    expect((await h.submit(U.rasa, form, { topic: selected('billing') })).status).toBe(200);
    const expertDm = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === JONAS_DM,
      { since },
    );
    expect(textOf(expertDm)).toContain('#1'); // Jonas reads Lithuanian
    expect(buttonsOf(expertDm).map((b) => b.action_id)).toEqual([
      'ladder:accept',
      'ladder:cannot_resolve',
      'ladder:reassign',
      'ladder:mark_heavy',
    ]);
    await h.fake.waitFor(inThread('Jonas Petraitis, who specialises in it, is now handling it'), { since });
    const card = await h.fake.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === triageCard.reply.ts && textOf(c).includes('Jonas'),
      { since },
    );
    expect(textOf(card)).toContain('level 2, expert');
    expect((await h.onlyCase()).expertId).toBe('jonas');
  });

  it('Accept with a new callback time: outside policy is refused in the form, within policy reaches the customer', async () => {
    const expertDm = latest('chat.postMessage', (c) => c.args.channel === JONAS_DM);
    let since = h.fake.calls.length;
    await h.click(U.jonas, expertDm, 'ladder:accept');
    const form = await h.fake.waitFor((c) => c.method === 'views.open', { since });
    const tooLate = await h.submit(U.jonas, form, { callback: pickedTime(new Date('2026-12-10T10:00:00Z')) });
    expect(JSON.parse(tooLate.body)).toMatchObject({
      response_action: 'errors',
      errors: { callback: expect.any(String) },
    });
    since = h.fake.calls.length;
    const ok = await h.submit(U.jonas, form, { callback: pickedTime(new Date('2026-11-24T14:00:00Z')) });
    expect(ok).toEqual({ status: 200, body: '' });
    await h.fake.waitFor(inThread('Jonas Petraitis needs a little more time'), { since });
    expect((await h.onlyCase()).window?.dueAt.toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });

  it('the expert answers from their direct message thread: the customer reads it in hers', async () => {
    const expertDm = h.fake.posted((a) => a.channel === JONAS_DM)[0] as ApiCall;
    expect(textOf(expertDm)).toContain('Atsakymai šioje gijoje siunčiami klientui.'); // Jonas reads Lithuanian
    const since = h.fake.calls.length;
    await h.slack.event(
      eventCallback(
        directMessage(U.jonas, 'I have asked finance to check the duplicate line.', {
          thread_ts: String(expertDm.reply.ts),
        }),
      ),
    );
    await h.fake.waitFor(inThread('I have asked finance to check the duplicate line.'), { since });
  });

  it('a missed window (fake clock, sweep) tells the customer we are still on it', async () => {
    // The answer paused the window; the customer writes again, which restarts it.
    let since = h.fake.calls.length;
    await h.slack.event(
      eventCallback(directMessage(U.egle, 'Thanks, waiting for finance then.', { thread_ts: thread })),
    );
    await h.fake.waitFor(inThread('We have added your details'), { since });
    await h.settled(); // deliveries in flight finish before the clock jumps past their leases
    const due = (await h.onlyCase()).window?.dueAt as Date;
    h.clock.set(new Date(due.getTime() + 60_000));
    const report = await h.desk.sweep();
    expect(report.missed).toBe(1);
    since = h.fake.calls.length;
    await h.dispatch();
    await h.fake.waitFor(inThread('did not give it in time'), { since });
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === JONAS_DM, { since });
  });

  it('the customer asks for a supervisor with the thread button; the supervisors get an approval card', async () => {
    const stillOnIt = latest('chat.postMessage', inThread('did not give it in time'));
    const since = h.fake.calls.length;
    await h.click(U.egle, stillOnIt, 'ladder:ask_supervisor');
    await h.fake.waitFor(inThread('we have asked a supervisor to review case #1'), { since });
    const card = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === MARIE_DM && buttonsOf(c).length > 0,
      { since },
    );
    expect(buttonsOf(card).map((b) => b.action_id)).toEqual(['ladder:approve', 'ladder:decline']);
    expect((await h.onlyCase()).status).toBe('awaiting_approval');
  });

  it('a non-supervisor clicking Approve gets a kind private refusal, and nothing changes', async () => {
    const card = latest('chat.postMessage', (c) => c.args.channel === MARIE_DM && buttonsOf(c).length > 0);
    const since = h.fake.calls.length;
    await h.click(U.tom, card, 'ladder:approve');
    const refusal = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    expect(refusal.args).toMatchObject({ user: U.tom, text: 'This action is for supervisors.' });
    expect(h.fake.calls.slice(since).some((c) => c.method === 'views.open')).toBe(false);
    expect((await h.onlyCase()).approval?.status).toBe('pending');
  });

  it('the supervisor approves: apology and plan are required, the customer reads them, every card shows the decision', async () => {
    const card = latest('chat.postMessage', (c) => c.args.channel === MARIE_DM && buttonsOf(c).length > 0);
    let since = h.fake.calls.length;
    await h.click(U.marie, card, 'ladder:approve');
    const form = await h.fake.waitFor((c) => c.method === 'views.open', { since });
    const empty = await h.submit(U.marie, form, {
      apology: textValue('  '),
      plan: textValue('Refund the duplicate today.'),
    });
    expect(JSON.parse(empty.body)).toMatchObject({
      response_action: 'errors',
      errors: { apology: expect.stringContaining('excuses') },
    });
    since = h.fake.calls.length;
    await h.submit(U.marie, form, {
      apology: textValue('I am sorry we kept you waiting past the time we promised.'),
      plan: textValue('I have refunded the duplicate charge; it shows within 3 working days.'),
    });
    const approved = await h.fake.waitFor(
      inThread('I am sorry we kept you waiting past the time we promised.'),
      { since },
    );
    expect(textOf(approved)).toContain('I have refunded the duplicate charge');
    const settled = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === card.reply.ts, {
      since,
    });
    expect(buttonsOf(settled)).toEqual([]);
    expect(textOf(settled)).toContain('Marie Dubois');
    expect(await h.onlyCase()).toMatchObject({
      level: 3,
      ownerId: 'marie',
      approval: { status: 'approved' },
    });
  });

  it('Mark resolved closes the case; the customer rates it', async () => {
    const approved = latest('chat.postMessage', inThread('I am sorry we kept you waiting'));
    let since = h.fake.calls.length;
    await h.click(U.egle, approved, 'ladder:mark_resolved');
    const closed = await h.fake.waitFor(inThread('case #1 is now closed'), { since });
    expect(buttonsOf(closed).map((b) => b.action_id)).toEqual(['ladder:rate', 'ladder:reopen']);
    since = h.fake.calls.length;
    await h.click(U.egle, closed, 'ladder:rate');
    const form = await h.fake.waitFor((c) => c.method === 'views.open', { since });
    await h.submit(U.egle, form, {
      score: selected('5'),
      comment: textValue('Quick once it reached Marie.'),
    });
    await h.fake.waitFor(inThread('We have recorded your rating of 5 out of 5'), { since });
    expect(await h.onlyCase()).toMatchObject({
      status: 'closed',
      rating: { score: 5, comment: 'Quick once it reached Marie.' },
    });
  });

  it('nothing was sent twice and nothing is left undelivered', async () => {
    await h.settled();
    const outbox = await h.store.inspect.listOutbox({});
    expect(outbox.filter((n) => n.status !== 'sent')).toEqual([]);
    // Each notice became exactly one message (the supervisors' decision redrew the card instead).
    const decided = outbox.filter((n) => n.key === 'supervisors.decided').length;
    expect(h.fake.posted().length).toBe(outbox.length - decided);
    expect(h.logger.lines.filter((l) => /^(warn|error) /.test(l))).toEqual([]);
  });
});
