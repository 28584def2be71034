// Changing a case's topic from Discord: the triage card's Pass to expert opens a form with the
// topics (the case's own chosen); a different topic is recorded and the case goes to that topic's
// expert, as Slack's Escalate form does. The desk decides who may.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInteraction } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, type Rig, startRig } from './rig.ts';

describe('Discord: Pass to expert with the topic', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  async function openGeneral(r: Rig) {
    const form = await r.command(r.users.egle, r.channels.support, 'support', 'open');
    const done = await r.submit(r.users.egle, r.channels.support, form, {
      topic: 'general',
      description: 'I was charged twice this month.',
      urgency: 'normal',
    });
    const threadId = /<#(\d+)>/.exec(done.messages[0]?.content ?? '')?.[1] ?? '';
    await r.deliver();
    return { threadId, caseId: (await r.caseOf(threadId)).id };
  }
  const privately = (i: FakeInteraction) =>
    i.messages.filter((m) => (m.flags & 64) === 64).map((m) => m.content);
  type Option = { value: string; label: string; default?: boolean };
  const optionsOf = (i: FakeInteraction): Option[] =>
    ((i.callback?.data?.components ?? []) as { component: { options?: Option[] } }[]).flatMap(
      (row) => row.component.options ?? [],
    );

  it('offers every topic with the case’s own chosen, and moves the case to the topic picked', async () => {
    rig = await startRig();
    const { threadId, caseId } = await openGeneral(rig);
    const card = lastMessage(rig, IDS.triageSupport);
    const form = await rig.click(rig.users.tom, card, 'escalate');
    expect(form.callback?.data?.title).toBe('Pass case #1 to an expert');
    expect(optionsOf(form).map((o) => [o.value, o.default ?? false])).toEqual([
      ['billing', false],
      ['access', false],
      ['general', true],
    ]);
    await rig.submit(rig.users.tom, rig.channels.triageSupport, form, { topic: 'billing' }, card);
    const c = await rig.desk.getCase(caseId);
    expect(c).toMatchObject({ topic: 'billing', level: 2, expertId: 'jonas', status: 'waiting_on_expert' });
    const changed = (await rig.store.inspect.listEvents(caseId)).filter((e) => e.type === 'topic_changed');
    expect(changed.map((e) => [e.actorId, e.data])).toEqual([['tom', { from: 'general', to: 'billing' }]]);
    await rig.deliver();
    expect(lastMessage(rig, threadId).content).toContain('case #1 concerns Billing');
  });

  it('refuses someone who is not the team’s front line, privately, and keeps the topic', async () => {
    rig = await startRig();
    const { caseId } = await openGeneral(rig);
    const card = lastMessage(rig, IDS.triageSupport);
    const form = await rig.click(rig.users.lucas, card, 'escalate'); // front line of another team
    const submitted = await rig.submit(rig.users.lucas, rig.channels.triageSupport, form, {
      topic: 'billing',
    });
    expect(privately(submitted)).toHaveLength(1);
    expect(await rig.desk.getCase(caseId)).toMatchObject({ topic: 'general', level: 1 });
  });
});
