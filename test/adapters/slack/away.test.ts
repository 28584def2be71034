// Away at run time on Slack, through real Bolt against the fake: `/support away [until]` and
// `/support back` (privately, staff only, kind refusals), the offer to hand over held cases with its
// buttons, App Home's Away / Back toggle, and malformed input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/core/index.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { appHomeOpened, buttonClick, eventCallback, slashCommand } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

const SAM = 'U04SAM0007'; // an Account Access expert, in English; Claire (the other) is away in the directory
const HELP = 'C05HELPDESK';

describe('away on Slack', () => {
  let h: SlackHarness;
  let seq = 0;

  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function command(user: string, text: string): Promise<ApiCall> {
    seq += 1;
    const since = h.fake.calls.length;
    await h.slack.command(slashCommand(user, HELP, text, `${h.fake.origin}/response/${seq}`));
    return h.fake.waitFor((c) => c.method === 'response_url', {
      since,
      what: `the answer to /support ${text}`,
    });
  }

  /** An Account Access case for Eglė, passed to the expert by Tom. */
  async function accessCase(text: string): Promise<Case> {
    seq += 1;
    const opened = await h.desk.openCase({
      workspace: h.config.workspace,
      audience: 'internal',
      conversation: `slack:T0ACME001:D05EGLE001:1763890000.0000${seq}`,
      customer: { id: `slack:T0ACME001:${U.egle}`, name: 'Eglė', locale: 'en', timeZone: 'Europe/Vilnius' },
      text,
      topic: 'access',
    });
    return (await h.desk.escalate({ caseId: opened.case.id, actor: { id: 'tom' } })).case;
  }

  /** Clicks a button of a private answer (or the Home tab), which comes from no channel. */
  async function click(
    user: string,
    button: { action_id: string; value: string },
    settle = true,
  ): Promise<void> {
    await h.slack.interaction(buttonClick(user, button));
    if (settle) await h.settled();
  }

  async function openHome(user: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(user)));
    return h.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === user, { since });
  }

  it('marks a staff member away until a time, privately; assignments skip them; back ends it', async () => {
    const away = await command(SAM, 'away 17:00');
    expect(away.args.response_type).toBe('ephemeral');
    expect(textOf(away)).toContain('You are marked away until Monday 23 November at 17:00');
    expect((await accessCase('Locked out once more.')).expertId).toBe('tom');
    expect(textOf(await command(SAM, 'back'))).toContain('Welcome back');
    expect(await h.desk.awayNow('sam')).toBe(false);
    // Rasa reads Lithuanian; `rytoj` is tomorrow.
    expect(textOf(await command(U.rasa, 'išvykęs rytoj'))).toContain('Esate pažymėti kaip išvykę iki');
    expect(textOf(await command(U.rasa, 'grįžau'))).toContain('Sveiki sugrįžę');
  });

  it('offers to hand over the cases one holds, one by one or all at once', async () => {
    const first = await accessCase('I cannot sign in to the VPN.');
    const second = await accessCase('My password expired.');
    expect([first.expertId, second.expertId]).toEqual(['sam', 'sam']);
    const offer = await command(SAM, 'away');
    expect(textOf(offer)).toContain('You hold 2 open cases');
    const buttons = buttonsOf(offer);
    expect(buttons.map((b) => [b.action_id, b.text])).toEqual([
      ['ladder:hand_over', `Hand over #${first.number}`],
      ['ladder:hand_over', `Hand over #${second.number}`],
      ['ladder:hand_over_all', 'Hand over all'],
    ]);
    await click(SAM, buttons[0]!);
    expect((await h.desk.getCase(first.id))?.expertId).toBe('tom');
    const since = h.fake.calls.length;
    await click(SAM, buttons[2]!);
    const told = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && textOf(c).includes('Handed over'),
      {
        since,
      },
    );
    expect(textOf(told)).toContain('Handed over: 1. Still with you: 0.');
    expect((await h.desk.getCase(second.id))?.expertId).toBe('tom');
    await h.desk.comeBack({ actor: { id: 'sam' } });
  });

  it('toggles away and back from App Home, for staff only', async () => {
    const home = await openHome(SAM);
    const toggle = buttonsOf(home).find((b) => b.action_id === 'ladder:go_away');
    expect(toggle?.text).toBe('I am away');
    const since = h.fake.calls.length;
    await click(SAM, toggle!);
    const redrawn = await h.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === SAM, {
      since,
    });
    expect(buttonsOf(redrawn).map((b) => b.action_id)).toContain('ladder:come_back');
    expect(await h.desk.awayNow('sam')).toBe(true);
    const dm = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && textOf(c).includes('marked away'),
      {
        since,
      },
    );
    expect(textOf(dm)).toContain('You are marked away until you say you are back.');
    await click(
      SAM,
      buttonsOf(redrawn).find((b) => b.action_id === 'ladder:come_back')!,
    );
    expect(await h.desk.awayNow('sam')).toBe(false);
    const customer = await openHome(U.egle);
    expect(buttonsOf(customer).map((b) => b.action_id)).not.toContain('ladder:go_away');
  });

  it('refuses kindly: a value it cannot read, someone not on the team, a case they do not hold', async () => {
    expect(textOf(await command(SAM, 'away someday'))).toContain(
      'like 17:00, a date like 2026-12-24 or “tomorrow”',
    );
    expect(textOf(await command(SAM, 'away 2020-01-01'))).toContain('like 17:00');
    expect(textOf(await command(U.egle, 'away'))).toContain('This action is for the support team.');
    expect(await h.desk.awayNow('sam')).toBe(false);
    const c = await accessCase('Another lockout.');
    const since = h.fake.calls.length;
    await click(U.tom, { action_id: 'ladder:hand_over', value: JSON.stringify({ c: c.id }) }, false);
    const refused = await h.fake.waitFor(
      (m) => m.method === 'chat.postMessage' && textOf(m).includes('Only the person'),
      {
        since,
      },
    );
    expect(textOf(refused)).toContain(`Only the person holding case #${c.number} can hand it over.`);
    expect((await h.desk.getCase(c.id))?.expertId).toBe('sam');
  });

  it('takes more words after `away` as a request for help, and drops a forged button', async () => {
    const before = (await h.desk.listCases({})).length;
    const words = 'away from my desk and the VPN will not connect';
    await h.slack.command(slashCommand(U.egle, HELP, words, `${h.fake.origin}/response/x`));
    for (let tries = 0; (await h.desk.listCases({})).length === before && tries < 100; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await h.desk.listCases({})).length).toBe(before + 1);
    const since = h.fake.calls.length;
    const logged = h.logger.lines.length;
    await click(SAM, { action_id: 'ladder:hand_over_all', value: '{not json' }, false);
    await click(SAM, { action_id: 'ladder:hand_over', value: JSON.stringify({ c: '' }) }, false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refusals = h.fake.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postMessage' && /could not find|went wrong/.test(textOf(c)));
    expect(refusals).toEqual([]);
    expect(h.logger.lines.slice(logged).filter((l) => l.includes('button value'))).toHaveLength(2);
  });
});
