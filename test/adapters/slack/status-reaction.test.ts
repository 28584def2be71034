// The case's status on the customer's original message, through the real Bolt against the fake
// Slack: a reaction the bot swaps as the case moves (received → with an expert → waiting on you →
// resolved), best effort (a refused reaction is logged, the notice stays delivered).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directMessage, eventCallback } from '../../fakes/slack/payloads.ts';
import { type SlackHarness, slackHarness, U } from './slack-harness.ts';

const EGLE_DM = `D${U.egle.slice(1)}`;
const CUSTOMER = { id: `slack:T0ACME001:${U.egle}` };

describe('Slack: the status reaction on the original message', () => {
  let h: SlackHarness;
  let thread = '';
  let caseId = '';
  beforeEach(async () => {
    h = await slackHarness();
    const message = directMessage(U.egle, 'The expense report tool rejects my receipts.');
    thread = message.ts;
    await h.slack.event(eventCallback(message));
    await h.fake.waitFor((c) => c.method === 'reactions.add', { what: 'the first status reaction' });
    await h.settled();
    caseId = (await h.onlyCase()).id;
  });
  afterEach(async () => {
    await h.close();
  });

  const shown = () => h.fake.reactionsOn(EGLE_DM, thread);
  const step = async (run: () => Promise<unknown>) => {
    await run();
    await h.dispatch();
    await h.settled();
  };

  it('swaps received → with an expert → waiting on you → resolved, one reaction at a time', async () => {
    expect(shown()).toEqual(['eyes']);
    await step(() => h.desk.escalate({ caseId, actor: { id: 'rasa' }, topic: 'billing' }));
    expect(shown()).toEqual(['hammer_and_wrench']);
    await step(() => h.desk.accept({ caseId, actor: { id: 'jonas' } }));
    await step(() => h.desk.askCustomer({ caseId, actor: { id: 'jonas' }, text: 'Which receipts?' }));
    expect(shown()).toEqual(['speech_balloon']);
    await step(() => h.desk.addDetails({ caseId, actor: CUSTOMER, text: 'The ones from Vilnius.' }));
    expect(shown()).toEqual(['hammer_and_wrench']);
    await step(() => h.desk.resolve({ caseId, actor: { id: 'jonas' }, summary: 'Limit raised.' }));
    expect(shown()).toEqual(['white_check_mark']);

    const calls = h.fake.calls
      .filter((c) => c.method.startsWith('reactions.'))
      .map((c) => [c.method, c.args.name, c.args.channel, c.args.timestamp]);
    const on = (method: string, name: string) => [method, name, EGLE_DM, thread];
    expect(calls).toEqual([
      on('reactions.add', 'eyes'),
      on('reactions.add', 'hammer_and_wrench'),
      on('reactions.remove', 'eyes'),
      on('reactions.add', 'speech_balloon'),
      on('reactions.remove', 'hammer_and_wrench'),
      on('reactions.add', 'hammer_and_wrench'),
      on('reactions.remove', 'speech_balloon'),
      on('reactions.add', 'white_check_mark'),
      on('reactions.remove', 'hammer_and_wrench'),
    ]);
    expect(h.logger.lines.filter((l) => /^(warn|error) /.test(l))).toEqual([]);
  });

  it('a refused reaction is logged, the notice stays delivered, and the next delivery catches up', async () => {
    h.fake.script('reactions.add', { body: { ok: false, error: 'missing_scope' } });
    await step(() => h.desk.escalate({ caseId, actor: { id: 'rasa' }, topic: 'billing' }));
    const failed = h.logger.lines.filter((l) => l.includes('slack.reaction_failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('missing_scope');
    const outbox = await h.store.inspect.listOutbox({});
    expect(outbox.filter((n) => n.status !== 'sent')).toEqual([]);
    // Escalating sends several notices: after the one whose reaction was refused, the next one's
    // delivery put the status right.
    const adds = h.fake.callsTo('reactions.add').filter((c) => c.args.name === 'hammer_and_wrench');
    expect(adds.map((c) => c.reply.ok)).toEqual([false, true]);
    expect(shown()).toEqual(['hammer_and_wrench']);
  });
});
