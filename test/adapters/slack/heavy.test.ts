// "This one is heavy" on Slack, through the real Bolt against the fake: the button on the triage
// card (and the expert's message) marks the case; each supervisor of the team gets a direct
// message with Pair up and Take over; the customer hears nothing of it. Refusals are private;
// malformed clicks on the new buttons change nothing and crash nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { buttonClick } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

const ACCESS = 'C05ACCESS02';
const SAM = 'U04SAM0007';
const customer = { id: `slack:T0ACME001:${U.egle}`, name: 'Eglė', locale: 'en' as const, timeZone: 'UTC' };

describe('Slack: this one is heavy', () => {
  let h: SlackHarness;
  let card: ApiCall;
  let caseId = '';
  beforeEach(async () => {
    h = await slackHarness();
    const opened = await h.desk.openCase({
      workspace: h.config.workspace,
      audience: 'internal',
      conversation: 'slack:T0ACME001:D05EGLE001:1763890000.000001',
      customer,
      text: 'I cannot sign in to the VPN, for the fifth time this week.',
      topic: 'access',
    });
    caseId = opened.case.id;
    await h.dispatch();
    card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === ACCESS, {
      what: 'the triage card',
    });
  });
  afterEach(async () => {
    await h.close();
  });

  const posted = (since: number, match: (text: string) => boolean) =>
    h.fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && match(textOf(c)));
  /** Delivers what the desk wrote until `done` holds (an outbox pass every 50 ms, 3 s at most). */
  async function deliverUntil(done: () => boolean): Promise<void> {
    for (let i = 0; i < 60 && !done(); i++) {
      await h.dispatch();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const privateTo = (user: string, since: number) =>
    h.fake.waitFor(
      (c) => (c.method === 'chat.postEphemeral' && c.args.user === user) || c.method === 'chat.postMessage',
      { since, what: `a private answer to ${user}` },
    );

  it('the card’s button marks it: each supervisor gets one DM with Pair up and Take over; the customer nothing', async () => {
    await h.desk.claim({ caseId, actor: { id: 'tom' } });
    await h.dispatch();
    const since = h.fake.calls.length;
    expect(await h.click(U.tom, card, 'ladder:mark_heavy')).toBe(200);
    const heavy = (t: string) => t.includes('as heavy');
    const thanks = (t: string) => t.includes('Thank you for saying so');
    await deliverUntil(() => posted(since, heavy).length >= 2 && posted(since, thanks).length >= 1);
    const toSupervisors = posted(since, heavy);
    // Sam and Marie, the access team's supervisors, once each, in their direct conversations.
    expect(toSupervisors).toHaveLength(2);
    expect(new Set(toSupervisors.map((c) => c.args.channel)).size).toBe(2);
    for (const dm of toSupervisors) {
      expect(textOf(dm)).toContain('Tom Whitfield marked case #1 from Eglė as heavy');
      expect(buttonsOf(dm).map((b) => [b.action_id, b.text])).toEqual([
        ['ladder:pair_up', 'Pair up'],
        ['ladder:take_over', 'Take over'],
      ]);
    }
    expect(posted(since, thanks)).toHaveLength(1);
    // Nothing reached the customer's conversation.
    expect(h.fake.calls.slice(since).filter((c) => c.args.channel === 'D05EGLE001')).toEqual([]);
    expect((await h.desk.getCase(caseId))?.heavy?.by).toBe('tom');

    // Pair up from Marie's message: Tom is told she is with him.
    const dmOf = (user: string) => toSupervisors.find((c) => c.args.channel === `D${user.slice(1)}`)!;
    const pairSince = h.fake.calls.length;
    expect(await h.click(U.marie, dmOf(U.marie), 'ladder:pair_up')).toBe(200);
    const withYou = (t: string) => t.includes('is with you on #1');
    await deliverUntil(() => posted(pairSince, withYou).length >= 1);
    expect(posted(pairSince, withYou).map(textOf)).toEqual([
      expect.stringMatching(/^Marie Dubois is with you on #1\./),
    ]);
    expect((await h.desk.getCase(caseId))?.heavy?.with).toEqual(['marie']);

    // Take over from Sam's: the case is his, Tom is thanked.
    const takeSince = h.fake.calls.length;
    expect(await h.click(SAM, dmOf(SAM), 'ladder:take_over')).toBe(200);
    const taken = (t: string) => t.includes('has taken over case #1');
    await deliverUntil(() => posted(takeSince, taken).length >= 1);
    expect(posted(takeSince, taken)).toHaveLength(1);
    expect((await h.desk.getCase(caseId))?.ownerId).toBe('sam');
  });

  it('a second mark and a customer’s click are refused privately, changing nothing', async () => {
    await h.click(U.tom, card, 'ladder:mark_heavy');
    await h.settled();
    const version = (await h.desk.getCase(caseId))?.version;
    let since = h.fake.calls.length;
    await h.click(U.tom, card, 'ladder:mark_heavy');
    const again = await privateTo(U.tom, since);
    expect(again.method).toBe('chat.postEphemeral');
    expect(textOf(again)).toContain('is already marked heavy (by Tom Whitfield)');
    since = h.fake.calls.length;
    await h.click(U.egle, card, 'ladder:mark_heavy');
    const refused = await privateTo(U.egle, since);
    expect(textOf(refused)).toContain('Marking a case heavy is for the support team');
    expect((await h.desk.getCase(caseId))?.version).toBe(version);
  });

  it('malformed clicks on the new buttons (no case, null, a huge id) are acked and change nothing', async () => {
    const before = await h.desk.getCase(caseId);
    for (const action of ['ladder:mark_heavy', 'ladder:pair_up', 'ladder:take_over']) {
      for (const value of [
        '{}',
        'null',
        '{"c":null}',
        JSON.stringify({ c: 'x'.repeat(100_000) }),
        'not json',
      ]) {
        const res = await h.slack.interaction(
          buttonClick(U.tom, { action_id: action, value }, { channel: ACCESS, ts: String(card.reply.ts) }),
        );
        expect(res.status).toBeLessThan(500);
      }
    }
    await h.settled();
    expect(await h.desk.getCase(caseId)).toEqual(before);
    // Still serving: a real click works.
    await h.click(U.tom, card, 'ladder:mark_heavy');
    await h.settled();
    expect((await h.desk.getCase(caseId))?.heavy?.by).toBe('tom');
  });
});
