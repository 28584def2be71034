// The answer bank on Discord, through discord.js against the fake Discord: the triage card shows
// the closest past answer with "Send this answer" (sent as the staff answer, the entry recorded);
// the community's acknowledgement offers it with "This solved it" (the case closes); a retired
// entry is refused privately; malformed suggestion buttons are told they are unknown.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInteraction, FakeMessage } from '../../fakes/discord/state.ts';
import { parseSuggestionId, suggestionCustomId } from '../../../adapters/discord/render/suggestions.ts';
import { buttonClick } from '../../fakes/discord/payloads.ts';
import { IDS, type Rig, startRig } from './rig.ts';

const PAST = 'Password reset emails can land in spam: check the spam folder, then ask for a new reset email.';
type Button = { custom_id: string; label: string };
const buttonsOf = (m: FakeMessage): Button[] =>
  (m.components as { components?: Button[] }[]).flatMap((row) => row.components ?? []);
const privately = (i: FakeInteraction) =>
  i.messages.filter((m) => (m.flags & 64) === 64).map((m) => m.content);

describe('Discord: the answer bank', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  /** An earlier case resolved with PAST, then Eglė's new case like it. */
  async function setUp(r: Rig) {
    const earlier = await r.openByMessage(r.users.jean, 'Password reset never came');
    const staff = Object.values(r.config.desk.directory.teams).find((t) => t.id === earlier.case.team);
    // Someone of the team's staff who is on Discord.
    const people = r.config.desk.directory.people;
    const front =
      [...(staff?.frontLine ?? []), ...(staff?.supervisors ?? [])].find((id) =>
        Object.values(r.users).some((u) => people[id]?.discordId === u.id),
      ) ?? 'tom';
    await r.desk.resolve({ caseId: earlier.case.id, actor: { id: front }, summary: PAST });
    await r.deliver();
    const [entry] = await r.store.answers.list({ limit: 1 });
    if (!entry) throw new Error('no entry');
    const opened = await r.openByMessage(r.users.egle, 'Password reset email missing');
    await r.deliver();
    const triage = staff?.discordTriageChannel ?? IDS.triageSupport;
    const card = r.fake
      .messagesIn(triage)
      .filter((m) => buttonsOf(m).some((b) => b.custom_id.startsWith('answer:send:')))
      .at(-1);
    if (!card) throw new Error('no card with suggestions');
    return { entry, opened, card, front };
  }
  const eventsOf = async (r: Rig, caseId: string, type: string) =>
    (await r.store.inspect.listEvents(caseId)).filter((e) => e.type === type);

  it('the triage card offers the past answer; "Send this answer" answers the member with it', async () => {
    rig = await startRig();
    const r = rig;
    const { entry, opened, card, front } = await setUp(r);
    const send = buttonsOf(card).find((b) => b.custom_id === `answer:send:${opened.case.id}:${entry.id}`);
    expect(send?.label).toMatch(/\(1\)$/);
    const frontUser = Object.values(r.users).find(
      (u) => r.config.desk.directory.people[front]?.discordId === u.id,
    );
    if (!frontUser) throw new Error('no Discord user for the front line');
    await r.click(frontUser, card, send?.custom_id ?? '');
    await r.deliver();
    expect((await eventsOf(r, opened.case.id, 'answered')).map((e) => e.data)).toEqual([
      { text: PAST, fromAnswer: entry.id },
    ]);
    expect(r.fake.messagesIn(opened.threadId).some((m) => m.content.includes('check the spam folder'))).toBe(
      true,
    );
  });

  it('the acknowledgement offers answers that helped others; "This solved it" closes the case', async () => {
    rig = await startRig();
    const r = rig;
    const { entry, opened } = await setUp(r);
    const offer = r.fake
      .messagesIn(opened.threadId)
      .find((m) => buttonsOf(m).some((b) => b.custom_id.startsWith('answer:solved:')));
    if (!offer) throw new Error('no offer beside the acknowledgement');
    await r.click(r.users.egle, offer, `answer:solved:${opened.case.id}:${entry.id}`);
    await r.deliver();
    expect((await r.caseOf(opened.threadId)).status).toBe('closed');
    expect((await eventsOf(r, opened.case.id, 'closed')).map((e) => e.data)).toEqual([
      { fromAnswer: entry.id },
    ]);
  });

  it('refuses a retired entry privately, and tells an unknown or malformed id apart', async () => {
    rig = await startRig();
    const r = rig;
    const { entry, opened, card, front } = await setUp(r);
    await r.store.answers.retire(entry.id, 'paul', new Date('2026-11-23T08:30:00Z'));
    const frontUser = Object.values(r.users).find(
      (u) => r.config.desk.directory.people[front]?.discordId === u.id,
    );
    if (!frontUser) throw new Error('no Discord user for the front line');
    const refused = await r.click(frontUser, card, `answer:send:${opened.case.id}:${entry.id}`);
    expect(privately(refused).join('\n')).toMatch(/answer bank|banque de réponses|atsakymų banke/);
    expect(await eventsOf(r, opened.case.id, 'answered')).toEqual([]);

    const s = r.fake.state;
    const channel = s.channel(card.channel_id);
    if (!channel) throw new Error('no channel');
    for (const customId of [
      `answer:send:${opened.case.id}`,
      `answer:steal:${opened.case.id}:${entry.id}`,
      `answer:send:${opened.case.id}:${entry.id}:extra`,
      `answer:send:${opened.case.id}:<@&1>`,
      `answer:send:${'x'.repeat(61)}:${entry.id}`,
    ]) {
      const i = await r.interact(
        buttonClick(s, { user: frontUser, channel, customId, message: s.toApiMessage(card) }),
      );
      expect(privately(i).length).toBe(1);
    }
    expect(await eventsOf(r, opened.case.id, 'answered')).toEqual([]);
  });

  it('the card’s Reply form answers the customer; its "Answer bank" box puts the answer into the bank', async () => {
    rig = await startRig();
    const r = rig;
    const { opened, card, front } = await setUp(r);
    const frontUser = Object.values(r.users).find(
      (u) => r.config.desk.directory.people[front]?.discordId === u.id,
    );
    if (!frontUser) throw new Error('no Discord user for the front line');
    const channel = r.fake.state.channel(card.channel_id);
    if (!channel) throw new Error('no channel');
    const open = () => r.click(frontUser, card, `staff:reply:${opened.case.id}`);
    let form = await open();
    expect(form.callback?.type).toBe(9);
    await r.submit(frontUser, channel, form, {
      text: 'Check the spam folder first.',
      reusable: ['reusable'],
    });
    form = await open();
    // A submission without the box (or with something else in it) is a plain answer.
    await r.submit(frontUser, channel, form, { text: 'Anything else?', reusable: ['other'] });
    await r.deliver();
    expect((await eventsOf(r, opened.case.id, 'answered')).map((e) => e.data)).toEqual([
      { text: 'Check the spam folder first.', reusable: true },
      { text: 'Anything else?' },
    ]);
    const texts = (await r.store.answers.list({ limit: 5 })).map((e) => e.text);
    expect(texts).toContain('Check the spam folder first.');
    expect(texts).not.toContain('Anything else?');
  });
});

describe('Discord suggestion ids', () => {
  it('round-trip an entry id with colons (an incident’s resolution), and refuse the malformed', () => {
    const caseId = '0b8a4c3e-1111-4222-8333-944455556666';
    const entryId = 'incident:7c9d1e2f-1111-4222-8333-944455556666';
    const id = suggestionCustomId('solved', caseId, entryId);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseSuggestionId(id)).toEqual({ kind: 'solved', caseId, entryId });
    for (const bad of [
      'answer:send',
      'answer:send:c1:',
      'answer:take:c1:e1',
      'answer:send:c 1:e1',
      `answer:send:c1:${'e'.repeat(61)}`,
      'act:claim:c1',
    ])
      expect(parseSuggestionId(bad)).toBeNull();
  });
});
