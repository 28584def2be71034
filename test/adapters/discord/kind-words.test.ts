// What went well on Discord, through the real discord.js against the fake: a member's 5 with a
// comment reaches the holder and each supervisor of the team by direct message, as kind words (the
// holder in their language, supervisors in the team's), the member's words shown as written and never pinging anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../fakes/discord/state.ts';
import { bodiesWithContent, NO_INTAKE_LIMIT, type Rig, startRig } from './rig.ts';

describe('kind words on Discord', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig({}, { intake: NO_INTAKE_LIMIT });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('tells the holder and the supervisors by DM, in their language', async () => {
    const customer = {
      id: 'discord:400000000000000001',
      name: 'Eglė',
      locale: 'en' as const,
      timeZone: 'UTC',
    };
    const opened = await rig.desk.openCase({
      workspace: rig.config.workspace,
      audience: 'community',
      conversation: `discord:${rig.fake.state.guildId}:1500000000000000001`,
      customer,
      text: 'I cannot sign in.',
      topic: 'access',
    });
    const id = opened.case.id;
    await rig.desk.claim({ caseId: id, actor: { id: 'tom' } });
    await rig.desk.resolve({ caseId: id, actor: { id: 'tom' }, summary: 'Account unlocked' });
    await rig.desk.rate({
      caseId: id,
      actor: { id: customer.id },
      score: 5,
      comment: '@everyone **Tom** was great',
    });
    for (let i = 0; i < 3; i++) await rig.deliver();
    const dm = (user: keyof Rig['users']) =>
      rig.fake
        .messagesIn((rig.dmWith(rig.users[user]) as FakeChannel).id)
        .map((m) => m.content)
        .join('\n');
    expect(dm('tom')).toContain('Kind words from a customer: Eglė rated case #1 5/5 and wrote');
    expect(dm('tom')).toContain('Thank you for the care you put into it.');
    expect(dm('sam')).toContain('Tom Whitfield held it.');
    // Supervisors read it as every supervisors' notice: in the team's language (English here).
    expect(dm('marie')).toContain('Kind words from a customer: Eglė rated case #1 5/5');
    // The member's words as written: markdown neutralised, and no mention parsed anywhere.
    expect(dm('tom')).not.toContain('**Tom**');
    for (const { body } of bodiesWithContent(rig)) expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});
