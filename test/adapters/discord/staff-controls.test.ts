// The triage card's staff controls the core's notices do not carry: Ask the customer (the promise
// pauses until they answer), Went outside (level 4, recorded for supervisors) and Close. The desk
// decides who may; a refusal is shown only to the person who clicked.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInteraction, FakeMessage } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, openClaimedAccessCase, type Rig, startRig } from './rig.ts';

type Button = { custom_id: string; label: string; disabled?: boolean };
const buttonsOf = (m: FakeMessage): Button[] =>
  (m.components as { components?: Button[] }[]).flatMap((row) => row.components ?? []);

describe('Discord staff controls on the triage card', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  const openClaimed = openClaimedAccessCase;
  const card = (r: Rig) => lastMessage(r, IDS.triageAccess);
  const current = async (r: Rig, caseId: string) => {
    const c = await r.desk.getCase(caseId);
    if (!c) throw new Error('case vanished');
    return c;
  };
  /** What the person was told privately after their click or form (the interaction's follow-ups). */
  const privately = (i: FakeInteraction) =>
    i.messages.filter((m) => (m.flags & 64) === 64).map((m) => m.content);

  it('shows Ask the customer, Went outside and Close on the card, in the team’s language', async () => {
    rig = await startRig();
    const { caseId } = await openClaimed(rig);
    const staff = buttonsOf(card(rig)).filter((b) => b.custom_id.startsWith('staff:'));
    expect(staff.map((b) => [b.custom_id, b.label])).toEqual([
      [`staff:reply:${caseId}`, 'Reply to customer'],
      [`staff:ask_customer:${caseId}`, 'Ask the customer'],
      [`staff:ask_colleague:${caseId}`, 'Ask a colleague'],
      [`staff:record_outside:${caseId}`, 'Went outside'],
      [`staff:close:${caseId}`, 'Close'],
    ]);
  });

  it('asks the customer through a form: the promise pauses until they answer in the thread', async () => {
    rig = await startRig();
    const { threadId, thread, caseId } = await openClaimed(rig);
    const form = await rig.click(rig.users.tom, card(rig), `staff:ask_customer:${caseId}`);
    expect(form.callback?.type).toBe(9);
    expect(form.callback?.data?.title).toBe('Ask the customer · case #1');
    const question = 'Which email address do you sign in with?';
    await rig.submit(rig.users.tom, rig.channels.triageAccess, form, { text: question }, card(rig));

    const asked = await current(rig, caseId);
    expect(asked.status).toBe('waiting_on_customer');
    expect(asked.window?.paused).not.toBeNull();
    expect((await rig.store.inspect.listEvents(caseId)).map((e) => e.type)).toContain('asked_customer');
    await rig.deliver();
    const shown = lastMessage(rig, threadId);
    expect(shown.content).toContain(`Tom Whitfield has a question about case #1:\n${question}`);
    expect(buttonsOf(shown).map((b) => b.custom_id)).toContain(`act:add_details:${caseId}`);

    await rig.say(rig.users.egle, thread, 'It is egle@example.com.');
    const r = rig;
    const answered = await r.fake.waitFor(
      async () => {
        const c = await current(r, caseId);
        return c.status === 'waiting_on_customer' ? null : c;
      },
      { what: 'the answer resuming the promise' },
    );
    expect(answered.window?.paused ?? null).toBeNull();
  });

  it('refuses a question from someone who is not staff, privately, and changes nothing', async () => {
    rig = await startRig();
    const { caseId } = await openClaimed(rig);
    const form = await rig.click(rig.users.jean, card(rig), `staff:ask_customer:${caseId}`);
    const submitted = await rig.submit(rig.users.jean, rig.channels.triageAccess, form, { text: 'Hi?' });
    expect(privately(submitted)).toEqual(['This action is for the support team.']);
    expect((await current(rig, caseId)).status).not.toBe('waiting_on_customer');
  });

  it('records that the customer went outside, at level 4, and tells the supervisors', async () => {
    rig = await startRig();
    const { caseId } = await openClaimed(rig);
    const form = await rig.click(rig.users.sam, card(rig), `staff:record_outside:${caseId}`);
    expect(form.callback?.type).toBe(9);
    const fields = JSON.stringify(form.callback?.data);
    for (const value of ['email', 'phone', 'manager', 'public', 'other'])
      expect(fields).toContain(`"${value}"`);
    await rig.submit(rig.users.sam, rig.channels.triageAccess, form, {
      channel: 'public',
      note: 'A thread on the forum of our product.',
    });
    const c = await current(rig, caseId);
    expect(c.level).toBe(4);
    expect(c.outside).toMatchObject({
      channel: 'a public post',
      note: 'A thread on the forum of our product.',
    });
    await rig.deliver();
    // Marie (a supervisor of the team) reads it in French, with the channel as Sam recorded it.
    const toMarie = rig.fake.messagesIn(rig.dmWith(rig.users.marie)?.id ?? '').map((m) => m.content);
    expect(toMarie.filter((t) => t.includes('(a public post)'))).toHaveLength(1);
  });

  it('refuses Went outside to the customer, privately', async () => {
    rig = await startRig();
    const { caseId } = await openClaimed(rig);
    const form = await rig.click(rig.users.egle, card(rig), `staff:record_outside:${caseId}`);
    const submitted = await rig.submit(rig.users.egle, rig.channels.triageAccess, form, { channel: 'email' });
    expect(privately(submitted)).toHaveLength(1);
    expect((await current(rig, caseId)).level).toBe(1);
  });

  it('lets the owner close the case from the card; front line who do not hold it are refused', async () => {
    rig = await startRig();
    const { threadId, caseId } = await openClaimed(rig);
    const refused = await rig.click(rig.users.lucas, card(rig), `staff:close:${caseId}`);
    expect(refused.callback?.type).toBe(6);
    expect(privately(refused)).toEqual([
      'Cette action est réservée à la personne qui s’occupe de cette demande ou à un responsable.',
    ]);
    expect((await current(rig, caseId)).status).toBe('open');

    await rig.click(rig.users.tom, card(rig), `staff:close:${caseId}`);
    expect((await current(rig, caseId)).status).toBe('closed');
    await rig.deliver();
    const told = lastMessage(rig, threadId);
    expect(told.content).toContain('case #1 is now closed');
    expect(buttonsOf(told).map((b) => b.custom_id.split(':')[1])).toEqual(['rate', 'reopen']);
    const close = buttonsOf(card(rig)).find((b) => b.custom_id === `staff:close:${caseId}`);
    expect(close?.disabled).toBe(true);
  });
});
