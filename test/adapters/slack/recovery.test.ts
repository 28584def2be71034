// Level 4 recovery through Slack (Bolt against the fake Web API): once a supervisor records that
// the customer went outside, the supervisors' message carries "Write the recovery"; its modal
// sends the customer the recovery once, in their thread and language, with the supervisor's name.
// Anyone else, empty or too long words and malformed submissions change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  appHomeOpened,
  directMessage,
  eventCallback,
  selected,
  textValue,
  viewSubmission,
} from '../../fakes/slack/payloads.ts';
import { buttonsOf, postedInThread, type SlackHarness, slackHarness, TRIAGE, U } from './slack-harness.ts';

const EGLE_DM = `D${U.egle.slice(1)}`;
const MARIE_DM = `D${U.marie.slice(1)}`;
const WRITE = 'ladder:write_recovery';
const PROMISE = 'A month of the service on us, and I will call you on Friday.';

describe('Slack: level 4 recovery', () => {
  let h: SlackHarness;
  let thread = '';
  let toSupervisors: ApiCall;
  beforeEach(async () => {
    h = await slackHarness();
    const message = directMessage(U.egle, 'My laptop will not connect to the office Wi-Fi.');
    thread = message.ts;
    await h.slack.event(eventCallback(message));
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE);
    await h.settled();
    const outside = await form(U.marie, card, 'ladder:record_outside');
    await h.submit(U.marie, outside, { channel: selected('public') });
    toSupervisors = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === MARIE_DM &&
        buttonsOf(c).some((b) => b.action_id === WRITE),
      { what: 'the outside record with Write the recovery' },
    );
    await h.settled();
  });
  afterEach(async () => {
    await h.close();
  });

  async function form(user: string, message: ApiCall, action: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.click(user, message, action);
    return h.fake.waitFor((c) => c.method === 'views.open', { since, what: `the ${action} form` });
  }
  const recoveriesToEgle = () => h.fake.calls.filter(postedInThread(EGLE_DM, () => thread, PROMISE)).length;

  it('Write the recovery: the customer receives it once, in their thread, with the supervisor’s name', async () => {
    expect(buttonsOf(toSupervisors).find((b) => b.action_id === WRITE)?.text).toBe(
      'Write the recovery', // the team's language
    );
    const modal = await form(U.marie, toSupervisors, WRITE);
    const view = modal.args.view as { title: { text: string }; blocks: { block_id: string }[] };
    expect(view.title.text).toBe('Geste de réparation'); // Marie reads French
    expect(view.blocks.map((b) => b.block_id)).toEqual(['text']);
    const res = await h.submit(U.marie, modal, { text: textValue(PROMISE) });
    expect(res.status).toBe(200);
    await h.settled();
    await h.fake.waitFor(
      postedInThread(EGLE_DM, () => thread, PROMISE),
      { what: 'the recovery' },
    );
    expect(recoveriesToEgle()).toBe(1);
    const [sent] = h.fake.calls.filter(postedInThread(EGLE_DM, () => thread, PROMISE));
    expect(JSON.stringify(sent?.args)).toContain('Marie Dubois');
    expect(JSON.stringify(sent?.args)).toContain('Beyond putting it right');
    expect((await h.onlyCase()).recovery?.sent).toMatchObject({ late: false, text: PROMISE });

    // A second submission of the same form is refused on the form: the recovery was sent.
    const again = await h.submit(U.marie, modal, { text: textValue(PROMISE) });
    expect(JSON.parse(again.body)).toMatchObject({
      response_action: 'errors',
      errors: { text: expect.any(String) },
    });
    await h.settled();
    expect(recoveriesToEgle()).toBe(1);
  });

  it('refuses anyone but a supervisor, empty and too long words, on the form; nothing reaches the customer', async () => {
    const modal = await form(U.marie, toSupervisors, WRITE);
    for (const [user, words] of [
      [U.petras, PROMISE],
      [U.egle, PROMISE],
      [U.marie, '   '],
      [U.marie, 'x'.repeat(5000)],
    ] as const) {
      const res = await h.submit(user, modal, { text: textValue(words) });
      expect(JSON.parse(res.body), `${user}: ${words.slice(0, 10)}`).toMatchObject({
        response_action: 'errors',
        errors: { text: expect.any(String) },
      });
    }
    await h.settled();
    expect(recoveriesToEgle()).toBe(0);
    expect((await h.onlyCase()).recovery?.sent).toBeNull();
  });

  it('survives malformed submissions: no field, null, odd metadata, an unknown case', async () => {
    const modal = await form(U.marie, toSupervisors, WRITE);
    const view = modal.args.view as { callback_id: string; private_metadata: string };
    const attempts: [{ callback_id: string; private_metadata: string }, Record<string, unknown>][] = [
      [view, {}],
      [view, { text: null }],
      [view, { text: { type: 'plain_text_input', value: null } }],
      [view, { text: { type: 'plain_text_input', value: 42 } }],
      [{ ...view, private_metadata: 'not json' }, { text: textValue(PROMISE) }],
      [{ ...view, private_metadata: '{"c": 5}' }, { text: textValue(PROMISE) }],
      [{ ...view, private_metadata: '{"c": "nope"}' }, { text: textValue(PROMISE) }],
    ];
    for (const [v, values] of attempts) {
      const res = await h.slack.interaction(viewSubmission(U.marie, v, values));
      expect(res.status).toBe(200);
    }
    await h.settled();
    expect(recoveriesToEgle()).toBe(0);
    // Still answering: the real form works.
    await h.submit(U.marie, modal, { text: textValue(PROMISE) });
    await h.settled();
    expect(recoveriesToEgle()).toBe(1);
  });

  it('a supervisor’s App Home offers Write the recovery on a case that owes one', async () => {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(U.marie)));
    const home = await h.fake.waitFor((x) => x.method === 'views.publish' && x.args.user_id === U.marie, {
      since,
    });
    expect(buttonsOf(home).map((b) => b.action_id)).toContain(WRITE);
    const modal = await form(U.marie, home, WRITE);
    await h.submit(U.marie, modal, { text: textValue(PROMISE) });
    await h.settled();
    expect(recoveriesToEgle()).toBe(1);
  });
});
