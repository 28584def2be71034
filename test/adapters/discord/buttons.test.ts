// The other side of the ladder's buttons: the expert reassigns and cannot resolve, a supervisor
// declines with a reason, and the customer adds details, marks the case resolved and reopens it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../fakes/discord/state.ts';
import { lastMessage, type Rig, startRig } from './rig.ts';

describe('Discord buttons: reassign, cannot resolve, decline, customer controls', () => {
  let rig: Rig;
  let threadId = '';
  let caseId = '';
  beforeAll(async () => {
    rig = await startRig();
    ({ caseId, threadId } = await rig.openWithExpert(rig.users.egle, {
      topic: 'access',
      description: 'My second factor device was stolen; I need to reset it.',
      urgency: 'urgent',
    }));
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const current = async () => {
    const c = await rig.desk.getCase(caseId);
    if (!c) throw new Error('case vanished');
    return c;
  };
  const dmOf = (user: (typeof rig.users)['sam']) => rig.dmWith(user) as FakeChannel;
  const thread = () => rig.fake.state.channel(threadId) as FakeChannel;

  it('lets the expert reassign to the next available expert', async () => {
    expect((await current()).expertId).toBe('sam');
    await rig.click(rig.users.sam, lastMessage(rig, dmOf(rig.users.sam).id, 'reassign'), 'reassign');
    expect((await current()).expertId).toBe('tom'); // Claire is away; Tom is the backup
    await rig.deliver();
    expect(lastMessage(rig, threadId).content).toContain('case #1 is now with Tom Whitfield');
    expect(lastMessage(rig, dmOf(rig.users.tom).id, 'accept').content).toContain('is assigned to you');
  });

  it('asks the expert why they cannot resolve, then asks a supervisor', async () => {
    const card = lastMessage(rig, dmOf(rig.users.tom).id, 'cannot_resolve');
    const form = await rig.click(rig.users.tom, card, 'cannot_resolve');
    expect(form.callback?.data?.title).toBe('Cannot resolve case #1');
    const reason = 'Resetting a stolen factor needs an identity check only supervisors can approve.';
    await rig.submit(rig.users.tom, dmOf(rig.users.tom), form, { reason }, card);
    const c = await current();
    expect(c.status).toBe('awaiting_approval');
    expect(c.approval).toMatchObject({ reason, requestedBy: 'tom', requestedByRole: 'expert' });
  });

  it('lets a supervisor decline with a reason the customer reads, with their options', async () => {
    await rig.deliver();
    const card = lastMessage(rig, dmOf(rig.users.sam).id, 'decline');
    const form = await rig.click(rig.users.sam, card, 'decline');
    const reason = 'We must verify your identity by video call first; the team will book it with you.';
    await rig.submit(rig.users.sam, dmOf(rig.users.sam), form, { reason }, card);
    expect((await current()).approval?.status).toBe('declined');
    await rig.deliver();
    const declined = lastMessage(rig, threadId);
    expect(declined.content).toContain(`The reason: ${reason}`);
    for (const action of ['add_details', 'ask_supervisor', 'mark_resolved']) {
      expect(JSON.stringify(declined.components)).toContain(`act:${action}:`);
    }
    const marieCopy = rig.fake
      .messagesIn(dmOf(rig.users.marie).id)
      .find((m) => m.content.includes('Decision needed'));
    expect(marieCopy?.components).toEqual([]);
    expect(JSON.stringify(marieCopy?.embeds)).toContain('declined by Sam Okafor');
  });

  it('lets the customer add details through the button and its form', async () => {
    const message = lastMessage(rig, threadId, 'add_details');
    const form = await rig.click(rig.users.egle, message, 'add_details');
    expect(form.callback?.type).toBe(9);
    await rig.submit(rig.users.egle, thread(), form, { text: 'I can do a video call any morning.' }, message);
    const events = await rig.store.inspect.listEvents(caseId);
    expect(events.find((e) => e.type === 'details_added')?.data).toEqual({
      text: 'I can do a video call any morning.',
    });
  });

  it('lets the customer mark the case resolved, and reopen it', async () => {
    await rig.deliver();
    await rig.click(rig.users.egle, lastMessage(rig, threadId, 'mark_resolved'), 'mark_resolved');
    expect((await current()).status).toBe('closed');
    await rig.deliver();
    await rig.click(rig.users.egle, lastMessage(rig, threadId, 'reopen'), 'reopen');
    expect((await current()).status).not.toBe('closed');
    await rig.deliver();
    expect(lastMessage(rig, threadId).content).toContain('case #1 is open again');
  });

  it('refuses a stranger pressing the customer’s buttons, privately', async () => {
    const message = lastMessage(rig, threadId, 'mark_resolved');
    const click = await rig.click(rig.users.jean, message, 'mark_resolved');
    expect(click.messages.at(-1)).toMatchObject({ flags: 64 });
    expect(click.messages.at(-1)?.content).toBe(
      'This action is for the person handling this case or a supervisor.',
    );
    expect((await current()).status).not.toBe('closed');
  });
});
