// A supervisor's week on Slack, through real Bolt against the fake: the "This week" block at the
// top of the App Home, `/support report` and `/support console` (privately, supervisors only), the
// weekly digest in a direct message once per team, supervisor and week, and malformed input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/index.ts';
import { sendWeeklyDigests } from '../../../src/jobs/weekly-digest.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { appHomeOpened, eventCallback, slashCommand } from '../../fakes/slack/payloads.ts';
import { type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

const SAM = 'U04SAM0007'; // supervises Account Access, in English
const HELP = 'C05HELPDESK';

/** Opens a case of the Account Access team (24/7) for Eglė, as intake would. */
async function openAccess(h: SlackHarness, text: string, seq: number) {
  const opened = await h.desk.openCase({
    workspace: h.config.workspace,
    audience: 'internal',
    conversation: `slack:T0ACME001:D05EGLE001:1763890000.00000${seq}`,
    customer: { id: `slack:T0ACME001:${U.egle}`, name: 'Eglė', locale: 'en', timeZone: 'Europe/Vilnius' },
    text,
    topic: 'access',
  });
  return opened.case;
}

describe('a supervisor’s week on Slack', () => {
  let h: SlackHarness;
  const issued: string[] = [];
  let link: string | null = 'https://console.example/sign-in/one-time?t=a&b';
  let seq = 0;

  /** Sends `/support <text>` and returns what the adapter answered on the response URL. */
  async function command(user: string, text: string): Promise<ApiCall> {
    seq += 1;
    const since = h.fake.calls.length;
    await h.slack.command(slashCommand(user, HELP, text, `${h.fake.origin}/response/${seq}`));
    return h.fake.waitFor((c) => c.method === 'response_url', {
      since,
      what: `the answer to /support ${text}`,
    });
  }

  beforeAll(async () => {
    h = await slackHarness(
      {},
      () => {},
      (c) => c,
      {
        consoleLinks: {
          async issue(personId) {
            issued.push(personId);
            return link;
          },
        },
      },
    );
    // One case answered: taken after 10 minutes, answered after 30, resolved. One waits; one is at risk.
    const first = await openAccess(h, 'I cannot sign in to the VPN.', 1);
    h.clock.advanceMinutes(10);
    await h.desk.claim({ caseId: first.id, actor: { id: 'sam' } });
    h.clock.advanceMinutes(20);
    await h.desk.answer({ caseId: first.id, actor: { id: 'sam' }, text: 'Your account is unlocked.' });
    await h.desk.resolve({ caseId: first.id, actor: { id: 'sam' } });
    await openAccess(h, 'My password expired.', 2);
    await openAccess(h, 'I will file a complaint with your manager.', 3);
    h.clock.advanceMinutes(1); // "this week" ends now, exclusive: what happened at this instant is next
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows "This week" per team at the top of a supervisor’s App Home', async () => {
    await h.slack.event(eventCallback(appHomeOpened(SAM)));
    const published = await h.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === SAM, {
      what: 'Sam’s home',
    });
    const blocks = (published.args.view as { blocks: { type: string; text?: { text: string } }[] }).blocks;
    // After the intro and a divider: Account Access's week, before every list.
    expect(blocks[2]?.text?.text.split('\n')).toEqual(
      [
        '*This week (the last 7 days) · Account Access*',
        '• Promises kept: 100% (2 kept, 0 missed)',
        '• First response, counted in the policy’s hours: median 10 mins, 9 in 10 within 10 mins',
        '• Satisfaction: no ratings this week',
        '• Cases: 3 opened, 1 resolved or closed',
        '• At risk now: 1',
      ].map((l) => l.replace(/ /g, ' ')),
    );
  });

  it('shows no week to someone who supervises no team', async () => {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(U.egle)));
    const published = await h.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === U.egle, {
      since,
    });
    expect(textOf({ args: published.args.view as Record<string, unknown> })).not.toContain('This week');
  });

  it('answers /support report privately, per team, in the supervisor’s language', async () => {
    const sam = await command(SAM, 'report');
    expect(sam.args.response_type).toBe('ephemeral');
    expect(textOf(sam)).toContain('How your teams kept their promises over the last 7 days');
    expect(textOf(sam)).toContain('• At risk now: 1');
    // Marie supervises both teams and reads French; `rapport` is the French word.
    const marie = await command(U.marie, 'rapport');
    const text = textOf(marie).replace(/\s/gu, ' ');
    expect(text).toContain('*Cette semaine (les 7 derniers jours) · Customer Support*');
    expect(text).toContain('*Cette semaine (les 7 derniers jours) · Account Access*');
    expect(text).toContain('• Promesses tenues : 100 % (2 tenues, 0 manquée)');
    expect(text).toContain('médiane 10 min, 9 sur 10 en moins de 10 min');
  });

  it('refuses the report kindly to anyone else', async () => {
    const egle = await command(U.egle, 'report');
    expect(egle.args).toMatchObject({
      response_type: 'ephemeral',
      text: renderText('report.not_supervisor', { locale: 'en', timeZone: 'UTC' }),
    });
    // Rasa is front line, in Lithuanian.
    const rasa = await command(U.rasa, 'ataskaita');
    expect(rasa.args.text).toBe(renderText('report.not_supervisor', { locale: 'lt', timeZone: 'UTC' }));
  });

  it('gives a supervisor a one-time console link, privately, and says when the console is off', async () => {
    const sam = await command(SAM, 'console');
    expect(sam.args.response_type).toBe('ephemeral');
    expect(sam.args.text).toBe(
      'Your sign-in link to the web console: <https://console.example/sign-in/one-time?t=a&amp;b>\n' +
        'It works once, within 15 minutes. Do not share it.',
    );
    expect(issued).toEqual(['sam']);
    link = null;
    const off = await command(SAM, 'console');
    expect(off.args.text).toContain('not switched on here');
    expect(off.args.text).toContain('CONSOLE_PORT');
    const refused = await command(U.egle, 'console');
    expect(refused.args.text).toBe(renderText('console.not_supervisor', { locale: 'en', timeZone: 'UTC' }));
    expect(issued).toEqual(['sam', 'sam']); // no link asked for someone who may not have one
  });

  it('survives malformed report and console commands', async () => {
    const statuses = await Promise.all([
      h.slack.command({ command: '/support', text: 'report' }),
      h.slack.command({ ...slashCommand(SAM, HELP, 'console', 'not a url'), user_id: '' }),
      h.slack.command({ ...slashCommand('UNKNOWN999', HELP, 'REPORT', `${h.fake.origin}/response/x`) }),
    ]);
    expect(statuses.every((s) => s.status < 500)).toBe(true);
    const stranger = await h.fake.waitFor(
      (c) => c.method === 'response_url' && String(c.args.text).startsWith('The report is for supervisors'),
    );
    expect(stranger.args.response_type).toBe('ephemeral');
  });
});

