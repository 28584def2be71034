// The App Home tab: supervisors see pending approvals, overdue promises and cases at risk in their
// teams; experts the cases they hold with due times; customers their open requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { appHomeOpened, directMessage, eventCallback } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, U } from './slack-harness.ts';

function homeText(call: ApiCall): string {
  const view = call.args.view as { blocks: { text?: { text: string } }[] };
  return view.blocks.map((b) => b.text?.text ?? '').join('\n');
}

describe('Slack App Home', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness();
    // Two requests: one goes to Jonas (billing expert) and misses its window; the other asks for a supervisor.
    for (const text of [
      'The invoice for October is charged twice',
      'I want to complain to the director about this',
    ]) {
      await h.slack.event(eventCallback(directMessage(U.egle, text)));
    }
    await h.settled();
    const [first, second] = (await h.desk.listCases({})).map((c) => c.id) as [string, string];
    await h.desk.escalate({ caseId: first, actor: { id: 'rasa' }, topic: 'billing' });
    await h.desk.askSupervisor({ caseId: second, actor: { id: `slack:T0ACME001:${U.egle}` } });
    await h.dispatch();
    await h.settled();
    h.clock.advanceMinutes(3 * 24 * 60); // past every window: both are overdue
  });
  afterAll(async () => {
    await h.close();
  });

  async function openHome(user: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback(appHomeOpened(user)));
    return h.fake.waitFor((c) => c.method === 'views.publish' && c.args.user_id === user, { since });
  }

  it('a supervisor sees the pending approval (with Approve / Decline), the overdue window and the case at risk', async () => {
    const home = await openHome(U.marie);
    const text = homeText(home);
    expect(text).toContain('En attente de votre décision'); // Marie reads French
    expect(buttonsOf(home).map((b) => b.action_id)).toEqual(['ladder:approve', 'ladder:decline']);
    expect(text).toContain('I want to complain to the director about this');
    expect(text).toMatch(/En retard\n.*The invoice for October[\s\S]*Jonas Petraitis/);
    expect(text).toMatch(/À risque\n.*complain to the director[\s\S]*Risque : (accru|élevé)/);
    expect((home.args.view as { blocks: unknown[] }).blocks.length).toBeLessThanOrEqual(100);
  });

  it('a supervisor sees the cases whose messages could not be delivered', async () => {
    const before = homeText(await openHome(U.marie));
    expect(before).toMatch(/Messages qui n’ont pas pu être remis\nRien pour le moment\./);
    const [first] = (await h.desk.listCases({})).map((c) => c.id) as [string];
    const aboutTheNote = (a: Record<string, unknown>) => JSON.stringify(a).includes('Checking with finance');
    h.fake.script(
      'chat.postMessage',
      { body: { ok: false, error: 'channel_not_found' } },
      { times: 20, when: aboutTheNote },
    );
    await h.desk.addNote({ caseId: first, actor: { id: 'rasa' }, text: 'Checking with finance' });
    await h.dispatch();
    await h.settled();
    expect(await h.store.listOutbox({ caseId: first, statuses: ['parked'] })).not.toHaveLength(0);
    const after = homeText(await openHome(U.marie));
    expect(after).toMatch(/Messages qui n’ont pas pu être remis\n.*The invoice for October/);
  });

  it('an expert sees the cases they hold and when each reply is due', async () => {
    const text = homeText(await openHome(U.jonas));
    expect(text).toContain('The invoice for October is charged twice');
    expect(text).toMatch(/#1/);
  });

  it('a customer sees their open requests', async () => {
    const text = homeText(await openHome(U.egle));
    expect(text).toContain('Your requests');
    expect(text).toMatch(/Case #1: with an expert\. Handled by: Jonas Petraitis\. Next reply due by/);
    expect(text).toMatch(/Case #2: waiting for a supervisor’s decision/);
  });

  it('only the home tab is drawn (opening the messages tab publishes nothing)', async () => {
    const since = h.fake.calls.length;
    await h.slack.event(eventCallback({ ...appHomeOpened(U.egle), tab: 'messages' }));
    await h.settled();
    expect(h.fake.calls.slice(since).filter((c) => c.method === 'views.publish')).toEqual([]);
  });
});
