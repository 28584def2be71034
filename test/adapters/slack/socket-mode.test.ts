// Socket Mode: the real Bolt SocketModeReceiver asks the fake Web API for a websocket URL, connects
// to a local websocket, and acknowledges each envelope; the same listeners answer as in HTTP mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, directMessage, eventCallback, slashCommand } from '../../fakes/slack/payloads.ts';
import { FakeSocketMode } from '../../fakes/slack/socket-mode.ts';
import { buttonsOf, type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

describe('Slack in Socket Mode', () => {
  let socket: FakeSocketMode;
  let h: SlackHarness;
  beforeAll(async () => {
    socket = await FakeSocketMode.start();
    h = await slackHarness(
      { appToken: 'xapp-1-A0LADDER01-1-test', socket: { autoReconnectEnabled: false } },
      (fake) => {
        fake.socketUrl = socket.url;
      },
    );
  });
  afterAll(async () => {
    await h.close();
    await socket.close();
  });

  it('connects through apps.connections.open and the websocket hello', () => {
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(socket.isConnected).toBe(true);
    expect(h.adapter.port).toBeUndefined();
  });

  it('acknowledges an event envelope, then the case is acknowledged in its thread', async () => {
    const message = directMessage(U.egle, 'Outlook asks for my password every hour.');
    const ack = await socket.send('events_api', eventCallback(message));
    expect(ack).toMatchObject({ envelope_id: expect.stringMatching(/^env-/) });
    const posted = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === message.ts &&
        textOf(c).includes('Hello Eglė'),
    );
    expect(posted.args.channel).toBe(`D${U.egle.slice(1)}`);
  });

  it('acknowledges interactivity and slash commands the same way', async () => {
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE);
    const claim = buttonsOf(card).find((b) => b.action_id === 'ladder:claim');
    expect(claim).toBeDefined();
    const since = h.fake.calls.length;
    const clickAck = await socket.send(
      'interactive',
      buttonClick(U.tom, claim as { action_id: string; value: string }, {
        channel: TRIAGE,
        ts: String(card.reply.ts),
      }),
    );
    expect(clickAck.envelope_id).toBeDefined();
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' && textOf(c).includes('Tom Whitfield is now looking after case #1'),
      { since },
    );
    const commandAck = await socket.send(
      'slash_commands',
      slashCommand(U.egle, 'C05HELPDESK', 'status', `${h.fake.origin}/response/2`),
    );
    expect(commandAck.envelope_id).toBeDefined();
    await h.fake.waitFor(
      (c) => c.method === 'response_url' && String(c.args.text).includes('Handled by: Tom Whitfield'),
      { since },
    );
  });

  it('a malformed envelope is acknowledged and logged, and the connection stays up', async () => {
    const ack = await socket.send('events_api', { type: 'event_callback', event: 'not an event' });
    expect(ack.envelope_id).toBeDefined();
    expect(h.logger.lines.some((l) => l.includes('slack.malformed_payload'))).toBe(true);
    expect(socket.isConnected).toBe(true);
  });

  it('an events_api envelope without its event (or without a payload) is acked and logged, not a crash', async () => {
    const logged = () => h.logger.lines.filter((l) => l.includes('what="socket envelope"'));
    const before = logged().length;
    const { event: _event, ...noEvent } = eventCallback(directMessage(U.egle, 'lost'));
    expect((await socket.send('events_api', noEvent)).envelope_id).toBeDefined();
    expect((await socket.send('events_api', null)).envelope_id).toBeDefined();
    expect((await socket.send('events_api', { ...noEvent, event: { type: 42 } })).envelope_id).toBeDefined();
    expect(logged()).toHaveLength(before + 3);
    expect(socket.isConnected).toBe(true);
    // The next good envelope is handled as usual.
    const message = directMessage(U.egle, 'Teams keeps dropping my calls.');
    await socket.send('events_api', eventCallback(message));
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === message.ts);
  });
});
