// Every way into a case from Slack: /support with words, /support alone (the form), an @mention,
// the message shortcut, the :ticket: reaction; and `/support status`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  appMention,
  eventCallback,
  messageShortcut,
  nextTs,
  reactionAdded,
  selected,
  slashCommand,
  textValue,
} from '../../fakes/slack/payloads.ts';
import { type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

const HELP = 'C05HELPDESK';
const isAck = (c: ApiCall) =>
  c.method === 'chat.postMessage' && textOf(c).includes('thank you for getting in touch');

describe('Slack intake', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await slackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const responseUrl = () => `${h.fake.origin}/response/1`;

  it('/support with words opens a case in a new thread in that channel', async () => {
    const res = await h.slack.command(
      slashCommand(U.egle, HELP, 'The wifi in meeting room Neris drops every 10 minutes', responseUrl()),
    );
    expect(res.status).toBe(200);
    const ack = await h.fake.waitFor(isAck);
    const anchor = h.fake.posted((a) => a.channel === HELP && a.thread_ts === undefined)[0] as ApiCall;
    expect(anchor.args.text).toBe('Support request from Eglė');
    expect(ack.args).toMatchObject({ channel: HELP, thread_ts: anchor.reply.ts });
    expect((await h.onlyCase()).conversation).toBe(`slack:T0ACME001:${HELP}:${anchor.reply.ts}`);
  });

  it('/support in a channel the bot is not in falls back to a direct message', async () => {
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'not_in_channel' } },
      { when: (a) => a.channel === 'C05PRIVATE9' },
    );
    await h.slack.command(
      slashCommand(U.egle, 'C05PRIVATE9', 'Cannot open the sales dashboard', responseUrl()),
    );
    const ack = await h.fake.waitFor(isAck);
    expect(ack.args.channel).toBe(`D${U.egle.slice(1)}`);
  });

  it('/support alone opens the form: topic, description, urgency; submitting opens the case with them', async () => {
    await h.slack.command(slashCommand(U.petras, HELP, '', responseUrl()));
    const form = await h.fake.waitFor((c) => c.method === 'views.open');
    const view = form.args.view as {
      title: { text: string };
      blocks: { block_id: string; element: { options?: { text: { text: string } }[] } }[];
    };
    expect(view.title.text).toBe('Pagalbos užklausa'); // Petras reads Lithuanian
    expect(view.blocks.map((b) => b.block_id)).toEqual(['topic', 'description', 'urgency']);
    expect(view.blocks[0]?.element.options?.map((o) => o.text.text)).toContain('Sąskaitos');
    const res = await h.submit(U.petras, form, {
      topic: selected('billing'),
      description: textValue('Sąskaitoje dvigubas mokestis už licenciją'),
      urgency: selected('high'),
    });
    expect(res).toEqual({ status: 200, body: '' });
    await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === HELP && c.args.thread_ts !== undefined,
    );
    expect(await h.onlyCase()).toMatchObject({
      topic: 'billing',
      priority: 'high',
      words: 'Sąskaitoje dvigubas mokestis už licenciją',
      customer: { name: 'Petras Kairys', locale: 'lt', timeZone: 'Europe/Vilnius' },
    });
  });

  it('an @mention opens a case in the thread of that message', async () => {
    const mention = appMention(HELP, U.egle, '<@U0BOT0001> my keyboard types double letters');
    await h.slack.event(eventCallback(mention));
    const ack = await h.fake.waitFor(isAck);
    expect(ack.args).toMatchObject({ channel: HELP, thread_ts: mention.ts });
    expect((await h.onlyCase()).words).toBe('my keyboard types double letters');
  });

  it('the message shortcut and the :ticket: reaction open one case for the message’s author, however often', async () => {
    const message = {
      ts: nextTs(),
      user: U.egle,
      text: 'Is there a way to recover a deleted Confluence page?',
    };
    h.fake.seedMessage({ channel: HELP, ...message });
    await h.slack.interaction(messageShortcut(U.rasa, HELP, message));
    const ack = await h.fake.waitFor(isAck);
    expect(ack.args).toMatchObject({ channel: HELP, thread_ts: message.ts });
    expect((await h.onlyCase()).customer.id).toBe(`slack:T0ACME001:${U.egle}`);

    const since = h.fake.calls.length;
    await h.slack.event(
      eventCallback(reactionAdded(U.tom, 'ticket', { channel: HELP, ts: message.ts }, U.egle)),
    );
    await h.slack.interaction(messageShortcut(U.tom, HELP, message));
    const told = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    expect(told.args).toMatchObject({ user: U.tom, text: 'This message is already case #1.' });
    expect(await h.desk.listCases({})).toHaveLength(1);
  });

  it('a :ticket: reaction on a thread reply reads the reply and opens the case in that thread', async () => {
    const root = nextTs();
    const reply = {
      ts: nextTs(),
      thread_ts: root,
      user: U.petras,
      text: 'Same problem here: the VPN drops at 17:00.',
    };
    h.fake.seedMessage({ channel: HELP, ...reply });
    await h.slack.event(
      eventCallback(reactionAdded(U.rasa, 'ticket', { channel: HELP, ts: reply.ts }, U.petras)),
    );
    const ack = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === root && c.args.channel === HELP,
    );
    expect(textOf(ack)).toContain('Sveiki, Petrai Kairy.'); // greeted in the vocative
    expect((await h.onlyCase()).words).toBe('Same problem here: the VPN drops at 17:00.');
    await h.slack.event(
      eventCallback(reactionAdded(U.rasa, 'thumbsup', { channel: HELP, ts: reply.ts }, U.petras)),
    );
    expect(await h.desk.listCases({})).toHaveLength(1);
  });

  it('/support status lists the person’s open cases privately', async () => {
    await h.slack.command(slashCommand(U.egle, HELP, 'status', responseUrl()));
    const none = await h.fake.waitFor((c) => c.method === 'response_url');
    expect(none.args).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('you have no open requests'),
    });

    await h.slack.event(
      eventCallback(appMention(HELP, U.egle, '<@U0BOT0001> the projector in Vilnius HQ is blurry')),
    );
    await h.fake.waitFor(isAck);
    await h.settled();
    const since = h.fake.calls.length;
    await h.slack.command(slashCommand(U.egle, HELP, 'status', responseUrl()));
    const listed = await h.fake.waitFor((c) => c.method === 'response_url', { since });
    expect(String(listed.args.text)).toMatch(
      /Hello Eglė, here is where your requests stand:\n• Case #1: open\. Handled by: not assigned yet\. Next reply due by Monday 23 November at \d\d:\d\d EET\./,
    );
    expect(
      h.fake.calls.slice(since).some((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE),
    ).toBe(false);
  });

  it('/support status lists the first 10 open cases by number and says when there are more', async () => {
    const status = async (user: string) => {
      const since = h.fake.calls.length;
      await h.slack.command(slashCommand(user, HELP, 'status', responseUrl()));
      return String((await h.fake.waitFor((c) => c.method === 'response_url', { since })).args.text);
    };
    const open = (user: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, n) =>
          h.desk.openCase({
            workspace: h.config.workspace,
            audience: 'internal',
            conversation: `slack:T0ACME001:${HELP}:${user}.${n}`,
            customer: { id: `slack:T0ACME001:${user}`, name: user, locale: 'en', timeZone: 'UTC' },
            text: `Request ${n}`,
          }),
        ),
      );
    // Each case line's first number is the case's (Petras reads Lithuanian).
    const numbers = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('• '))
        .map((line) => Number(/\d+/.exec(line)?.[0]));

    const egle = (await open(U.egle, 11)).map((r) => r.case.number).sort((a, b) => a - b);
    const listed = await status(U.egle);
    expect(numbers(listed)).toEqual(egle.slice(0, 10));
    expect(listed.split('\n').at(-1)).toBe('…and more open requests, not shown here.');

    // Exactly ten: all listed, nothing said about more.
    const petras = (await open(U.petras, 10)).map((r) => r.case.number).sort((a, b) => a - b);
    const all = await status(U.petras);
    expect(numbers(all)).toEqual(petras);
    expect(all.split('\n')).toHaveLength(11);
  });
});
