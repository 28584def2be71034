// The answer bank on Slack, through the real Bolt against the fake Slack: a new case's triage card
// shows the closest past answer with "Send this answer" (sent as the staff answer, the entry
// recorded); the acknowledgement offers it to the customer when the audience's threshold is met,
// with "This solved it" (the case closes, the entry recorded); the Reply form's "Reusable" box puts
// an answer into the bank. Unknown entries and malformed values are refused or left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { buttonClick, directMessage, eventCallback, textValue, ticked } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

const EGLE_DM = `D${U.egle.slice(1)}`;
const PAST = 'Forget the office Wi-Fi network on the laptop, then join it again with your password.';

/** A harness whose internal customers are offered answers covering 30 % of their words. */
async function withBank(threshold: number | 'off'): Promise<{ h: SlackHarness; entryId: string }> {
  const h = await slackHarness(
    {},
    () => {},
    (config) => ({
      ...config,
      answerBank: {
        suggestToCustomers: { internal: threshold === 'off' ? null : threshold, community: 0.6 },
      },
    }),
  );
  // An earlier case whose answer staff marked reusable.
  const earlier = await h.desk.openCase({
    workspace: 'acme',
    audience: 'internal',
    conversation: `slack:T0ACME001:${EGLE_DM}:1763800000.000100`,
    customer: { id: `slack:T0ACME001:${U.egle}`, name: 'Eglė', locale: 'en', timeZone: 'Europe/Vilnius' },
    text: 'Wi-Fi drops on my laptop in the office',
  });
  await h.desk.answer({ caseId: earlier.case.id, actor: { id: 'rasa' }, text: PAST, reusable: true });
  await h.desk.close({ caseId: earlier.case.id, actor: { id: 'paul' } }).catch(() => {});
  await h.dispatch();
  await h.settled();
  const [entry] = await h.store.answers.list({ limit: 1 });
  if (!entry) throw new Error('the earlier answer did not become an entry');
  return { h, entryId: entry.id };
}

