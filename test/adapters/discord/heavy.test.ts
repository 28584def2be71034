// "This one is heavy" on Discord, through the real discord.js against the fake: the triage card's
// button marks the case; each supervisor of the team gets a DM with Pair up and Take over; the
// member never hears of it. Refusals are ephemeral; forged or malformed button ids change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/core/model.ts';
import { buttonClick } from '../../fakes/discord/payloads.ts';
import type { FakeChannel, FakeMessage, FakeUser } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, NO_INTAKE_LIMIT, type Rig, startRig } from './rig.ts';

describe('Discord: this one is heavy', () => {
  let rig: Rig;
  let seq = 0;

  beforeAll(async () => {
    rig = await startRig({}, { intake: NO_INTAKE_LIMIT });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const conversationChannel = (n: number) => `${1_500_000_000_000_000_100n + BigInt(n)}`;
  /** An access case held by Tom, and its triage card. */
  async function heldByTom(): Promise<{ c: Case; card: FakeMessage; thread: string }> {
    seq += 1;
    const opened = await rig.desk.openCase({
      workspace: rig.config.workspace,
      audience: 'community',
      conversation: `discord:${rig.fake.state.guildId}:${conversationChannel(seq)}`,
      customer: { id: `discord:40000000000000${seq}`, name: 'Eglė', locale: 'en', timeZone: 'UTC' },
      text: `My account is locked again (${seq}).`,
      topic: 'access',
    });
    await rig.desk.claim({ caseId: opened.case.id, actor: { id: 'tom' } });
    for (let i = 0; i < 2; i++) await rig.deliver();
    const card = rig.fake
      .messagesIn(IDS.triageAccess)
      .filter((m) => JSON.stringify(m.components).includes(`act:mark_heavy:${opened.case.id}`))
      .at(-1);
    if (!card) throw new Error('no triage card with "This one is heavy"');
    return { c: opened.case, card, thread: conversationChannel(seq) };
  }
  const dmOf = (user: FakeUser) => rig.dmWith(user) as FakeChannel | undefined;
  const dmTexts = (user: FakeUser) =>
    (dmOf(user) ? rig.fake.messagesIn(dmOf(user)!.id) : []).map((m) => m.content);
  const said = (i: { messages: { content: string }[] }) => i.messages.map((m) => m.content).join('\n');
  const clickId = (user: FakeUser, message: FakeMessage, customId: string) =>
    rig.interact(
      buttonClick(rig.fake.state, {
        user,
        channel: rig.fake.state.channel(message.channel_id) as FakeChannel,
        customId,
        message: rig.fake.state.toApiMessage(message),
      }),
    );

  it('marks it from the card: one DM per supervisor with Pair up and Take over, none to the member', async () => {
    const { c, card, thread } = await heldByTom();
    const before = { sam: dmTexts(rig.users.sam).length, marie: dmTexts(rig.users.marie).length };
    await rig.click(rig.users.tom, card, 'mark_heavy');
    for (let i = 0; i < 3; i++) await rig.deliver();
    const heavy = (t: string) => t.includes(`marked case #${c.number} from Eglė as heavy`);
    const toSam = dmTexts(rig.users.sam).slice(before.sam).filter(heavy);
    const toMarie = dmTexts(rig.users.marie).slice(before.marie).filter(heavy);
    expect(toSam).toHaveLength(1);
    expect(toMarie).toHaveLength(1);
    expect(toSam[0]).toContain('Tom Whitfield marked case');
    expect(dmTexts(rig.users.tom).filter((t) => t.includes('Thank you for saying so'))).toHaveLength(1);
    expect(rig.fake.messagesIn(thread).filter((m) => /heavy/i.test(m.content))).toEqual([]);
    expect((await rig.desk.getCase(c.id))?.heavy?.by).toBe('tom');

    // Pair up from Marie's DM: Tom is told she is with him.
    const marieDm = lastMessage(rig, dmOf(rig.users.marie)!.id, 'pair_up');
    expect(JSON.stringify(marieDm.components)).toContain(`act:take_over:${c.id}`);
    await rig.click(rig.users.marie, marieDm, 'pair_up');
    for (let i = 0; i < 2; i++) await rig.deliver();
    expect(
      dmTexts(rig.users.tom).filter((t) => t.startsWith(`Marie Dubois is with you on #${c.number}.`)),
    ).toHaveLength(1);

    // Take over from Sam's DM: the case is his, and Tom is thanked.
    await rig.click(rig.users.sam, lastMessage(rig, dmOf(rig.users.sam)!.id, 'take_over'), 'take_over');
    for (let i = 0; i < 2; i++) await rig.deliver();
    expect((await rig.desk.getCase(c.id))?.ownerId).toBe('sam');
    expect(dmTexts(rig.users.tom).filter((t) => t.includes(`has taken over case #${c.number}`))).toHaveLength(
      1,
    );
  });

  it('a second mark, a member’s click and a non-supervisor’s Take over are refused privately', async () => {
    const { c, card } = await heldByTom();
    await rig.click(rig.users.tom, card, 'mark_heavy');
    for (let i = 0; i < 2; i++) await rig.deliver();
    const version = (await rig.desk.getCase(c.id))?.version;
    const again = await rig.click(rig.users.lucas, card, 'mark_heavy');
    // Lucas reads French.
    expect(said(again)).toContain('est déjà signalée comme lourde (par Tom Whitfield)');
    const member = await rig.click(rig.users.egle, card, 'mark_heavy');
    expect(said(member)).toContain('Marking a case heavy is for the support team');
    const notSupervisor = await clickId(rig.users.lucas, card, `act:take_over:${c.id}`);
    expect(said(notSupervisor)).toContain('Cette action est réservée aux responsables.');
    expect((await rig.desk.getCase(c.id))?.version).toBe(version);
  });

  it('forged or malformed ids on the new buttons are answered and change nothing', async () => {
    const { c, card } = await heldByTom();
    const before = await rig.desk.getCase(c.id);
    for (const customId of [
      'act:mark_heavy',
      'act:mark_heavy:',
      'act:pair_up:a:b:c',
      `act:take_over:${'9'.repeat(90)}`,
      'act:mark_heavy:null',
    ]) {
      const answered = await clickId(rig.users.tom, card, customId);
      expect(answered.callback).toBeDefined();
    }
    expect(await rig.desk.getCase(c.id)).toEqual(before);
  });
});
