// What went well on Slack, through real Bolt against the fake: an employee's 5 with a comment
// reaches the holder and each supervisor of the team by direct message, as kind words, the
// customer's words shown as written (no mention, no formatting of theirs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

describe('kind words on Slack', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('tells the holder and the supervisors by direct message', async () => {
    const customer = {
      id: `slack:T0ACME001:${U.egle}`,
      name: 'Eglė',
      locale: 'en' as const,
      timeZone: 'UTC',
    };
    const opened = await h.desk.openCase({
      workspace: h.config.workspace,
      audience: 'internal',
      conversation: 'slack:T0ACME001:D05EGLE001:1763890000.000001',
      customer,
      text: 'I cannot sign in to the VPN.',
      topic: 'access',
    });
    const id = opened.case.id;
    await h.desk.claim({ caseId: id, actor: { id: 'tom' } });
    await h.desk.resolve({ caseId: id, actor: { id: 'tom' }, summary: 'Account unlocked' });
    const since = h.fake.calls.length;
    await h.desk.rate({
      caseId: id,
      actor: { id: customer.id },
      score: 5,
      comment: '<!channel> *Tom* was great',
    });
    const kind = (c: ApiCall) => c.method === 'chat.postMessage' && textOf(c).includes('Kind words');
    for (let i = 0; i < 5 && h.fake.calls.slice(since).filter(kind).length < 3; i++) await h.dispatch();
    const told = h.fake.calls.slice(since).filter(kind).map(textOf);
    // Tom (the holder), then Sam and Marie (the team's supervisors, in the team's language).
    expect(told).toHaveLength(3);
    expect(told.filter((t) => t.includes('Thank you for the care you put into it.'))).toHaveLength(1);
    expect(told.filter((t) => t.includes('Tom Whitfield held it.'))).toHaveLength(2);
    for (const text of told) {
      expect(text).toContain('&lt;!channel&gt;');
      expect(text).not.toContain('<!channel>');
    }
  });
});
