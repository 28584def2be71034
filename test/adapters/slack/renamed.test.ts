// The slash command and the message shortcut renamed through SLACK_COMMAND and
// SLACK_SHORTCUT_CALLBACK_ID (as a workspace that already has a /support would): read by
// slackOptionsFromEnv, answered under the new names by the real Bolt, the old ones unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackOptionsFromEnv } from '../../../adapters/slack/options.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  appHomeOpened,
  eventCallback,
  messageShortcut,
  nextTs,
  slashCommand,
} from '../../fakes/slack/payloads.ts';
import { type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

const HELP = 'C05HELPDESK';
const isAck = (c: ApiCall) =>
  c.method === 'chat.postMessage' && textOf(c).includes('thank you for getting in touch');

describe('Slack with a renamed command and shortcut', () => {
  let h: SlackHarness;
  let responses = 0;
  const responseUrl = () => `${h.fake.origin}/response/renamed-${++responses}`;

  beforeAll(async () => {
    const fromEnv = slackOptionsFromEnv({
      SLACK_BOT_TOKEN: 'xoxb-1234-5678-test',
      SLACK_SIGNING_SECRET: 'unused-here',
      SLACK_COMMAND: '/it-help',
      SLACK_SHORTCUT_CALLBACK_ID: 'make_it_case',
    });
    expect(fromEnv).toMatchObject({ command: '/it-help', shortcutCallbackId: 'make_it_case' });
    h = await slackHarness({
      command: fromEnv?.command as string,
      shortcutCallbackId: fromEnv?.shortcutCallbackId as string,
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('/it-help with words opens a case and acknowledges it in its thread', async () => {
    const res = await h.slack.command({
      ...slashCommand(U.egle, HELP, 'The projector in room Neris shows no picture', responseUrl()),
      command: '/it-help',
    });
    expect(res.status).toBe(200);
    const ack = await h.fake.waitFor(isAck);
    expect(ack.args.channel).toBe(HELP);
    expect((await h.onlyCase()).words).toBe('The projector in room Neris shows no picture');
  });

  it('/support is now a command the bot does not know: acked, and pointed to /it-help', async () => {
    const since = h.fake.calls.length;
    const res = await h.slack.command(slashCommand(U.egle, HELP, 'status', responseUrl()));
    expect(res.status).toBe(200);
    const said = await h.fake.waitFor((c) => c.method === 'response_url', { since });
    expect(String(said.args.text)).toBe(
      'I do not know the command /support. To ask for help, write to me here or type /it-help; /it-help status shows where your requests stand.',
    );
    expect(await h.desk.listCases({})).toHaveLength(1);
  });

  it('/it-help status lists the open request', async () => {
    const since = h.fake.calls.length;
    await h.slack.command({ ...slashCommand(U.egle, HELP, 'status', responseUrl()), command: '/it-help' });
    const said = await h.fake.waitFor((c) => c.method === 'response_url', { since });
    expect(String(said.args.text)).toContain('Case #1: open.');
  });

  it('the shortcut answers to its new callback id only', async () => {
    const message = { ts: nextTs(), user: U.petras, text: 'Mano monitorius mirksi.' };
    const since = h.fake.calls.length;
    const old = await h.slack.interaction(messageShortcut(U.egle, HELP, message));
    expect(old.status).toBe(200);
    const told = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    expect(String(told.args.text)).toContain('I do not know this shortcut');
    expect(await h.desk.listCases({})).toHaveLength(1);

    await h.slack.interaction({ ...messageShortcut(U.egle, HELP, message), callback_id: 'make_it_case' });
    await h.fake.waitFor(
      (c) => isAck(c) || (c.method === 'chat.postMessage' && c.args.thread_ts === message.ts),
      {
        since,
      },
    );
    const cases = await h.desk.listCases({});
    expect(cases.map((c) => c.words).sort()).toEqual([
      'Mano monitorius mirksi.',
      'The projector in room Neris shows no picture',
    ]);
  });

  it('App Home names the renamed command', async () => {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(U.egle)));
    const home = await h.fake.waitFor((c) => c.method === 'views.publish', { since });
    const view = home.args.view as { blocks: { text?: { text: string } }[] };
    expect(view.blocks[0]?.text?.text).toBe(
      'Write to me here, mention me in a channel, or type /it-help to ask for help.',
    );
  });
});
