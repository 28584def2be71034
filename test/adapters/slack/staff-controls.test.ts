// The desk commands issue 13 brought to Slack, through the real Bolt against the fake Slack: the
// Reply form asks the customer a question when its box is ticked (the promise pauses until they
// answer); Close on the triage card (the holder or a supervisor; anyone else is told privately);
// Record outside contact (level 4) on the triage card and on a supervisor's App Home, with a short
// form (where the customer went, a note).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/core/model.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  appHomeOpened,
  directMessage,
  eventCallback,
  selected,
  textValue,
  ticked,
} from '../../fakes/slack/payloads.ts';
import {
  buttonsOf,
  postedInThread,
  type SlackHarness,
  slackHarness,
  TRIAGE,
  textOf,
  U,
} from './slack-harness.ts';

const EGLE_DM = `D${U.egle.slice(1)}`;

describe('Slack: ask the customer, close, record outside contact', () => {
  let h: SlackHarness;
  let thread = '';
  let card: ApiCall;
  beforeEach(async () => {
    h = await slackHarness();
    const message = directMessage(U.egle, 'My laptop will not connect to the office Wi-Fi.');
    thread = message.ts;
    await h.slack.event(eventCallback(message));
    card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE, {
      what: 'the triage card',
    });
    await h.settled();
  });
  afterEach(async () => {
    await h.close();
  });

  const inThread = (text: string) => postedInThread(EGLE_DM, () => thread, text);
  const theCase = async () => h.onlyCase();
  /** Clicks `action` on `message` and returns the form it opened. */
  async function form(user: string, message: ApiCall, action: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.click(user, message, action);
    return h.fake.waitFor((c) => c.method === 'views.open', { since, what: `the ${action} form` });
  }
  /** The latest version of the triage card (its post, or its last redraw). */
  const latestCard = () =>
    h.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === card.reply.ts).at(-1) ?? card;
  const privateTo = (user: string, since: number) =>
    h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === user, { since });

  it('the triage card offers Reply, Ask a colleague, Close and Record outside contact beside the shared actions', () => {
    expect(buttonsOf(card).map((b) => [b.action_id, b.text])).toEqual([
      ['ladder:claim', 'Take it'],
      ['ladder:escalate', 'Pass to expert'],
      ['ladder:resolve', 'Resolve'],
      ['ladder:ask_supervisor', 'Ask for a supervisor'],
      ['ladder:mark_heavy', 'This one is heavy'],
      ['ladder:reply', 'Reply to customer'],
      ['ladder:ask_colleague', 'Ask a colleague'],
      ['ladder:close', 'Close case'],
      ['ladder:record_outside', 'Record outside contact'],
    ]);
  });

  it('Reply with "this is a question" ticked asks the customer: the promise pauses until they answer', async () => {
    const reply = await form(U.rasa, card, 'ladder:reply');
    const blocks = (reply.args.view as { blocks: { block_id: string; element: { type: string } }[] }).blocks;
    expect(blocks.map((b) => [b.block_id, b.element.type])).toEqual([
      ['text', 'plain_text_input'],
      ['ask', 'checkboxes'],
      ['reusable', 'checkboxes'],
    ]);
    let since = h.fake.calls.length;
    await h.submit(U.rasa, reply, {
      text: textValue('Which Windows version is on the laptop?'),
      ask: ticked('ask'),
    });
    const question = await h.fake.waitFor(inThread('Which Windows version is on the laptop?'), { since });
    expect(buttonsOf(question).map((b) => b.action_id)).toEqual(['ladder:add_details']);
    let c = await theCase();
    expect(c).toMatchObject({ status: 'waiting_on_customer', ownerId: 'rasa' });
    expect(c.window?.paused).not.toBeNull();
    expect(c.window?.kind).toBe('first_response');

    since = h.fake.calls.length;
    await h.slack.event(eventCallback(directMessage(U.egle, 'Windows 11.', { thread_ts: thread })));
    await h.fake.waitFor(
      (x) =>
        x.method === 'chat.postMessage' && x.args.channel !== EGLE_DM && textOf(x).includes('Windows 11.'),
      { since, what: 'the answer relayed to the holder' },
    );
    c = await theCase();
    expect(c.status).toBe('open');
    expect(c.window).toMatchObject({ kind: 'first_response', paused: null });
  });

  it('Reply without the box ticked answers: the promise is kept, not paused', async () => {
    const reply = await form(U.rasa, card, 'ladder:reply');
    const since = h.fake.calls.length;
    await h.submit(U.rasa, reply, {
      text: textValue('Forget the network and join it again.'),
      ask: ticked(),
    });
    await h.fake.waitFor(inThread('Forget the network and join it again.'), { since });
    expect(await theCase()).toMatchObject({ status: 'waiting_on_customer', window: null });
  });

  it('Close is refused privately to front line who do not hold the case; the holder closes it', async () => {
    let since = h.fake.calls.length;
    await h.click(U.tom, card, 'ladder:close');
    await privateTo(U.tom, since);
    expect((await theCase()).status).toBe('open');

    await h.click(U.rasa, card, 'ladder:claim');
    await h.settled();
    since = h.fake.calls.length;
    await h.click(U.rasa, card, 'ladder:close');
    const closed = await h.fake.waitFor(inThread('#1'), { since, what: 'the customer told of the close' });
    expect(buttonsOf(closed).map((b) => b.action_id)).toEqual(['ladder:rate', 'ladder:reopen']);
    expect(await theCase()).toMatchObject({ status: 'closed', ownerId: 'rasa' });
    await h.settled();
    expect(buttonsOf(latestCard()).map((b) => b.action_id)).toEqual(['ladder:record_outside']);
  });

  it('a supervisor closes a case staff resolved without waiting for the customer', async () => {
    const c = await theCase();
    await h.desk.resolve({ caseId: c.id, actor: { id: 'rasa' }, summary: 'New Wi-Fi profile pushed.' });
    await h.dispatch();
    await h.settled();
    expect(buttonsOf(latestCard()).map((b) => b.action_id)).toEqual([
      'ladder:close',
      'ladder:record_outside',
    ]);
    await h.click(U.marie, latestCard(), 'ladder:close');
    await h.settled();
    expect((await theCase()).status).toBe('closed');
  });

  it('Record outside contact on the triage card: a supervisor says where (in their language) and why; level 4', async () => {
    const outside = await form(U.marie, card, 'ladder:record_outside');
    const view = outside.args.view as {
      title: { text: string };
      blocks: { block_id: string; element: { options?: { value: string; text: { text: string } }[] } }[];
    };
    expect(view.title.text).toBe('Recours extérieur'); // Marie reads French
    expect(view.blocks.map((b) => b.block_id)).toEqual(['channel', 'note']);
    expect(view.blocks[0]?.element.options?.map((o) => o.value)).toEqual([
      'email',
      'phone',
      'manager',
      'public',
      'other',
    ]);
    const since = h.fake.calls.length;
    const res = await h.submit(U.marie, outside, {
      channel: selected('email'),
      note: textValue('Wrote to the CIO directly.'),
    });
    expect(res.status).toBe(200);
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === TRIAGE &&
        c.args.thread_ts === card.reply.ts &&
        textOf(c).includes('Wrote to the CIO directly.'),
      { since, what: 'the record in the triage thread' },
    );
    const c: Case = await theCase();
    expect(c.level).toBe(4);
    expect(c.outside).toMatchObject({ channel: 'E-mail', note: 'Wrote to the CIO directly.' });
  });

  it('someone with no role on the case is refused on the form, and nothing is recorded', async () => {
    const outside = await form(U.petras, card, 'ladder:record_outside');
    const res = await h.submit(U.petras, outside, { channel: selected('phone') });
    expect(JSON.parse(res.body)).toMatchObject({
      response_action: 'errors',
      errors: { channel: expect.any(String) },
    });
    expect(await theCase()).toMatchObject({ level: 1, outside: null });
  });

  it('a supervisor’s App Home offers Record outside contact on each case in their lists', async () => {
    const c = await theCase();
    await h.desk.askSupervisor({ caseId: c.id, actor: { id: 'rasa' } });
    await h.dispatch();
    await h.settled();
    let since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(U.marie)));
    const home = await h.fake.waitFor((x) => x.method === 'views.publish' && x.args.user_id === U.marie, {
      since,
    });
    expect(buttonsOf(home).map((b) => b.action_id)).toEqual([
      'ladder:go_away', // staff's Away toggle (render/away.ts)
      'ladder:record_outside',
      'ladder:approve',
      'ladder:decline',
    ]);
    since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(U.egle)));
    const customerHome = await h.fake.waitFor(
      (x) => x.method === 'views.publish' && x.args.user_id === U.egle,
      { since },
    );
    expect(buttonsOf(customerHome)).toEqual([]);

    const outside = await form(U.marie, home, 'ladder:record_outside');
    await h.submit(U.marie, outside, { channel: selected('manager') });
    await h.settled();
    expect(await theCase()).toMatchObject({ level: 4, outside: { channel: 'Un responsable', note: '' } });
  });
});
