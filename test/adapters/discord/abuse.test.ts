// The abuse shield on Discord, through the real discord.js against the fake: the triage card shows
// a member's insults masked and flagged while their own thread keeps the words; "Send this reply"
// posts the ready reply in their thread once; a second abusive message reaches each supervisor
// with "Take over" and "Stay with them", which work from the buttons; bad custom ids are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick } from '../../fakes/discord/payloads.ts';
import type { FakeChannel, FakeMessage } from '../../fakes/discord/state.ts';
import { lastMessage, type Rig, startRig } from './rig.ts';

const READY = 'I want to help you, and I will.';

describe('Discord abuse shield', () => {
  let rig: Rig;
  let caseId = '';
  let threadId = '';
  beforeAll(async () => {
    rig = await startRig();
    const opened = await rig.openByMessage(rig.users.egle, 'You idiots broke my login');
    ({ threadId } = opened);
    caseId = opened.case.id;
    await rig.deliver();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  /** Every message the bot posted, in every channel and thread. */
  const everywhere = (): FakeMessage[] =>
    [...rig.fake.state.channels.keys()].flatMap((id) => rig.fake.messagesIn(id));
  const withButton = (action: string) =>
    everywhere().filter((m) => JSON.stringify(m.components ?? []).includes(`"act:${action}:`));
  const inThread = (text: string) => rig.fake.messagesIn(threadId).filter((m) => m.content.includes(text));
  const dmOf = (user: (typeof rig.users)['marie']) => rig.dmWith(user) as FakeChannel;

  it('masks and flags the words on the triage card; the member’s thread keeps them', async () => {
    const card = lastMessage(rig, rig.channels.triageSupport.id, 'claim');
    const shown = card.content + JSON.stringify(card.embeds ?? []);
    expect(shown).toContain('⚠ Abusive language (masked)');
    expect(shown).toContain('You i••••• broke my login');
    expect(shown).not.toContain('idiots');
    expect(inThread('You idiots broke my login').length).toBeGreaterThan(0);
  });

  it('Send this reply posts the ready reply in the member’s thread, once', async () => {
    const [ready] = withButton('abuse_reply');
    expect(ready?.content).toContain('A ready reply in their language');
    await rig.click(rig.users.tom, ready as FakeMessage, 'abuse_reply');
    await rig.deliver();
    expect(inThread(READY)).toHaveLength(1);
    const again = await rig.click(rig.users.tom, ready as FakeMessage, 'abuse_reply');
    await rig.deliver();
    expect(JSON.stringify(again.messages.at(-1) ?? again.callback)).toContain('already sent');
    expect(inThread(READY)).toHaveLength(1);
    // The ready reply is not the answer: the case still waits on staff, its promise running.
    expect((await rig.desk.getCase(caseId))?.status).toBe('open');
  });

  it('a second abusive message reaches the supervisors; Stay with them, then Take over', async () => {
    await rig.desk.claim({ caseId, actor: { id: 'tom' } });
    await rig.say(rig.users.egle, rig.fake.state.channel(threadId) as FakeChannel, 'Morons, all of you');
    await rig.deliver();
    await rig.deliver();
    const alerts = rig.fake.messagesIn(dmOf(rig.users.marie).id).filter((m) => m.content.includes('again'));
    expect(alerts).toHaveLength(1);
    const alert = alerts[0] as FakeMessage;
    expect(alert.content).toContain('M•••••, all of you');
    expect(alert.content).not.toContain('Morons');

    await rig.click(rig.users.marie, alert, 'abuse_stay');
    await rig.deliver();
    const tomDm = rig.dmWith(rig.users.tom) as FakeChannel;
    expect(rig.fake.messagesIn(tomDm.id).filter((m) => m.content.includes('has your back'))).toHaveLength(1);

    const before = await rig.desk.getCase(caseId);
    await rig.click(rig.users.marie, alert, 'abuse_take_over');
    await rig.deliver();
    const after = await rig.desk.getCase(caseId);
    expect(after).toMatchObject({ ownerId: 'marie', status: before?.status, level: before?.level });
    expect(after?.window?.dueAt).toEqual(before?.window?.dueAt);
    expect(rig.fake.messagesIn(tomDm.id).filter((m) => m.content.includes('has taken over'))).toHaveLength(1);
  });

  it('refuses the new buttons from the wrong person or with a malformed id, without a crash', async () => {
    const alert = rig.fake.messagesIn(dmOf(rig.users.marie).id).find((m) => m.content.includes('again'));
    const refused = await rig.click(rig.users.egle, alert as FakeMessage, 'abuse_take_over');
    expect(JSON.stringify(refused.messages.at(-1) ?? refused.callback)).toContain('supervisors');
    for (const customId of [
      'act:abuse_stay:',
      'act:abuse_stay:no-such-case',
      `act:abuse_take_over:${'x'.repeat(90)}`,
      'act:abuse_reply:a:b:c:d',
      'act:abuse_reply',
    ]) {
      const s = rig.fake.state;
      const i = await rig.interact(
        buttonClick(s, {
          user: rig.users.marie,
          channel: dmOf(rig.users.marie),
          customId,
          message: s.toApiMessage(alert as FakeMessage),
        }),
      );
      expect(i.callback).not.toBeNull();
    }
    expect((await rig.desk.getCase(caseId))?.ownerId).toBe('marie');
  });
});
