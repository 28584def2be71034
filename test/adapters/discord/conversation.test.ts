// Talking in a case: customer messages become details, staff messages become answers, notes in
// the staff thread never reach the customer, mentions never ping, and long text is split or
// truncated with a way to read the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageCreate } from '../../fakes/discord/payloads.ts';
import type { FakeChannel } from '../../fakes/discord/state.ts';
import { IDS, bodiesWithContent, lastMessage, type Rig, startRig } from './rig.ts';

describe('Discord conversation', () => {
  let rig: Rig;
  let threadId = '';
  let caseId = '';
  beforeAll(async () => {
    rig = await startRig();
    const opened = await rig.openByMessage(rig.users.egle, 'Two-factor codes never arrive by SMS.');
    threadId = opened.threadId;
    caseId = opened.case.id;
    await rig.deliver();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const thread = () => rig.fake.state.channel(threadId) as FakeChannel;
  const say = (author: (typeof rig.users)['egle'], channel: FakeChannel, content: string) =>
    rig.dispatch('MESSAGE_CREATE', messageCreate(rig.fake.state, { author, channel, content }));

  it('records a staff message in the thread as an answer: the customer gets the buttons, not a copy', async () => {
    const words = 'Could you check that your phone number ends in 42?';
    await rig.say(rig.users.tom, thread(), words);
    const c = await rig.desk.getCase(caseId);
    expect(c).toMatchObject({ ownerId: 'tom', status: 'waiting_on_customer' });
    await rig.deliver();
    const withWords = rig.fake.messagesIn(threadId).filter((m) => m.content.includes(words));
    expect(withWords.map((m) => m.author.id)).toEqual([rig.users.tom.id]);
    const reply = lastMessage(rig, threadId);
    expect(reply.content).toBe('');
    for (const action of ['add_details', 'mark_resolved', 'ask_supervisor']) {
      expect(JSON.stringify(reply.components)).toContain(`act:${action}:`);
    }
  });

  it('records a customer message in the thread as details for the owner', async () => {
    await say(rig.users.egle, thread(), 'Yes it ends in 42, and I tried twice today.');
    await rig.deliver();
    const events = (await rig.store.inspect.listEvents(caseId)).map((e) => e.type);
    expect(events).toContain('details_added');
    const dm = rig.dmWith(rig.users.tom);
    expect(lastMessage(rig, dm?.id ?? '').content).toContain('Eglė added details to your case #1');
  });

  it('keeps notes in the staff thread: recorded, acknowledged, never shown to the customer', async () => {
    const card = lastMessage(rig, IDS.triageSupport);
    const staffThread = rig.fake.state.channel(card.id) as FakeChannel;
    const before = rig.fake.messagesIn(threadId).length;
    await say(rig.users.tom, staffThread, 'Carrier outage in LT today, see status page.');
    await rig.deliver();
    const events = await rig.store.inspect.listEvents(caseId);
    expect(events.find((e) => e.type === 'note_added')?.data).toEqual({
      text: 'Carrier outage in LT today, see status page.',
    });
    expect(rig.fake.messagesIn(threadId)).toHaveLength(before);
    expect(
      rig.fake.messagesIn(staffThread.id).filter((m) => m.content.includes('Carrier outage')),
    ).toHaveLength(0);
    expect(
      rig.fake.callsTo('PUT', new RegExp(`^/channels/${staffThread.id}/messages/\\d+/reactions/`)),
    ).toHaveLength(1);
  });

  it('ignores a bystander in a public case thread', async () => {
    const before = (await rig.store.inspect.listEvents(caseId)).length;
    await say(rig.users.jean, thread(), 'Same problem here!');
    expect(await rig.store.inspect.listEvents(caseId)).toHaveLength(before);
  });

  it('sends user text with @everyone, @here, role and user mentions with no mention parsed', async () => {
    const text = 'Ping @everyone and @here, <@&1300000000000000777> and <@1087000000000000001>!';
    await say(rig.users.egle, thread(), text);
    // Given from outside the thread, so the bot relays it.
    await rig.desk.answer({ caseId, actor: { id: 'tom' }, text: `Quoting you: ${text}` });
    await rig.deliver();
    const relayed = rig.fake
      .messagesIn(threadId)
      .map((m) => m.content)
      .join('\n');
    expect(relayed).toContain(
      'Quoting you: Ping @\u200beveryone and @\u200bhere, <@&\u200b1300000000000000777>',
    );
    expect(relayed).not.toMatch(/<@[!&]?\d/);
    const dm = rig.dmWith(rig.users.tom);
    expect(lastMessage(rig, dm?.id ?? '').content).toContain('@\u200beveryone');
    for (const { body } of bodiesWithContent(rig)) expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('splits a long answer into messages of at most 2,000 characters, losing nothing', async () => {
    const steps = Array.from(
      { length: 60 },
      (_, i) => `Step ${i + 1}: open Settings, then Security, then check item ${i + 1}.`,
    );
    const before = rig.fake.messagesIn(threadId).length;
    await rig.desk.answer({ caseId, actor: { id: 'tom' }, text: steps.join('\n') });
    await rig.deliver();
    const parts = rig.fake.messagesIn(threadId).slice(before);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.content.length).toBeLessThanOrEqual(2000);
    const joined = parts.map((p) => p.content).join('\n');
    for (const step of steps) expect(joined).toContain(step);
    expect(parts.slice(0, -1).every((p) => p.components.length === 0)).toBe(true);
    expect(parts.at(-1)?.components.length).toBeGreaterThan(0);
  });

  it('truncates a long card and shows the full text on request', async () => {
    const words = `My story: ${'the export keeps failing with a timeout. '.repeat(120)}The end.`;
    rig.clock.advance(3 * 60_000); // past the intake cooldown: a case of its own
    const { case: c } = await rig.openByMessage(rig.users.egle, words);
    await rig.deliver();
    const card = rig.fake
      .messagesIn(IDS.triageSupport)
      .find((m) => JSON.stringify(m.embeds).includes(`#${c.number} `));
    const description = (card?.embeds[0] as { description: string }).description;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.endsWith('…')).toBe(true);
    if (!card) throw new Error('no card');
    const shown = await rig.click(rig.users.tom, card, `more:${c.id}`);
    expect(shown.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const full = shown.messages.map((m) => m.content).join(' ');
    expect(full).toContain('The end.');
  });

  it('relays a notice for a person without a Discord id to the staff thread, by name', async () => {
    const { case: c } = await rig.openByMessage(rig.users.jean, 'I was billed for a plan I cancelled.');
    await rig.desk.escalate({ caseId: c.id, actor: { id: 'tom' }, topic: 'billing' });
    await rig.deliver();
    const card = rig.fake
      .messagesIn(IDS.triageSupport)
      .find((m) => JSON.stringify(m.embeds).includes(`#${c.number} `));
    const expert = (await rig.desk.getCase(c.id))?.expertId;
    const name = expert ? rig.config.desk.directory.people[expert]?.name : undefined;
    const relayed = rig.fake.messagesIn(card?.id ?? '').find((m) => m.content.startsWith(`For ${name}:\n`));
    expect(relayed?.content).toContain(`#${c.number}`);
    expect(JSON.stringify(relayed?.components)).toContain('act:accept:');
  });
});