describe('the weekly digest on Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const digests = () => h.fake.posted((args) => /Weekly digest|Bilan hebdomadaire/.test(String(args.text)));
  const run = () =>
    sendWeeklyDigests({
      directory: h.config.desk.directory,
      store: h.store,
      adapters: [h.adapter],
      clock: h.clock,
      logger: h.logger,
    });

  it('reaches each supervisor once per team and week, whatever the replicas and ticks', async () => {
    // Customer Support runs on Vilnius office hours (09:00 is 07:00Z), Account Access on UTC.
    h.clock.set(new Date('2026-11-30T06:30:00Z'));
    expect(await run()).toEqual({ sent: 0, unreachable: 0, failed: 0 });
    h.clock.set(new Date('2026-11-30T07:30:00Z'));
    expect((await run()).sent).toBe(1);
    expect(digests().map((c) => c.args.channel)).toEqual(['D04MARIE01']);
    h.clock.set(new Date('2026-11-30T09:30:00Z'));
    expect((await run()).sent).toBe(2);
    // A second replica at the same moment, a later tick, a restart: nothing more this week.
    expect((await Promise.all([run(), run()])).map((r) => r.sent)).toEqual([0, 0]);
    h.clock.advanceMinutes(60);
    await h.restart();
    expect((await run()).sent).toBe(0);
    expect(
      digests()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(['D04MARIE01', 'D04MARIE01', 'D04SAM0007']);

    const sam = digests().find((c) => c.args.channel === 'D04SAM0007');
    expect(textOf(sam as ApiCall)).toContain(
      '*Weekly digest for Account Access: the last 7 days, up to now*',
    );
    const marie = digests().find((c) => c.args.channel === 'D04MARIE01');
    expect(textOf(marie as ApiCall)).toContain('*Ce qui s’est bien passé*');

    // The next Monday at 09:00, the next week's digests.
    h.clock.set(new Date('2026-12-07T09:00:00Z'));
    expect((await run()).sent).toBe(3);
  });
});
