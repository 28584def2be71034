// Slash commands, shortcuts and forms the app does not know (a manifest that disagrees with the
// configuration, an old form still open): acknowledged at once, never a 404 after 3 seconds, and the
// person told privately, in their language, how to ask for help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { messageShortcut, nextTs, slashCommand, viewSubmission } from '../../fakes/slack/payloads.ts';
import { type SlackHarness, slackHarness, U } from './slack-harness.ts';

const HELPDESK = 'C05HELPDESK';

describe('Slack: what the app does not know', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    [U.egle, 'I do not know the command /helpdesk. To ask for help, write to me here or type /support'],
    [
      U.marie,
      'Je ne connais pas la commande /helpdesk. Pour demander de l’aide, écrivez-moi ici ou tapez /support',
    ],
    [
      U.petras,
      'Komandos /helpdesk nežinau. Norėdami paprašyti pagalbos, parašykite man čia arba įveskite /support',
    ],
  ])(
    'an unknown slash command from %s is acked at once and answered privately in their language',
    async (user, words) => {
      const since = h.fake.calls.length;
      const responseUrl = `${h.fake.origin}/response/unknown-${user}`;
      const answer = await h.slack.command({
        ...slashCommand(user, HELPDESK, 'my laptop', responseUrl),
        command: '/helpdesk',
      });
      expect(answer.status).toBe(200);
      const said = await h.fake.waitFor((c) => c.method === 'response_url', { since });
      expect(said.args).toMatchObject({ response_type: 'ephemeral' });
      expect(String(said.args.text)).toContain(words);
      expect(await h.desk.listCases({})).toEqual([]);
      expect(
        h.logger.lines.some((l) => l.includes('slack.unknown_command') && l.includes('command=/helpdesk')),
      ).toBe(true);
    },
  );

  it('an unknown command never reaches /support: the known one still opens the form', async () => {
    const since = h.fake.calls.length;
    const answer = await h.slack.command(
      slashCommand(U.egle, HELPDESK, '', `${h.fake.origin}/response/known`),
    );
    expect(answer.status).toBe(200);
    await h.fake.waitFor((c) => c.method === 'views.open', { since });
    expect(h.fake.calls.slice(since).some((c) => c.method === 'response_url')).toBe(false);
  });

  it('an unknown message shortcut is acked and explained in the channel, only to that person', async () => {
    const since = h.fake.calls.length;
    const shortcut = {
      ...messageShortcut(U.egle, HELPDESK, { ts: nextTs(), user: U.petras, text: 'The VPN is down' }),
      callback_id: 'make_ticket',
    };
    expect((await h.slack.interaction(shortcut)).status).toBe(200);
    const said: ApiCall = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', { since });
    expect(said.args).toMatchObject({ channel: HELPDESK, user: U.egle });
    expect(String(said.args.text)).toBe(
      'I do not know this shortcut. To ask for help, write to me here or type /support.',
    );
    expect(await h.desk.listCases({})).toEqual([]);
    expect(
      h.logger.lines.some((l) => l.includes('slack.unknown_shortcut') && l.includes('make_ticket')),
    ).toBe(true);
  });

  it('a form the adapter did not make is closed at once and the person told by direct message, in French', async () => {
    const since = h.fake.calls.length;
    const answer = await h.slack.interaction(viewSubmission(U.marie, { callback_id: 'old_survey' }, {}));
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(''); // a plain ack closes the form
    const said = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && String(c.args.text).startsWith('Ce formulaire'),
      { since },
    );
    expect(String(said.args.text)).toBe(
      'Ce formulaire n’est plus utilisé : rien n’a été envoyé. Pour demander de l’aide, écrivez-moi ici ou tapez /support.',
    );
    expect(h.fake.calls.slice(since).some((c) => c.method === 'conversations.open')).toBe(true);
  });

  it('a closed form and an options request are acked at once too', async () => {
    const closed = await h.slack.interaction({
      type: 'view_closed',
      team: { id: 'T0ACME001' },
      user: { id: U.egle },
      view: { id: 'V1', callback_id: 'old_survey' },
    });
    const options = await h.slack.interaction({
      type: 'block_suggestion',
      team: { id: 'T0ACME001' },
      user: { id: U.egle },
      action_id: 'pick',
      block_id: 'b',
      value: 'ab',
    });
    expect([closed.status, options.status]).toEqual([200, 200]);
    expect(JSON.parse(options.body)).toEqual({ options: [] });
    expect(h.logger.lines.some((l) => l.includes('slack.not_acknowledged'))).toBe(false);
  });
});
