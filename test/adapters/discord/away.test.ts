// Away at run time on Discord, through the real discord.js against the fake: `/support away
// [until]` and `/support back` (privately, staff only, kind refusals), assignments skipping whoever
// is away, the offer to hand over held cases with its buttons, and malformed input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../adapters/discord/command-definitions.ts';
import type { Case } from '../../../src/core/index.ts';
import { buttonClick, slashCommand } from '../../fakes/discord/payloads.ts';
import type { FakeInteraction, FakeMessage, FakeUser, Json } from '../../fakes/discord/state.ts';
import { NO_INTAKE_LIMIT, type Rig, startRig } from './rig.ts';

describe('away on Discord', () => {
  let rig: Rig;
  let seq = 0;

  beforeAll(async () => {
    rig = await startRig({}, { intake: NO_INTAKE_LIMIT });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  /** `/support <sub>` with the `until` option typed as given (none when undefined). */
  const support = (user: FakeUser, sub: string, until?: unknown): Promise<FakeInteraction> => {
    const payload = slashCommand(rig.fake.state, {
      user,
      channel: rig.channels.support,
      name: 'support',
      subcommand: sub,
    });
    if (until !== undefined) {
      const data = payload.data as { options: { options: Json[] }[] };
      data.options[0]!.options = [{ type: 3, name: 'until', value: until as string }];
    }
    return rig.interact(payload);
  };
  const textOf = (i: FakeInteraction) => i.messages.map((m) => m.content).join('\n');
  const click = (user: FakeUser, message: FakeMessage, customId: string) =>
    rig.interact(
      buttonClick(rig.fake.state, {
        user,
        channel: rig.channels.support,
        customId,
        message: rig.fake.state.toApiMessage(message),
      }),
    );

  async function accessCase(text: string): Promise<Case> {
    seq += 1;
    const opened = await rig.desk.openCase({
      workspace: rig.config.workspace,
      audience: 'community',
      conversation: `discord:${rig.fake.state.guildId}:${1_500_000_000_000_000_000n + BigInt(seq)}`,
      customer: { id: `discord:40000000000000${seq}`, name: 'Eglė', locale: 'en', timeZone: 'UTC' },
      text,
      topic: 'access',
    });
    return (await rig.desk.escalate({ caseId: opened.case.id, actor: { id: 'tom' } })).case;
  }

  it('offers away and back under /support, in three languages, with a short until', () => {
    const support = commandDefinitions().find((c) => c.name === 'support');
    const away = support?.options?.find((o) => o.name === 'away');
    expect([away?.name_localizations.fr, away?.name_localizations.lt]).toEqual(['absent', 'išvykstu']);
    expect(away?.options?.[0]).toMatchObject({ name: 'until', required: false, max_length: 40 });
    expect(support?.options?.some((o) => o.name === 'back')).toBe(true);
  });

  it('marks a staff member away until a time, privately; assignments skip them; back ends it', async () => {
    // Claire is away in the directory (sick leave): Sam and the backup, Tom, take access cases.
    const answer = await support(rig.users.sam, 'away', '17:00');
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(textOf(answer)).toContain('You are marked away until Monday 23 November at 17:00');
    expect(await rig.desk.awayNow('sam')).toBe(true);
    expect((await accessCase('Locked out once more.')).expertId).toBe('tom');
    const back = await support(rig.users.sam, 'back');
    expect(textOf(back)).toContain('Welcome back');
    expect(await rig.desk.awayNow('sam')).toBe(false);
    expect(textOf(await support(rig.users.sam, 'back'))).toContain('You were not marked away');
    // In the member's language: Lucas reads French.
    expect(textOf(await support(rig.users.lucas, 'away', 'demain'))).toContain('Vous êtes marqué absent');
    await rig.desk.comeBack({ actor: { id: 'lucas' } });
  });

  it('offers to hand over the cases one holds, one by one or all at once', async () => {
    const first = await accessCase('I cannot sign in.');
    const second = await accessCase('My password expired.');
    expect([first.expertId, second.expertId]).toEqual(['sam', 'sam']);
    const answer = await support(rig.users.sam, 'away');
    const offer = answer.messages[0]!;
    expect(offer.content).toContain('You hold 2 open cases');
    const ids = (offer.components as { components: { custom_id: string }[] }[]).flatMap((r) =>
      r.components.map((c) => c.custom_id),
    );
    expect(ids).toEqual([`handover:${first.id}`, `handover:${second.id}`, 'handover-all']);
    await click(rig.users.sam, offer, `handover:${first.id}`);
    expect((await rig.desk.getCase(first.id))?.expertId).toBe('tom');
    const all = await click(rig.users.sam, offer, 'handover-all');
    expect(textOf(all)).toContain('Handed over: 1. Still with you: 0.');
    expect((await rig.desk.getCase(second.id))?.expertId).toBe('tom');
    await rig.desk.comeBack({ actor: { id: 'sam' } });
  });

  it('refuses kindly: a value it cannot read, someone not on the team, a case they do not hold', async () => {
    const bad = await support(rig.users.sam, 'away', 'someday');
    expect(textOf(bad)).toContain('like 17:00, a date like 2026-12-24 or “tomorrow”');
    const long = await support(rig.users.sam, 'away', 'x'.repeat(500));
    expect(textOf(long)).toContain('like 17:00');
    const member = await support(rig.users.egle, 'away');
    expect(textOf(member)).toContain('This action is for the support team.');
    expect(await rig.desk.awayNow('sam')).toBe(false);
    const c = await accessCase('Another lockout.');
    const offer = (await support(rig.users.tom, 'away')).messages[0]!;
    const notHeld = await click(rig.users.tom, offer, `handover:${c.id}`);
    expect(textOf(notHeld)).toContain('Only the person holding case');
    await rig.desk.comeBack({ actor: { id: 'tom' } });
  });

  it('answers a forged hand-over button as unknown', async () => {
    const offer = (await support(rig.users.tom, 'away')).messages[0]!;
    for (const customId of ['handover:', 'handover:a:b', 'handover-all:x']) {
      const forged = await click(rig.users.tom, offer, customId);
      expect(forged.callback).toMatchObject({ type: 4, data: { flags: 64 } });
    }
    await rig.desk.comeBack({ actor: { id: 'tom' } });
  });
});
