// Ask a colleague on Discord, through the real discord.js against the fake: the triage card's Ask a
// colleague form (a menu of the directory's staff and the question) sends the colleague one DM with
// Answer / Take this case, and the customer's thread nothing; Answer reaches the holder by DM; Take
// this case hands the case over and the customer is told as usual. Malformed submissions are
// refused privately, and nothing is sent.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeChannel, FakeInteraction, FakeMessage } from '../../fakes/discord/state.ts';
import { buttonClick, modalSubmit } from '../../fakes/discord/payloads.ts';
import { IDS, lastMessage, openClaimedAccessCase, type Rig, startRig } from './rig.ts';

type Button = { custom_id: string; label: string };
const buttonsOf = (m: FakeMessage): Button[] =>
  (m.components as { components?: Button[] }[]).flatMap((row) => row.components ?? []);
const QUESTION = 'Was the lockout threshold changed this week?';

describe('Discord: ask a colleague', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  const openClaimed = openClaimedAccessCase;
  const card = (r: Rig) => lastMessage(r, IDS.triageAccess);
  const dm = (r: Rig, user: keyof Rig['users']) => {
    const channel = r.dmWith(r.users[user]) as FakeChannel | undefined;
    return channel ? r.fake.messagesIn(channel.id) : [];
  };
  const privately = (i: FakeInteraction) =>
    i.messages.filter((m) => (m.flags & 64) === 64).map((m) => m.content);
  const promiseOf = async (r: Rig, caseId: string) => {
    const c = await r.desk.getCase(caseId);
    return [c?.status, c?.level, c?.ownerId, c?.window?.dueAt.toISOString()];
  };

  it('the colleague gets one DM with Answer and Take this case; the customer nothing; Answer reaches the holder', async () => {
    rig = await startRig();
    const { threadId, caseId } = await openClaimed(rig);
    const before = await promiseOf(rig, caseId);
    const inThread = rig.fake.messagesIn(threadId).length;
    const form = await rig.click(rig.users.tom, card(rig), `staff:ask_colleague:${caseId}`);
    expect(form.callback?.type).toBe(9);
    const fields = JSON.stringify(form.callback?.data);
    expect(fields).toContain('"lucas"');
    expect(fields).not.toContain('"tom"');
    await rig.submit(rig.users.tom, rig.channels.triageAccess, form, {
      colleague: 'lucas',
      question: QUESTION,
    });
    for (let i = 0; i < 3; i++) await rig.deliver();

    const asked = dm(rig, 'lucas').filter((m) => m.content.includes(QUESTION));
    expect(asked).toHaveLength(1);
    // Lucas reads in French.
    expect(asked[0]!.content).toContain('Tom Whitfield aimerait votre aide sur la demande #1');
    expect(buttonsOf(asked[0]!).map((b) => [b.custom_id, b.label])).toEqual([
      [`act:colleague_answer:${caseId}`, 'Répondre'],
      [`act:colleague_take:${caseId}`, 'Prendre cette demande'],
    ]);
    expect(rig.fake.messagesIn(threadId)).toHaveLength(inThread);
    expect(await promiseOf(rig, caseId)).toEqual(before);

    const answer = await rig.click(rig.users.lucas, asked[0]!, `act:colleague_answer:${caseId}`);
    expect(answer.callback?.type).toBe(9);
    await rig.submit(rig.users.lucas, rig.dmWith(rig.users.lucas) as FakeChannel, answer, {
      text: 'Yes: five attempts now, it was ten.',
    });
    for (let i = 0; i < 3; i++) await rig.deliver();
    const toTom = dm(rig, 'tom').filter((m) => m.content.includes('five attempts now'));
    expect(toTom).toHaveLength(1);
    expect(toTom[0]!.content).toContain('Lucas Bernard answered the question on case #1');
    expect(rig.fake.messagesIn(threadId)).toHaveLength(inThread);
    expect(await promiseOf(rig, caseId)).toEqual(before);
  });

  it('Take this case: the colleague holds it, the customer and the former holder are told', async () => {
    rig = await startRig();
    const { threadId, caseId } = await openClaimed(rig);
    const form = await rig.click(rig.users.tom, card(rig), `staff:ask_colleague:${caseId}`);
    await rig.submit(rig.users.tom, rig.channels.triageAccess, form, {
      colleague: 'lucas',
      question: QUESTION,
    });
    await rig.deliver();
    const asked = dm(rig, 'lucas').find((m) => m.content.includes(QUESTION))!;
    const inThread = rig.fake.messagesIn(threadId).length;
    await rig.click(rig.users.lucas, asked, `act:colleague_take:${caseId}`);
    for (let i = 0; i < 3; i++) await rig.deliver();
    expect((await rig.desk.getCase(caseId))?.ownerId).toBe('lucas');
    const told = rig.fake.messagesIn(threadId).slice(inThread);
    expect(told.filter((m) => m.content.includes('Lucas Bernard is now looking after case #1'))).toHaveLength(
      1,
    );
    expect(dm(rig, 'tom').filter((m) => m.content.includes('Lucas Bernard has taken case #1'))).toHaveLength(
      1,
    );
  });

  it('someone not asked who clicks Take this case is refused privately', async () => {
    rig = await startRig();
    const { caseId } = await openClaimed(rig);
    const form = await rig.click(rig.users.tom, card(rig), `staff:ask_colleague:${caseId}`);
    await rig.submit(rig.users.tom, rig.channels.triageAccess, form, {
      colleague: 'lucas',
      question: QUESTION,
    });
    await rig.deliver();
    const asked = dm(rig, 'lucas').find((m) => m.content.includes(QUESTION))!;
    const refused = await rig.click(rig.users.sam, asked, `act:colleague_take:${caseId}`);
    expect(privately(refused)).toHaveLength(1);
    expect((await rig.desk.getCase(caseId))?.ownerId).toBe('tom');
  });

  it.each<[string, Record<string, string | string[]>]>([
    ['no fields', {}],
    ['no colleague', { question: QUESTION }],
    ['no question', { colleague: 'lucas' }],
    ['an unknown colleague', { colleague: '__proto__', question: QUESTION }],
    ['the holder himself', { colleague: 'tom', question: QUESTION }],
    ['a blank question', { colleague: 'lucas', question: '   ' }],
    ['a huge question', { colleague: 'lucas', question: 'x'.repeat(50_000) }],
  ])('%s: refused privately, nothing sent', async (_what, values) => {
    rig = await startRig();
    const { caseId } = await openClaimed(rig);
    const form = await rig.click(rig.users.tom, card(rig), `staff:ask_colleague:${caseId}`);
    const submitted = await rig.submit(rig.users.tom, rig.channels.triageAccess, form, values);
    await rig.deliver();
    expect(privately(submitted)).toHaveLength(1);
    expect(dm(rig, 'lucas').filter((m) => m.content.includes(QUESTION))).toHaveLength(0);
    expect((await rig.desk.getCase(caseId))?.colleagues).toEqual([]);
  });

  it('malformed button and form ids for the new paths are answered privately, without a write', async () => {
    rig = await startRig();
    const r = rig;
    const { caseId } = await openClaimed(r);
    const s = r.fake.state;
    const before = (await r.desk.getCase(caseId))?.version;
    for (const customId of [
      'act:colleague_take:no-such-case',
      `act:colleague_take:${caseId}:extra:more`,
      `act:colleague_answer:${'x'.repeat(90)}`,
      `staff:ask_colleague:${caseId}:extra`,
      'staff:ask_colleague:',
    ]) {
      const i = await r.interact(
        buttonClick(s, {
          user: r.users.tom,
          channel: r.channels.triageAccess,
          customId,
          message: s.toApiMessage(card(r)),
        }),
      );
      expect(i.callback).toBeDefined();
    }
    for (const custom_id of [
      'form:ask_colleague',
      `form:ask_colleague:${caseId}:x:y`,
      'form:colleague_answer:nope',
    ]) {
      const modal = { custom_id, components: [] };
      const i = await r.interact(
        modalSubmit(s, { user: r.users.tom, channel: r.channels.triageAccess, modal, values: {} }),
      );
      expect(i.callback).toBeDefined();
    }
    expect((await r.desk.getCase(caseId))?.version).toBe(before);
  });
});
