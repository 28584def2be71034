// Level 4 recovery through discord.js against the fake Discord: once the customer went outside, the
// supervisors' DM carries "Write the recovery"; its modal sends the member the recovery once, in
// their case thread, with the supervisor's name. Anyone else, empty or too long words and
// malformed submissions change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { modalSubmit } from '../../fakes/discord/payloads.ts';
import type { FakeChannel, FakeInteraction } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, openClaimedAccessCase, type Rig, startRig } from './rig.ts';

const PROMISE = 'A month of the service on us, and I will call you on Friday.';

describe('Discord: level 4 recovery', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  /** A member's case on the access team, claimed by Tom, then recorded outside by Sam (a supervisor). */
  async function wentOutside(r: Rig) {
    const { sam } = r.users;
    const { threadId, caseId } = await openClaimedAccessCase(r);
    const outside = await r.click(sam, lastMessage(r, IDS.triageAccess), `staff:record_outside:${caseId}`);
    await r.submit(sam, r.channels.triageAccess, outside, { channel: 'public' });
    await r.deliver();
    const dm = r.dmWith(r.users.marie);
    if (!dm) throw new Error('no DM with Marie');
    return { threadId, caseId, dm: r.fake.state.channel(dm.id) as FakeChannel };
  }
  const inThread = (r: Rig, threadId: string) =>
    r.fake.messagesIn(threadId).filter((m) => m.content.includes(PROMISE));
  const privately = (i: FakeInteraction) => i.messages.filter((m) => (m.flags & 64) === 64);

  it('Write the recovery: the member receives it once, in their thread, with the supervisor’s name', async () => {
    rig = await startRig();
    const r = rig;
    const { threadId, caseId, dm } = await wentOutside(r);
    const record = lastMessage(r, dm.id, 'write_recovery');
    expect(record.content).toContain('owes them a recovery');
    const form = await r.click(r.users.marie, record, 'write_recovery');
    expect(form.callback?.type).toBe(9);
    expect(String(form.callback?.data?.custom_id)).toBe(`form:write_recovery:${caseId}`);
    await r.submit(r.users.marie, dm, form, { text: PROMISE });
    await r.deliver();
    const sent = inThread(r, threadId);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.content).toContain('Marie Dubois');
    expect((await r.desk.getCase(caseId))?.recovery?.sent).toMatchObject({ by: 'marie', late: false });

    // The same form again: refused privately, nothing more reaches the member.
    const again = await r.submit(r.users.marie, dm, form, { text: PROMISE });
    expect(privately(again)).toHaveLength(1);
    await r.deliver();
    expect(inThread(r, threadId)).toHaveLength(1);
  });

  it('refuses anyone but a supervisor, empty and too long words, privately; nothing reaches the member', async () => {
    rig = await startRig();
    const r = rig;
    const { threadId, caseId, dm } = await wentOutside(r);
    const form = await r.click(r.users.marie, lastMessage(r, dm.id, 'write_recovery'), 'write_recovery');
    for (const [user, words] of [
      [r.users.tom, PROMISE],
      [r.users.egle, PROMISE],
      [r.users.marie, '   '],
      [r.users.marie, 'x'.repeat(5000)],
    ] as const) {
      const refused = await r.submit(user, dm, form, { text: words });
      expect(privately(refused), words.slice(0, 10)).toHaveLength(1);
    }
    await r.deliver();
    expect(inThread(r, threadId)).toHaveLength(0);
    expect((await r.desk.getCase(caseId))?.recovery?.sent).toBeNull();
  });

  it('survives malformed submissions: no field, odd ids, an unknown case', async () => {
    rig = await startRig();
    const r = rig;
    const { threadId, caseId, dm } = await wentOutside(r);
    const form = await r.click(r.users.marie, lastMessage(r, dm.id, 'write_recovery'), 'write_recovery');
    const data = form.callback?.data as Record<string, unknown>;
    const attempts: [customId: string, values: Record<string, string>][] = [
      [`form:write_recovery:${caseId}`, {}],
      ['form:write_recovery', { text: PROMISE }],
      ['form:write_recovery:nope', { text: PROMISE }],
      [`form:write_recovery:${caseId}:a:b`, { text: PROMISE }],
    ];
    for (const [customId, values] of attempts) {
      const modal = { ...data, custom_id: customId };
      await r.interact(modalSubmit(r.fake.state, { user: r.users.marie, channel: dm, modal, values }));
    }
    // The form without its field at all.
    await r.interact(
      modalSubmit(r.fake.state, {
        user: r.users.marie,
        channel: dm,
        modal: { ...data, components: [] },
        values: {},
      }),
    );
    await r.deliver();
    expect(inThread(r, threadId)).toHaveLength(0);
    // Still answering: the real form works.
    await r.submit(r.users.marie, dm, form, { text: PROMISE });
    await r.deliver();
    expect(inThread(r, threadId)).toHaveLength(1);
  });
});
