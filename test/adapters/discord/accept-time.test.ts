// The expert's Accept on Discord: a form with an optional "call back by" time, read in the
// expert's own zone. Empty keeps the promise; a new time renegotiates it and the member is told;
// an unreadable time, or one past the policy's longest window, is refused privately.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCallbackTime } from '../../../adapters/discord/render/callback-time.ts';
import type { FakeChannel, FakeInteraction } from '../../fakes/discord/state.ts';
import { lastMessage, type Rig, startRig } from './rig.ts';

describe('Discord Accept with a renegotiated callback time', () => {
  let rig: Rig;
  let threadId = '';
  let caseId = '';
  beforeAll(async () => {
    rig = await startRig();
    ({ caseId, threadId } = await rig.openWithExpert(rig.users.egle, {
      topic: 'access',
      description: 'My recovery codes do not work.',
      urgency: 'normal',
    }));
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const dm = () => rig.dmWith(rig.users.sam) as FakeChannel;
  const current = async () => {
    const c = await rig.desk.getCase(caseId);
    if (!c) throw new Error('case vanished');
    return c;
  };
  const privately = (i: FakeInteraction) =>
    i.messages.filter((m) => (m.flags & 64) === 64).map((m) => m.content);
  async function accept(callback: string) {
    const assigned = lastMessage(rig, dm().id, 'accept');
    const form = await rig.click(rig.users.sam, assigned, 'accept');
    return { form, submitted: await rig.submit(rig.users.sam, dm(), form, { callback }, assigned) };
  }
  const accepted = async () =>
    (await rig.store.inspect.listEvents(caseId)).filter((e) => e.type === 'accepted').map((e) => e.data);

  it('opens a form whose only field is optional and says which zone the time is in', async () => {
    const { form } = await accept('not a time');
    expect(form.callback?.data?.title).toBe('Accept case #1');
    const field = JSON.stringify(form.callback?.data?.components);
    expect(field).toContain('"custom_id":"callback"');
    expect(field).toContain('"required":false');
    expect(field).toContain('Europe/London'); // Sam's zone in the config
  });

  it('refuses an unreadable time privately, and nothing is accepted', async () => {
    const { submitted } = await accept('next tuesday-ish');
    expect(privately(submitted)).toEqual([
      'That time could not be read. Please choose a date and time again.',
    ]);
    expect(await accepted()).toEqual([]);
  });

  it('refuses a time past the policy’s longest window, naming the latest as a Discord time', async () => {
    const before = (await current()).window?.dueAt.getTime();
    const { submitted } = await accept('2027-01-30 10:00');
    const [refusal] = privately(submitted);
    expect(refusal).toMatch(
      /^That is later than our policy allows\. Please choose a time no later than <t:\d+:F>\.$/,
    );
    expect(await accepted()).toEqual([]);
    expect((await current()).window?.dueAt.getTime()).toBe(before);
  });

  it('renegotiates the promise to the time given in the expert’s zone, and tells the member', async () => {
    await accept('2026-11-23 12:30'); // London is on UTC in November
    const due = new Date('2026-11-23T12:30:00Z');
    expect(await accepted()).toEqual([{ callbackBy: due.toISOString() }]);
    expect((await current()).window?.dueAt.toISOString()).toBe(due.toISOString());
    await rig.deliver();
    expect(lastMessage(rig, threadId).content).toContain(`<t:${due.getTime() / 1000}:F>`);
  });

  it('reads a bare time as its next occurrence, in the given zone', () => {
    const now = new Date('2026-11-23T15:00:00Z'); // 16:00 in Paris
    expect(readCallbackTime('17:15', 'Europe/Paris', now)?.toISOString()).toBe('2026-11-23T16:15:00.000Z');
    expect(readCallbackTime('09:00', 'Europe/Paris', now)?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(readCallbackTime('24/11/2026 09:00', 'Europe/Paris', now)?.toISOString()).toBe(
      '2026-11-24T08:00:00.000Z',
    );
    expect(readCallbackTime('  ', 'UTC', now)).toBeUndefined();
  });
});
