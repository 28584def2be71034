// A supervisor's week on Discord, through the real discord.js against the fake: `/support report`
// and `/support console` (privately, supervisors only, kind refusals in the reader's language),
// the weekly digest in a direct message once per team, supervisor and week, and malformed input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../adapters/discord/command-definitions.ts';
import { renderText } from '../../../src/core/index.ts';
import { sendWeeklyDigests } from '../../../src/jobs/weekly-digest.ts';
import { slashCommand } from '../../fakes/discord/payloads.ts';
import type { FakeInteraction, FakeUser, Json } from '../../fakes/discord/state.ts';
import { NO_INTAKE_LIMIT, type Rig, startRig } from './rig.ts';

describe('a supervisor’s week on Discord', () => {
  let rig: Rig;
  const issued: string[] = [];
  let link: string | null = 'https://console.example/sign-in/one-time?t=a_b';
  let channelSeq = 0;

  const command = (user: FakeUser, sub = 'report', locale?: string): Promise<FakeInteraction> =>
    rig.command(user, rig.channels.support, 'support', sub, locale);
  const allText = (i: FakeInteraction): string => i.messages.map((m) => m.content).join('\n');

  async function openAccessCase(text: string) {
    channelSeq += 1;
    const opened = await rig.desk.openCase({
      workspace: rig.config.workspace,
      audience: 'community',
      conversation: `discord:${rig.fake.state.guildId}:${1_400_000_000_000_000_000n + BigInt(channelSeq)}`,
      customer: { id: `discord:30000000000000${channelSeq}`, name: 'Eglė', locale: 'en', timeZone: 'UTC' },
      text,
      topic: 'access',
    });
    return opened.case;
  }

  beforeAll(async () => {
    rig = await startRig(
      {},
      {
        intake: NO_INTAKE_LIMIT,
        consoleLinks: {
          async issue(personId) {
            issued.push(personId);
            return link;
          },
        },
      },
    );
    // Taken after 10 minutes, answered after 30, resolved; one waits; one is at risk.
    const first = await openAccessCase('I cannot sign in.');
    rig.clock.advanceMinutes(10);
    await rig.desk.claim({ caseId: first.id, actor: { id: 'sam' } });
    rig.clock.advanceMinutes(20);
    await rig.desk.answer({ caseId: first.id, actor: { id: 'sam' }, text: 'Unlocked.' });
    await rig.desk.resolve({ caseId: first.id, actor: { id: 'sam' } });
    await openAccessCase('My password expired.');
    await openAccessCase('I will file a complaint with your manager.');
    rig.clock.advanceMinutes(1); // "this week" ends now, exclusive
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('offers report and console under /support, in three languages', () => {
    const support = commandDefinitions().find((c) => c.name === 'support');
    const subs = support?.options?.map((o) => [o.name, o.name_localizations.fr, o.name_localizations.lt]);
    expect(subs).toEqual(
      expect.arrayContaining([
        ['report', 'rapport', 'ataskaita'],
        ['console', 'console', 'konsolė'],
      ]),
    );
    for (const o of support?.options ?? []) {
      for (const d of [o.description, o.description_localizations.fr, o.description_localizations.lt])
        expect(d.length).toBeLessThanOrEqual(100);
    }
  });

  it('answers /support report privately with each supervised team’s week', async () => {
    const answer = await command(rig.users.sam);
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(allText(answer).split('\n')).toEqual([
      'How your teams kept their promises over the last 7 days, up to now:',
      '',
      '**This week (the last 7 days) · Account Access**',
      '• Promises kept: 100% (2 kept, 0 missed)',
      '• First response, counted in the policy’s hours: median 10 mins, 9 in 10 within 10 mins',
      '• Satisfaction: no ratings this week',
      '• Cases: 3 opened, 1 resolved or closed',
      '• At risk now: 1',
    ]);
    // Marie supervises both teams and reads French.
    const marie = allText(await command(rig.users.marie)).replace(/\s/gu, ' ');
    expect(marie).toContain('**Cette semaine (les 7 derniers jours) · Customer Support**');
    expect(marie).toContain('• Promesses tenues : 100 % (2 tenues, 0 manquée)');
    for (const m of (await command(rig.users.marie)).messages)
      expect(m.content.length).toBeLessThanOrEqual(2000);
  });

  it('refuses the report kindly and privately to anyone else, in their language', async () => {
    for (const [user, locale] of [
      [rig.users.tom, 'en'],
      [rig.users.egle, 'en'],
      [rig.users.lucas, 'fr'],
    ] as const) {
      const answer = await command(user, 'report');
      expect(answer.callback).toMatchObject({
        type: 4,
        data: { flags: 64, content: renderText('report.not_supervisor', { locale, timeZone: 'UTC' }) },
      });
    }
    const lithuanian = await command(rig.users.egle, 'report', 'lt');
    expect(lithuanian.callback?.data?.content).toBe(
      renderText('report.not_supervisor', { locale: 'lt', timeZone: 'UTC' }),
    );
  });

  it('gives a supervisor a one-time console link privately, and says when the console is off', async () => {
    const sam = await command(rig.users.sam, 'console');
    expect(sam.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(allText(sam)).toBe(
      'Your sign-in link to the web console: <https://console.example/sign-in/one-time?t=a_b>\n' +
        'It works once, within 15 minutes. Do not share it.',
    );
    expect(issued).toEqual(['sam']);
    link = null;
    const off = await command(rig.users.marie, 'console');
    expect(allText(off).replace(/\s/gu, ' ')).toBe(
      'La console web n’est pas activée ici : la personne qui fait tourner le bot peut l’activer en définissant CONSOLE_PORT.',
    );
    const refused = await command(rig.users.tom, 'console');
    expect(refused.callback).toMatchObject({
      type: 4,
      data: { flags: 64, content: renderText('console.not_supervisor', { locale: 'en', timeZone: 'UTC' }) },
    });
    expect(issued).toEqual(['sam', 'marie']);
  });

  it('malformed report commands crash nothing, and it answers afterwards', async () => {
    const payload = slashCommand(rig.fake.state, {
      user: rig.users.sam,
      channel: rig.channels.support,
      name: 'support',
      subcommand: 'report',
    });
    const broken: Json[] = [
      { ...payload, id: '1500000000000000001', data: { name: 'support', type: 1, options: [{ type: 1 }] } },
      { ...payload, id: '1500000000000000002', data: { name: 'support', type: 1, options: 'report' } },
      { ...payload, id: '1500000000000000003', member: null, user: null },
    ];
    for (const d of broken) rig.fake.dispatch('INTERACTION_CREATE', d);
    await rig.adapter.idle();
    // Still answering afterwards.
    const after = await command(rig.users.sam);
    expect(allText(after)).toContain('Account Access');
  });
});

describe('the weekly digest on Discord', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const run = () =>
    sendWeeklyDigests({
      directory: rig.config.desk.directory,
      store: rig.store,
      adapters: [rig.adapter],
      clock: rig.clock,
      logger: rig.logger,
    });
  const digestsTo = (user: FakeUser) => {
    const dm = rig.dmWith(user);
    return dm
      ? rig.fake.state.messagesIn(dm.id).filter((m) => /Weekly digest|Bilan hebdomadaire/.test(m.content))
      : [];
  };

  it('reaches each supervisor once per team and week, whatever the replicas and ticks', async () => {
    rig.clock.set(new Date('2026-11-30T06:30:00Z')); // before 09:00 in Vilnius and in UTC
    expect((await run()).sent).toBe(0);
    rig.clock.set(new Date('2026-11-30T07:30:00Z')); // Customer Support (Vilnius) is due: Marie
    expect((await run()).sent).toBe(1);
    rig.clock.set(new Date('2026-11-30T09:30:00Z')); // Account Access (UTC): Sam and Marie
    expect((await run()).sent).toBe(2);
    expect((await Promise.all([run(), run()])).map((r) => r.sent)).toEqual([0, 0]);
    await rig.restart();
    rig.clock.advanceMinutes(60);
    expect((await run()).sent).toBe(0);

    expect(digestsTo(rig.users.marie)).toHaveLength(2);
    expect(digestsTo(rig.users.sam)).toHaveLength(1);
    const sam = digestsTo(rig.users.sam)[0]?.content ?? '';
    expect(sam.split('\n\n').map((part) => part.split('\n')[0])).toEqual([
      '**Weekly digest for Account Access: the last 7 days, up to now**',
      '**What went well**',
      '**Promises kept least**',
      '**Lowest ratings**',
      '**Topics that grew**',
      '**Policy changes to consider (a change to the config file; the bot never makes one)**',
    ]);
    for (const m of digestsTo(rig.users.marie)) expect(m.content).toContain('**Ce qui s’est bien passé**');
  });
});
