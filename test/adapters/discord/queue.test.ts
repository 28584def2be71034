// `/support queue`: a supervisor's lists (as Slack's App Home shows them), privately, through the
// real discord.js against the fake: pending approvals with working Approve / Decline buttons,
// overdue promises, cases at risk; bounded with "and N more", within Discord's limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterText } from '../../../adapters/discord/render/labels.ts';
import type { Case } from '../../../src/core/model.ts';
import { buttonClick } from '../../fakes/discord/payloads.ts';
import type { FakeInteraction, FakeMessage, FakeUser, Json } from '../../fakes/discord/state.ts';
import { NO_INTAKE_LIMIT, type Rig, startRig } from './rig.ts';

const unix = (d: Date): number => Math.floor(d.getTime() / 1000);

describe('/support queue', () => {
  let rig: Rig;
  let channelSeq = 0;
  beforeAll(async () => {
    rig = await startRig({}, { intake: NO_INTAKE_LIMIT });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const queue = (user: FakeUser, locale?: string): Promise<FakeInteraction> =>
    rig.command(user, rig.channels.support, 'support', 'queue', locale);
  const allText = (i: FakeInteraction): string => i.messages.map((m) => m.content).join('\n');
  /** The lines of one list, by its title. */
  const section = (i: FakeInteraction, title: string): string[] => {
    const blocks = allText(i).split('\n\n');
    const block = blocks.find((b) => b.startsWith(`**${title}**`));
    if (!block) throw new Error(`no list "${title}" in:\n${allText(i)}`);
    return block.split('\n').slice(1);
  };
  const buttonIds = (m: FakeMessage | undefined): { id: string; label: string }[] =>
    ((m?.components ?? []) as { components?: { custom_id?: string; label?: string }[] }[]).flatMap((row) =>
      (row.components ?? []).map((c) => ({ id: c.custom_id ?? '', label: c.label ?? '' })),
    );

  async function openAccessCase(text: string, name = 'Eglė'): Promise<Case> {
    channelSeq += 1;
    const opened = await rig.desk.openCase({
      workspace: rig.config.workspace,
      audience: 'community',
      conversation: `discord:${rig.fake.state.guildId}:${1_400_000_000_000_000_000n + BigInt(channelSeq)}`,
      customer: { id: `discord:30000000000000${channelSeq}`, name, locale: 'en', timeZone: 'UTC' },
      text,
      topic: 'access',
    });
    return opened.case;
  }

  it('says each list is empty when nothing waits in the supervisor’s teams', async () => {
    const answer = await queue(rig.users.sam);
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(answer.messages).toHaveLength(1);
    const text = answer.messages[0]?.content ?? '';
    expect(text.split('\n')[0]).toBe('Your queue for Account Access:');
    for (const title of [
      'Waiting for your approval',
      'Overdue promises',
      'Cases at risk',
      'Messages that could not be delivered',
    ])
      expect(section(answer, title)).toEqual(['Nothing here.']);
    expect(answer.messages[0]?.components).toEqual([]);

    const french = await queue(rig.users.marie); // Marie supervises both teams, in French
    expect(french.messages[0]?.content.split('\n')[0]).toBe(
      'Votre file pour Customer Support, Account Access :',
    );
    expect(section(french, 'En attente de votre accord')).toEqual(['Rien ici.']);
  });

  it('refuses someone who supervises no team, kindly and privately', async () => {
    for (const [user, locale] of [
      [rig.users.tom, 'en'],
      [rig.users.egle, 'en'],
      [rig.users.lucas, 'fr'],
    ] as const) {
      const answer = await queue(user);
      expect(answer.callback).toMatchObject({
        type: 4,
        data: { flags: 64, content: adapterText('queue.not_supervisor', locale) },
      });
    }
    expect(adapterText('queue.not_supervisor', 'en')).toContain('for supervisors');
  });

  it('shows a pending approval with working buttons, an overdue case and a case at risk', async () => {
    const late = await openAccessCase('I cannot sign in since yesterday.');
    const dueAt = late.window?.dueAt;
    if (!dueAt) throw new Error('no promise on the case');
    rig.clock.set(new Date(dueAt.getTime() + 60_000)); // past due, no sweep: the window still runs
    const asked = await openAccessCase('My account is locked.', 'Jean *Bernard*');
    await rig.desk.askSupervisor({ caseId: asked.id, actor: { id: asked.customer.id, name: 'Jean' } });
    const risky = await openAccessCase('I will file a complaint with your manager.');

    const answer = await queue(rig.users.sam);
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const thread = (c: Case) => `<#${c.conversation.split(':')[2]}>`;
    const approvals = section(answer, 'Waiting for your approval');
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatch(
      new RegExp(
        `^• Case #${asked.number} · Jean \\\\\\*Bernard\\\\\\* · Login and account access · due <t:\\d+:F> · `,
      ),
    );
    expect(approvals[0]?.endsWith(thread(asked))).toBe(true);
    const overdue = section(answer, 'Overdue promises');
    expect(overdue).toEqual([
      `• Case #${late.number} · Eglė · Login and account access · due <t:${unix(dueAt)}:F> · ${thread(late)}`,
    ]);
    const atRisk = section(answer, 'Cases at risk');
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0]).toContain(`Case #${risky.number} · Eglė`);
    expect(atRisk[0]?.endsWith(thread(risky))).toBe(true);
    expect(section(answer, 'Messages that could not be delivered')).toEqual(['Nothing here.']);

    // The approval's buttons are the ones the DM cards carry: the same handling decides.
    const message = answer.messages[0];
    const approvalId = (await rig.desk.getCase(asked.id))?.approval?.id ?? '';
    expect(buttonIds(message)).toEqual([
      { id: `act:approve:${asked.id}:${approvalId}`, label: `Approve #${asked.number}` },
      { id: `act:decline:${asked.id}:${approvalId}`, label: `Decline #${asked.number}` },
    ]);
    // An ephemeral message is in the channel the command was used in.
    const shown = {
      ...rig.fake.state.toApiMessage(message as FakeMessage),
      channel_id: rig.channels.support.id,
    };
    const form = await rig.interact(
      buttonClick(rig.fake.state, {
        user: rig.users.sam,
        channel: rig.channels.support,
        customId: `act:approve:${asked.id}:${approvalId}`,
        message: shown as Json,
      }),
    );
    expect(form.callback?.type).toBe(9);
    expect(form.callback?.data?.title).toBe(`Approve the escalation of case #${asked.number}`);
    const values = { apology: 'Sorry for the wait, Jean.', plan: 'I unlocked your account myself.' };
    const submitted = await rig.submit(rig.users.sam, rig.channels.support, form, values, {
      ...(message as FakeMessage),
      channel_id: rig.channels.support.id,
    });
    expect(submitted.callback?.type).toBe(6);
    const decided = await rig.desk.getCase(asked.id);
    expect(decided?.approval).toMatchObject({ status: 'approved', apology: values.apology });
    expect(decided).toMatchObject({ supervisorId: 'sam' });
    const events = await rig.store.inspect.listEvents(asked.id);
    expect(events.map((e) => e.type)).toContain('escalation_approved');

    const after = await queue(rig.users.sam);
    expect(section(after, 'Waiting for your approval')).toEqual(['Nothing here.']);
    expect(after.messages[0]?.components).toEqual([]);
  });

  it('lists 10 cases per list, says how many more, and keeps every message within 2,000 characters', async () => {
    const long = `Jean-Baptiste ${'Maximilien '.repeat(12)}`;
    const opened: Case[] = [];
    for (let n = 0; n < 13; n++)
      opened.push(await openAccessCase(`Number ${n}: I will go to a lawyer.`, long));
    const latest = Math.max(...opened.map((c) => c.window?.dueAt.getTime() ?? 0));
    rig.clock.set(new Date(latest + 60_000)); // every promise overdue too: the text needs two messages
    const answer = await queue(rig.users.sam);
    const atRisk = section(answer, 'Cases at risk');
    expect(atRisk).toHaveLength(11); // 14 at risk: 10 shown, and the line saying so
    expect(atRisk.at(-1)).toBe('…and 4 more.');
    for (const line of atRisk.slice(1, 10)) expect(line).toContain('· Jean-Baptiste Maximilien Maximilien');
    const overdue = section(answer, 'Overdue promises');
    expect(overdue).toHaveLength(11);
    expect(overdue.at(-1)).toMatch(/^…and \d+ more\.$/);
    expect(answer.messages.length).toBeGreaterThan(1);
    expect(answer.callback).toMatchObject({ type: 5, data: { flags: 64 } }); // the first: the private reply
    for (const m of answer.messages) expect(m.content.length).toBeLessThanOrEqual(2000);
    for (const m of answer.messages.slice(1)) expect(m.flags & 64).toBe(64); // the others: private follow-ups
  });

  it('answers in Lithuanian with the same lists', () => {
    expect(adapterText('queue.more', 'lt', { count: 3 })).toBe('…ir dar 3.');
    expect(adapterText('queue.button', 'lt', { action: 'Patvirtinti', number: 7 })).toBe('Patvirtinti Nr. 7');
  });
});