describe('Slack: the answer bank', () => {
  let h: SlackHarness;
  let entryId = '';
  let card: ApiCall;
  let ack: ApiCall;
  let thread = '';
  beforeEach(async () => {
    ({ h, entryId } = await withBank(0.3));
    const since = h.fake.calls.length;
    const message = directMessage(U.egle, 'My laptop will not connect to the office Wi-Fi.');
    thread = message.ts;
    await h.slack.event(eventCallback(message));
    card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE, {
      since,
      what: 'the triage card',
    });
    ack = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === EGLE_DM && c.args.thread_ts === thread,
      { since, what: 'the acknowledgement' },
    );
    await h.settled();
  });
  afterEach(async () => {
    await h.close();
  });

  const newCase = async () => {
    const found = await h.desk.findCaseByConversation(`slack:T0ACME001:${EGLE_DM}:${thread}`);
    if (!found) throw new Error('no case');
    return found;
  };
  const eventsOf = async (type: string) =>
    (await h.store.inspect.listEvents((await newCase()).id)).filter((e) => e.type === type);

  it('the triage card shows the past answer with "Send this answer", which answers the customer with it', async () => {
    expect(textOf(card)).toContain('Past answers like this one');
    expect(textOf(card)).toContain('Forget the office Wi-Fi network');
    const send = buttonsOf(card).find((b) => b.action_id === 'ladder:send_answer');
    expect(send?.text).toBe('Send this answer');
    expect(JSON.parse(send?.value ?? '{}')).toMatchObject({ a: entryId });

    const since = h.fake.calls.length;
    await h.click(U.rasa, card, 'ladder:send_answer');
    await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === thread && textOf(c).includes(PAST),
      { since, what: 'the answer in the customer’s thread' },
    );
    expect((await eventsOf('answered')).map((e) => e.data)).toEqual([{ text: PAST, fromAnswer: entryId }]);
    expect(await newCase()).toMatchObject({ status: 'waiting_on_customer', ownerId: 'rasa' });
  });

  it('the acknowledgement offers it to the customer; "This solved it" closes the case', async () => {
    expect(textOf(ack)).toContain('Answers that helped others');
    await h.click(U.egle, ack, 'ladder:solved_it');
    await h.settled();
    expect(await newCase()).toMatchObject({ status: 'closed' });
    expect((await eventsOf('closed')).map((e) => e.data)).toEqual([{ fromAnswer: entryId }]);
  });

  it('"Send this answer" for an entry retired since is refused privately, and writes nothing', async () => {
    await h.store.answers.retire(entryId, 'paul', new Date('2026-11-23T08:05:00Z'));
    let since = h.fake.calls.length;
    await h.click(U.rasa, card, 'ladder:send_answer');
    const told = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === U.rasa, {
      since,
      what: 'the refusal',
    });
    // Rasa reads Lithuanian.
    expect(textOf(told)).toContain('Šio atsakymo atsakymų banke nebėra');
    expect(await eventsOf('answered')).toEqual([]);
    // Redrawn (a claim), the card shows the bank as it is now: no retired entry, and no copy of
    // its text is kept with the card.
    since = h.fake.calls.length;
    await h.click(U.rasa, card, 'ladder:claim');
    const redrawn = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === card.reply.ts, {
      since,
      what: 'the card redrawn',
    });
    expect(buttonsOf(redrawn).map((b) => b.action_id)).not.toContain('ladder:send_answer');
    expect(await h.store.refs.get((await newCase()).id, 'slack.triage.suggestions')).not.toContain('Wi-Fi');
  });

  it('a redrawn card shows an entry as edited since', async () => {
    await h.store.answers.edit(
      entryId,
      'Reconnect to the office network.',
      'paul',
      new Date('2026-11-23T08:05:00Z'),
    );
    const since = h.fake.calls.length;
    await h.click(U.rasa, card, 'ladder:claim');
    const redrawn = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === card.reply.ts, {
      since,
      what: 'the card redrawn',
    });
    expect(textOf(redrawn)).toContain('Reconnect to the office network.');
  });

  it('malformed suggestion buttons: an entry that is not a string is refused, a strange one left out', async () => {
    const c = await newCase();
    const where = { channel: TRIAGE, ts: String(card.reply.ts) };
    let since = h.fake.calls.length;
    const noEntry = { action_id: 'ladder:send_answer', value: JSON.stringify({ c: c.id }) };
    expect((await h.slack.interaction(buttonClick(U.rasa, noEntry, where))).valueOf()).toBeDefined();
    await h.fake.waitFor((x) => x.method === 'chat.postEphemeral' && x.args.user === U.rasa, { since });
    since = h.fake.calls.length;
    const notJson = { action_id: 'ladder:send_answer', value: '{not json' };
    await h.slack.interaction(buttonClick(U.rasa, notJson, where));
    await h.settled();
    expect(await eventsOf('answered')).toEqual([]);
    const strange = { action_id: 'ladder:solved_it', value: JSON.stringify({ c: c.id, a: '<@U1> *x*' }) };
    await h.slack.interaction(
      buttonClick(U.egle, strange, { channel: EGLE_DM, ts: String(ack.reply.ts), thread_ts: thread }),
    );
    await h.settled();
    expect((await eventsOf('closed')).map((e) => e.data)).toEqual([{}]);
    expect(h.fake.calls.length).toBeGreaterThan(since);
  });

  it('the Reply form’s "Reusable" box puts the answer into the answer bank', async () => {
    let since = h.fake.calls.length;
    await h.click(U.rasa, card, 'ladder:reply');
    const reply = await h.fake.waitFor((c) => c.method === 'views.open', { since, what: 'the reply form' });
    const blocks = (reply.args.view as { blocks: { block_id: string; label: { text: string } }[] }).blocks;
    expect(blocks.map((b) => b.block_id)).toEqual(['text', 'ask', 'reusable']);
    expect(blocks[2]?.label.text).toBe('Atsakymų bankas');
    since = h.fake.calls.length;
    await h.submit(U.rasa, reply, {
      text: textValue('Turn the laptop’s Wi-Fi off and on again.'),
      ask: ticked(),
      reusable: ticked('reusable'),
    });
    await h.settled();
    expect((await eventsOf('answered')).map((e) => e.data)).toEqual([
      { text: 'Turn the laptop’s Wi-Fi off and on again.', reusable: true },
    ]);
    const entries = await h.store.answers.list({ limit: 5 });
    expect(entries.map((e) => e.text)).toContain('Turn the laptop’s Wi-Fi off and on again.');
  });
});

describe('Slack: no answers offered to colleagues by default', () => {
  it('the acknowledgement has no "This solved it" while internal is off; the card still shows the answer', async () => {
    const { h } = await withBank('off');
    try {
      const since = h.fake.calls.length;
      const message = directMessage(U.egle, 'My laptop will not connect to the office Wi-Fi.');
      await h.slack.event(eventCallback(message));
      const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE, {
        since,
      });
      const ack = await h.fake.waitFor(
        (c) =>
          c.method === 'chat.postMessage' && c.args.channel === EGLE_DM && c.args.thread_ts === message.ts,
        { since },
      );
      expect(buttonsOf(card).map((b) => b.action_id)).toContain('ladder:send_answer');
      expect(buttonsOf(ack).map((b) => b.action_id)).not.toContain('ladder:solved_it');
    } finally {
      await h.close();
    }
  });
});
