// Ask a colleague on Slack, through the real Bolt against the fake Slack: the holder's Ask a
// colleague form on the triage card (a menu of the directory's staff and the question) sends the
// colleague one DM with Answer / Take this case and the customer nothing; the colleague's Answer
// reaches the holder by DM; Take this case hands them the case and the customer is told as usual.
// Malformed submissions are refused in the form, and nothing is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  buttonClick,
  directMessage,
  eventCallback,
  selected,
  textValue,
  viewSubmission,
} from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

const dmOf = (user: string) => `D${user.slice(1)}`;
const EGLE_DM = dmOf(U.egle);
const QUESTION = 'Is the office Wi-Fi certificate renewed this week?';

describe('Slack: ask a colleague', () => {
  let h: SlackHarness;
  let card: ApiCall;
  beforeEach(async () => {
    h = await slackHarness();
    await h.slack.event(
      eventCallback(directMessage(U.egle, 'My laptop will not connect to the office Wi-Fi.')),
    );
    card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE, {
      what: 'the triage card',
    });
    await h.click(U.rasa, card, 'ladder:claim');
    await h.settled();
  });
  afterEach(async () => {
    await h.close();
  });

  const posts = (since: number, channel: string) =>
    h.fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);
  async function form(user: string, message: ApiCall, action: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.click(user, message, action);
    return h.fake.waitFor((c) => c.method === 'views.open', { since, what: `the ${action} form` });
  }
  async function ask(values: Record<string, unknown>) {
    const opened = await form(U.rasa, card, 'ladder:ask_colleague');
    return { opened, response: await h.submit(U.rasa, opened, values) };
  }
  const promiseOf = async () => {
    const c = await h.onlyCase();
    return [c.status, c.level, c.ownerId, c.window?.dueAt.toISOString()];
  };

  it('the form offers the staff but the holder; the colleague gets one DM, the customer none', async () => {
    const before = await promiseOf();
    const opened = await form(U.rasa, card, 'ladder:ask_colleague');
    const blocks = (opened.args.view as { blocks: { block_id: string; element: { options?: unknown[] } }[] })
      .blocks;
    expect(blocks.map((b) => b.block_id)).toEqual(['colleague', 'question']);
    const offered = (blocks[0]!.element.options as { value: string }[]).map((o) => o.value);
    expect(offered).toContain('tom');
    expect(offered).not.toContain('rasa');

    const since = h.fake.calls.length;
    const response = await h.submit(U.rasa, opened, {
      colleague: selected('tom'),
      question: textValue(QUESTION),
    });
    expect(response.status).toBe(200);
    for (let i = 0; i < 3; i++) await h.dispatch();
    await h.settled();
    const toTom = posts(since, dmOf(U.tom)).filter((c) => textOf(c).includes(QUESTION));
    expect(toTom).toHaveLength(1);
    expect(buttonsOf(toTom[0]!).map((b) => [b.action_id, b.text])).toEqual([
      ['ladder:colleague_answer', 'Answer'],
      ['ladder:colleague_take', 'Take this case'],
    ]);
    expect(posts(since, EGLE_DM)).toHaveLength(0);
    expect(posts(since, TRIAGE).filter((c) => textOf(c).includes(QUESTION))).toHaveLength(1);
    expect(await promiseOf()).toEqual(before);

    // Tom answers through the holder: Rasa reads it by DM; the customer still hears nothing.
    const answer = await form(U.tom, toTom[0]!, 'ladder:colleague_answer');
    const after = h.fake.calls.length;
    await h.submit(U.tom, answer, { text: textValue('Yes, renewed on Monday: forget the network.') });
    for (let i = 0; i < 3; i++) await h.dispatch();
    await h.settled();
    const toRasa = posts(after, dmOf(U.rasa)).filter((c) => textOf(c).includes('renewed on Monday'));
    expect(toRasa).toHaveLength(1);
    // Rasa reads in Lithuanian.
    expect(textOf(toRasa[0]!)).toContain('Tom Whitfield atsakė į klausimą dėl prašymo #1');
    expect(posts(after, EGLE_DM)).toHaveLength(0);
    expect(await promiseOf()).toEqual(before);
  });

  it('Take this case hands it to the colleague; the customer and the former holder are told', async () => {
    await ask({ colleague: selected('tom'), question: textValue(QUESTION) });
    await h.dispatch();
    await h.settled();
    const dm = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' && c.args.channel === dmOf(U.tom) && textOf(c).includes(QUESTION),
      { what: 'the question to Tom' },
    );
    const since = h.fake.calls.length;
    await h.click(U.tom, dm, 'ladder:colleague_take');
    for (let i = 0; i < 3; i++) await h.dispatch();
    await h.settled();
    expect((await h.onlyCase()).ownerId).toBe('tom');
    expect(
      posts(since, EGLE_DM).filter((c) => textOf(c).includes('Tom Whitfield is now looking after')),
    ).toHaveLength(1);
    expect(
      posts(since, dmOf(U.rasa)).filter((c) => textOf(c).includes('Prašymą #1 perėmė Tom')),
    ).toHaveLength(1);
  });

  it('a reply in the thread under the question is the answer to the holder, never to the customer', async () => {
    await ask({ colleague: selected('tom'), question: textValue(QUESTION) });
    await h.dispatch();
    const dm = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' && c.args.channel === dmOf(U.tom) && textOf(c).includes(QUESTION),
    );
    expect(textOf(dm)).toContain('never the customer');
    const since = h.fake.calls.length;
    const ts = String(dm.reply.ts);
    await h.slack.event(eventCallback(directMessage(U.tom, 'It was renewed on Monday.', { thread_ts: ts })));
    for (let i = 0; i < 3; i++) await h.dispatch();
    await h.settled();
    expect(
      posts(since, dmOf(U.rasa)).filter((c) => textOf(c).includes('It was renewed on Monday.')),
    ).toHaveLength(1);
    expect(posts(since, EGLE_DM)).toHaveLength(0);
    expect((await h.onlyCase()).status).toBe('open');
  });

  it('someone not asked who clicks Take this case is told privately, and nothing changes', async () => {
    await ask({ colleague: selected('tom'), question: textValue(QUESTION) });
    await h.dispatch();
    const dm = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' && c.args.channel === dmOf(U.tom) && textOf(c).includes(QUESTION),
    );
    const since = h.fake.calls.length;
    await h.click(U.jonas, dm, 'ladder:colleague_take');
    await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' || c.method === 'chat.postMessage', {
      since,
      what: 'the refusal to Jonas',
    });
    expect((await h.onlyCase()).ownerId).toBe('rasa');
  });

  it.each<[string, Record<string, unknown>]>([
    ['no fields', {}],
    ['no colleague', { question: textValue(QUESTION) }],
    ['no question', { colleague: selected('tom') }],
    ['null inputs', { colleague: null, question: null }],
    ['an unknown colleague', { colleague: selected('__proto__'), question: textValue(QUESTION) }],
    ['the holder herself', { colleague: selected('rasa'), question: textValue(QUESTION) }],
    ['the customer', { colleague: selected(`slack:T0ACME001:${U.egle}`), question: textValue(QUESTION) }],
    ['a blank question', { colleague: selected('tom'), question: textValue('   ') }],
    ['a question of another type', { colleague: selected('tom'), question: { value: 42 } }],
    ['a huge question', { colleague: selected('tom'), question: textValue('x'.repeat(50_000)) }],
  ])('%s: refused inside the form, nothing sent', async (_what, values) => {
    const since = h.fake.calls.length;
    const { response } = await ask(values);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body || '{}')).toMatchObject({ response_action: 'errors' });
    await h.dispatch();
    expect(posts(since, dmOf(U.tom))).toHaveLength(0);
    expect(posts(since, EGLE_DM)).toHaveLength(0);
    expect((await h.onlyCase()).colleagues).toEqual([]);
  });

  it('malformed clicks and submissions on the new paths answer 200 and write nothing', async () => {
    const before = (await h.onlyCase()).version;
    for (const [action_id, value] of [
      ['ladder:colleague_take', JSON.stringify({ c: 'no-such-case' })],
      ['ladder:colleague_take', 'null'],
      ['ladder:colleague_answer', JSON.stringify({ c: 42 })],
      ['ladder:ask_colleague', JSON.stringify({ c: 'x'.repeat(10_000) })],
      ['ladder:ask_colleague', '{'],
    ] as const) {
      const res = await h.slack.interaction(
        buttonClick(U.tom, { action_id, value }, { channel: TRIAGE, ts: '1.2' }),
      );
      expect(res.status).toBe(200);
    }
    for (const [callback_id, private_metadata] of [
      ['ladder:ask_colleague', '{}'],
      ['ladder:ask_colleague', 'null'],
      ['ladder:colleague_answer', JSON.stringify({ c: null })],
      ['ladder:colleague_answer', JSON.stringify({ c: 'no-such-case' })],
    ] as const) {
      const res = await h.slack.interaction(
        viewSubmission(
          U.tom,
          { callback_id, private_metadata },
          { colleague: selected('tom'), text: textValue('x') },
        ),
      );
      expect(res.status).toBe(200);
    }
    await h.dispatch();
    expect((await h.onlyCase()).version).toBe(before);
  });
});
