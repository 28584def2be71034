// The abuse shield on Slack, through real Bolt against the fake: the triage card shows a
// customer's insults masked and flagged (their own copy keeps the words); "Send this reply" sends
// the ready reply into their conversation once; a second abusive message reaches the supervisor
// with "Take over" and "Stay with them", which work from the button; bad clicks are refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { buttonClick, directMessage, eventCallback } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

const EGLE_DM = `D${U.egle.slice(1)}`;
const MARIE_DM = `D${U.marie.slice(1)}`;
const RASA_DM = `D${U.rasa.slice(1)}`;
const READY = 'I want to help you, and I will.';

describe('Slack abuse shield', () => {
  let h: SlackHarness;
  let card: ApiCall;
  let caseId: string;
  beforeEach(async () => {
    h = await slackHarness();
    await h.slack.event(eventCallback(directMessage(U.egle, 'You idiots broke the Wi-Fi again')));
    card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE, {
      what: 'the triage card',
    });
    await h.settled();
    caseId = (await h.onlyCase()).id;
  });
  afterEach(async () => {
    await h.close();
  });

  const posted = (channel: string, text: string, since = 0) =>
    h.fake.calls
      .slice(since)
      .filter(
        (c) => c.method === 'chat.postMessage' && c.args.channel === channel && textOf(c).includes(text),
      );

  it('masks and flags the words for staff, keeps them for the customer, and sends the ready reply once', async () => {
    expect(textOf(card)).toContain('⚠ Abusive language (masked)');
    expect(textOf(card)).toContain('You i••••• broke the Wi-Fi again');
    expect(textOf(card)).not.toContain('idiots');
    expect(posted(EGLE_DM, 'You idiots broke the Wi-Fi again')).toHaveLength(1);

    const [ready] = posted(TRIAGE, 'A ready reply in their language');
    expect(ready).toBeDefined();
    expect(buttonsOf(ready as ApiCall).map((b) => [b.action_id, b.text])).toEqual([
      ['ladder:abuse_reply', 'Send this reply'],
    ]);
    await h.click(U.rasa, ready as ApiCall, 'ladder:abuse_reply');
    await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === EGLE_DM && textOf(c).includes(READY),
    );
    await h.settled();
    // A second click is refused privately; the customer got it once.
    const since = h.fake.calls.length;
    await h.click(U.tom, ready as ApiCall, 'ladder:abuse_reply');
    const refusal = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    expect(refusal.args).toMatchObject({ user: U.tom });
    expect(textOf(refusal)).toContain('already sent');
    await h.settled();
    expect(posted(EGLE_DM, READY)).toHaveLength(1);
    expect((await h.onlyCase()).status).toBe('open');
  });

  it('a second abusive message reaches the supervisor; Stay with them, then Take over, from the buttons', async () => {
    await h.desk.claim({ caseId, actor: { id: 'rasa' } });
    await h.desk.addDetails({
      caseId,
      actor: { id: `slack:T0ACME001:${U.egle}` },
      text: 'Morons, all of you',
    });
    await h.dispatch();
    await h.settled();
    const toMarie = posted(MARIE_DM, 'used abusive language again');
    expect(toMarie).toHaveLength(1);
    const alert = toMarie[0] as ApiCall;
    expect(textOf(alert)).toContain('“M•••••, all of you”');
    expect(buttonsOf(alert).map((b) => b.action_id)).toEqual(['ladder:abuse_take_over', 'ladder:abuse_stay']);
    // The holder's copy of the details is masked too.
    expect(posted(RASA_DM, 'M•••••, all of you')).toHaveLength(1);
    expect(posted(RASA_DM, 'Morons')).toHaveLength(0);

    // Front line may not press a supervisor's button: told privately, nothing changes.
    let since = h.fake.calls.length;
    await h.click(U.tom, alert, 'ladder:abuse_take_over');
    await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === U.tom, { since });
    expect((await h.onlyCase()).ownerId).toBe('rasa');

    // Rasa reads her supervisor's support in her language (Lithuanian in the example config).
    since = h.fake.calls.length;
    await h.click(U.marie, alert, 'ladder:abuse_stay');
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === RASA_DM &&
        textOf(c).includes('Marie Dubois Jus palaiko'),
      { since },
    );
    const before = await h.onlyCase();
    await h.click(U.marie, alert, 'ladder:abuse_take_over');
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === RASA_DM &&
        textOf(c).includes('Marie Dubois perėmė prašymą #1'),
      { since },
    );
    const after = await h.onlyCase();
    expect(after).toMatchObject({ ownerId: 'marie', status: before.status, level: before.level });
    expect(after.window?.dueAt).toEqual(before.window?.dueAt);
  });

  it('malformed clicks on the new buttons are refused or ignored, never a crash', async () => {
    const clicks = [
      { action_id: 'ladder:abuse_take_over', value: '{"c":"no-such-case"}' },
      { action_id: 'ladder:abuse_stay', value: '{"c":null}' },
      { action_id: 'ladder:abuse_reply', value: 'not json' },
      { action_id: 'ladder:abuse_reply', value: JSON.stringify({ c: 'x'.repeat(50_000) }) },
      { action_id: 'ladder:abuse_stay', value: '{}' },
    ];
    for (const button of clicks) {
      const res = await h.slack.interaction(buttonClick(U.marie, button, { channel: TRIAGE, ts: '1.2' }));
      expect(res.status).toBe(200);
    }
    await h.settled();
    expect(await h.onlyCase()).toMatchObject({ ownerId: null, abuse: { count: 1 } });
    expect(posted(EGLE_DM, READY)).toHaveLength(0);
  });
});
