// What Slack throws at the adapter besides the happy path: retried events, forged or stale
// requests, malformed payloads, text that tries to ping everyone, rate limits and refusals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { appMention, buttonClick, directMessage, eventCallback } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

const DM = `D${U.egle.slice(1)}`;
const isAck = (c: ApiCall) =>
  c.method === 'chat.postMessage' && textOf(c).includes('thank you for getting in touch');

describe('Slack robustness', () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.close();
  });

  it('a retried event (X-Slack-Retry-Num) never makes a second case, even after a restart', async () => {
    h = await slackHarness();
    const event = eventCallback(directMessage(U.egle, 'My VPN certificate expired this morning.'));
    expect((await h.slack.event(event)).status).toBe(200);
    expect((await h.slack.event(event, { retryNum: 1 })).status).toBe(200);
    await h.fake.waitFor(isAck);
    await h.restart();
    expect((await h.slack.event(event, { retryNum: 2 })).status).toBe(200);
    // Bolt answers Slack at once; each retry is dropped when its case would be written.
    await vi.waitFor(() =>
      expect(h.logger.lines.filter((l) => l.includes('slack.duplicate_event'))).toHaveLength(2),
    );
    await h.settled();
    expect(await h.desk.listCases({})).toHaveLength(1);
    expect(h.fake.calls.filter(isAck)).toHaveLength(1);
  });

  it('a bad signature and a stale timestamp get 401, and change nothing', async () => {
    h = await slackHarness();
    const event = eventCallback(directMessage(U.egle, 'Please reset my password.'));
    expect((await h.slack.event(event, { secret: 'not-the-signing-secret' })).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await h.slack.event(event, { timestamp: sixMinutesAgo })).status).toBe(401);
    expect(await h.desk.listCases({})).toEqual([]);
    expect(h.fake.calls).toEqual([]);
    const health = await fetch(`http://127.0.0.1:${h.adapter.port}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
  });

  it('a storm of malformed payloads is answered at once, logged, and the app keeps serving', async () => {
    h = await slackHarness();
    const json = 'application/json';
    const form = 'application/x-www-form-urlencoded';
    const ladderButton = { action_id: 'ladder:claim', value: 'not json' };
    const storm = [
      h.slack.raw('{"type": "event_callback", "event": ', json),
      h.slack.raw('{}', json),
      h.slack.raw('[1, 2, 3]', json),
      h.slack.raw('{"type":"event_callback","team_id":"T0ACME001","event":"message"}', json),
      h.slack.event({
        ...eventCallback({ type: 'message', text: 'no channel, no ts' }),
        team_id: 'T0ACME001',
      }),
      h.slack.event(eventCallback({ type: 'app_mention', channel: 'C1' })),
      h.slack.event(
        eventCallback({ type: 'reaction_added', reaction: 'ticket', user: U.egle, item: { type: 'file' } }),
      ),
      h.slack.raw('payload=%7Bnot-json', form),
      h.slack.interaction({ type: 'block_actions', actions: 'claim' }),
      h.slack.interaction({ type: 'view_submission', user: { id: U.egle } }),
      h.slack.interaction({ type: 'surprise' }),
      h.slack.interaction(buttonClick(U.rasa, ladderButton, { channel: TRIAGE, ts: '1.2' })),
      h.slack.interaction(
        buttonClick(
          U.rasa,
          { action_id: 'ladder:claim', value: '{"c":"no-such-case"}' },
          { channel: TRIAGE, ts: '1.2' },
        ),
      ),
      h.slack.command({ command: '/support', text: 'status' }),
      ...Array.from({ length: 30 }, (_, i) => h.slack.raw(`{"type":"junk-${i}"}`, json)),
    ];
    const started = performance.now();
    const answers = await Promise.all(storm);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(answers.every((a) => a.status === 200 || a.status === 400)).toBe(true);
    expect(h.logger.lines.filter((l) => l.includes('slack.malformed_payload')).length).toBeGreaterThanOrEqual(
      30,
    );

    await h.slack.event(eventCallback(directMessage(U.egle, 'After all that: my laptop will not boot.')));
    await h.fake.waitFor(isAck, { what: 'the ack after the storm' });
    expect(await h.desk.listCases({})).toHaveLength(1);
  });

  it('a signed body that is null, payload=null or a block_actions without user is answered 4xx or acked, logged, never 5xx', async () => {
    h = await slackHarness();
    const json = 'application/json';
    const form = 'application/x-www-form-urlencoded';
    const claim = { action_id: 'ladder:claim', value: '{"c":"case-1"}' };
    const { user: _user, ...withoutUser } = buttonClick(U.rasa, claim, { channel: TRIAGE, ts: '1.2' });
    const answers = {
      jsonNull: await h.slack.raw('null', json),
      payloadNull: await h.slack.raw('payload=null', form),
      number: await h.slack.raw('42', json),
      noUser: await h.slack.interaction(withoutUser),
      nullUser: await h.slack.interaction({ ...withoutUser, user: null }),
      viewNoUser: await h.slack.interaction({
        type: 'view_submission',
        view: { callback_id: 'ladder:form:reply', state: { values: {} } },
      }),
      channelNull: await h.slack.interaction({ ...withoutUser, user: { id: U.rasa }, channel: null }),
      // No listener could be chosen without these: answered at once rather than a 404 after 3 s.
      noActionId: await h.slack.interaction({
        ...withoutUser,
        user: { id: U.rasa },
        actions: [{ type: 'button', value: '{}' }],
      }),
      noCallbackId: await h.slack.interaction({ type: 'shortcut', user: { id: U.rasa }, trigger_id: '1.2' }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.status]))).toEqual({
      jsonNull: 400,
      payloadNull: 400,
      number: 400,
      noUser: 200,
      nullUser: 200,
      viewNoUser: 200,
      channelNull: 200,
      noActionId: 200,
      noCallbackId: 200,
    });
    const malformed = h.logger.lines.filter((l) => l.includes('slack.malformed_payload'));
    expect(malformed.filter((l) => l.includes('the body is not an object'))).toHaveLength(3);
    expect(malformed.filter((l) => l.includes('problems="no user"'))).toHaveLength(3);
    expect(malformed.filter((l) => l.includes('Bolt could not process it'))).toHaveLength(1);
    expect(malformed.filter((l) => l.includes('with an action_id'))).toHaveLength(1);
    expect(malformed.filter((l) => l.includes('shortcut without a callback_id'))).toHaveLength(1);
    expect(h.logger.lines.filter((l) => l.includes('slack.not_acknowledged'))).toEqual([]);
    // A forged null is refused as forged, before anything is said about its shape.
    expect((await h.slack.raw('null', json, { secret: 'not-the-signing-secret' })).status).toBe(401);
    expect(h.fake.calls).toEqual([]);

    await h.slack.event(eventCallback(directMessage(U.egle, 'Still there? My mouse is dead.')));
    await h.fake.waitFor(isAck, { what: 'the ack after the malformed bodies' });
  });

  it('relayed text can never ping: broadcasts, user and group mentions are neutralised, & < > escaped', async () => {
    h = await slackHarness();
    // As Slack sends it: mentions as control sequences, & < > already escaped.
    const text = `<@U0BOT0001> <!channel> <!here|here> <!everyone> @here <@${U.tom}> <!subteam^S05ACME|@it-team> Q&amp;A &lt;script&gt; <!channel&gt;`;
    await h.slack.event(eventCallback(appMention('C05HELPDESK', U.egle, text)));
    const ack = await h.fake.waitFor(isAck);
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE);
    for (const posted of [ack, card]) {
      const all = textOf(posted);
      expect(all).not.toMatch(/<!|<@|<#|@here|@channel|@everyone/);
      expect(all).toContain('Q&amp;A &lt;script&gt;');
      expect(all).toContain('@\u200Bchannel');
      expect(all).toContain('@\u200Bit-team');
      expect(all).toContain('@\u200BTom Whitfield');
    }
    // The case keeps the customer's words as plain text.
    expect((await h.onlyCase()).words).toBe(
      '@channel @here @everyone @here @Tom Whitfield @it-team Q&A <script> <!channel>',
    );
  });

  it('a 429 on chat.postMessage is honoured through the outbox: retried after Retry-After, delivered once', async () => {
    h = await slackHarness();
    h.fake.script('chat.postMessage', { status: 429, retryAfter: 7 }, { when: (a) => a.channel === DM });
    await h.slack.event(eventCallback(directMessage(U.egle, 'The printer on floor 3 jams on every page.')));
    await h.fake.waitFor((c) => c.status === 429);
    await h.settled();
    const waiting = (await h.store.inspect.listOutbox({})).find((n) => n.key === 'customer.ack');
    // Retried exactly when Slack said; a rate limit is not an attempt toward parking.
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0, lastError: 'ratelimited' });
    expect(waiting?.nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + 7000);
    expect(await h.dispatch()).toMatchObject({ claimed: 0 }); // not before Slack said
    h.clock.advance(7000);
    expect(await h.dispatch()).toMatchObject({ sent: 1 });
    expect(h.fake.calls.filter(isAck).map((c) => c.status)).toEqual([429, 200]);
    expect(h.logger.lines.some((l) => l.startsWith('warn outbox.retry') && l.includes('ratelimited'))).toBe(
      true,
    );
  });

  it('ok:false from Slack is logged with the case; a permanent refusal parks the notice visibly', async () => {
    h = await slackHarness();
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'channel_not_found' } },
      { when: (a) => a.channel === TRIAGE },
    );
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'internal_error' } },
      { when: (a) => a.channel === DM },
    );
    await h.slack.event(eventCallback(directMessage(U.egle, 'Need access to the finance share.')));
    await h.fake.waitFor((c) => c.reply.error === 'channel_not_found');
    await h.settled();
    const outbox = await h.store.inspect.listOutbox({});
    const c = await h.onlyCase();
    expect(outbox.find((n) => n.key === 'triage.new_case')).toMatchObject({
      status: 'parked',
      lastError: 'channel_not_found',
    });
    expect(outbox.find((n) => n.key === 'customer.ack')).toMatchObject({
      status: 'pending',
      lastError: 'internal_error',
    });
    const logged = h.logger.lines.filter((l) => l.includes('slack.delivery_failed'));
    expect(logged.some((l) => l.includes(`case=${c.id}`) && l.includes('error=channel_not_found'))).toBe(
      true,
    );
    expect(
      h.logger.lines.some((l) => l.startsWith('error outbox.parked') && l.includes(`case=${c.id}`)),
    ).toBe(true);
  });

  it('text longer than a block allows is cut, with a "Show full text" button that opens the rest', async () => {
    h = await slackHarness();
    const long = `${'The export to the payroll system fails with a timeout. '.repeat(80)}END-OF-REPORT`;
    await h.slack.event(eventCallback(directMessage(U.egle, long)));
    const ack = await h.fake.waitFor(isAck);
    const blocks = ack.args.blocks as { text?: { text: string } }[];
    expect(blocks[0]?.text?.text.length).toBeLessThanOrEqual(3000);
    expect(textOf(ack)).not.toContain('END-OF-REPORT');
    const more = buttonsOf(ack).find((b) => b.action_id === 'ladder:more');
    expect(more?.text).toBe('Show full text');
    const since = h.fake.calls.length;
    await h.click(U.egle, ack, 'ladder:more');
    const modal = await h.fake.waitFor((c) => c.method === 'views.open', { since });
    const view = modal.args.view as { blocks: { text: { text: string } }[] };
    expect(view.blocks.every((b) => b.text.text.length <= 3000)).toBe(true);
    expect(view.blocks.map((b) => b.text.text).join(' ')).toContain('END-OF-REPORT');
  });
});
