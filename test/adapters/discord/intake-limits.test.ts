// The desk's intake limit on Discord: a member's request right after their last one is added to
// that open case (the core decides). The member is told where it went, the thread made for it is
// left (the member taken out, the thread archived), and no second case appears.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../fakes/discord/state.ts';
import { IDS, type Rig, startRig } from './rig.ts';

describe('Discord intake within the intake limit', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  const newThreads = (r: Rig, known: Set<string>): FakeChannel[] =>
    [...r.fake.state.channels.values()].filter((c) => !known.has(c.id) && c.parent_id === IDS.support);

  it('a second form right after the first is added to the open case, and its thread is let go', async () => {
    rig = await startRig();
    const { egle } = rig.users;
    const submit = async (description: string) => {
      const form = await rig!.command(egle, rig!.channels.support, 'support', 'open');
      const done = await rig!.submit(egle, rig!.channels.support, form, {
        topic: 'billing',
        description,
        urgency: 'normal',
      });
      return done.messages.map((m) => m.content).join('\n');
    };
    const first = await submit('I was charged twice.');
    const firstThread = /<#(\d+)>/.exec(first)?.[1] ?? '';
    const known = new Set(rig.fake.state.channels.keys());

    const second = await submit('Also, the invoice has the wrong address.');
    expect(second).toBe(
      `Thank you, Eglė. We have added this to case #1; you can follow it in <#${firstThread}>.`,
    );
    const cases = await rig.desk.listCases({});
    expect(cases.map((c) => c.number)).toEqual([1]);
    const events = await rig.store.inspect.listEvents(cases[0]?.id ?? '');
    expect(events.filter((e) => e.type === 'details_added')).toHaveLength(1);
    // The thread made for the second request: the member is out of it, and it is archived.
    const [spare] = newThreads(rig, known);
    expect(spare).toBeDefined();
    expect(spare?.members.has(egle.id)).toBe(false);
    expect(spare?.archived).toBe(true);
    expect(spare?.name).not.toContain('Case #');
    expect(rig.fake.state.channel(firstThread)?.members.has(egle.id)).toBe(true);
  });

  it('a second #support message is answered where it was written with a link to the open case', async () => {
    rig = await startRig();
    const { case: c, threadId } = await rig.openByMessage(rig.users.egle, 'My refund never came.');
    const before = rig.fake.messagesIn(IDS.support).length;
    await rig.say(rig.users.egle, rig.channels.support, 'It has been three weeks.');
    const answers = rig.fake
      .messagesIn(IDS.support)
      .slice(before)
      .filter((m) => m.author.bot);
    expect(answers.map((m) => m.content)).toEqual([
      `Thank you, Eglė. We have added this to case #${c.number}; you can follow it in <#${threadId}>.`,
    ]);
    expect((await rig.desk.listCases({})).map((x) => x.number)).toEqual([c.number]);
  });

  it('a forum post right after a case is answered in the post with a link to the open case', async () => {
    rig = await startRig();
    const { case: c, threadId } = await rig.openByMessage(rig.users.egle, 'My refund never came.');
    const post = rig.fake.forumPost(IDS.forum, rig.users.egle, 'Refund', 'Still waiting for the refund.');
    await rig.fake.waitFor(() => rig!.fake.messagesIn(post.id).length > 0, { what: 'an answer in the post' });
    await rig.adapter.idle();
    expect(rig.fake.messagesIn(post.id).map((m) => m.content)).toEqual([
      `Thank you, Eglė. We have added this to case #${c.number}; you can follow it in <#${threadId}>.`,
    ]);
    expect((await rig.desk.listCases({})).map((x) => x.number)).toEqual([c.number]);
  });

  it('after the cooldown the same member opens a case of its own', async () => {
    rig = await startRig();
    const first = await rig.openByMessage(rig.users.egle, 'My refund never came.');
    rig.clock.advance(3 * 60_000); // the community cooldown is 2 minutes
    const second = await rig.openByMessage(rig.users.egle, 'Different question: how do I export?');
    expect(second.case.number).toBe(first.case.number + 1);
    expect(second.threadId).not.toBe(first.threadId);
  });
});
