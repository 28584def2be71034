// The whole ladder through Discord: intake by /support, the ack in the case's private thread, the
// staff card, claim, escalation to the expert, accept, a missed window, the customer asking for a
// supervisor, a refused non-supervisor, a double-clicked approval deciding once, the customer
// reading the apology and plan, resolution and rating.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/texts/index.ts';
import { IDS, bodiesWithContent, lastMessage, type Rig, startRig } from './rig.ts';

const HOUR = 60 * 60_000;

describe('Discord adapter: the ladder end to end', () => {
  let rig: Rig;
  let threadId = '';
  let caseId = '';

  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const thread = () => rig.fake.state.channel(threadId);
  const threadTexts = () => rig.fake.messagesIn(threadId).map((m) => m.content);
  const current = async () => {
    const c = await rig.desk.getCase(caseId);
    if (!c) throw new Error('case vanished');
    return c;
  };

  it('opens a case from /support in a private thread and acknowledges it there', async () => {
    const { egle } = rig.users;
    const form = await rig.command(egle, rig.channels.support, 'support', 'open', 'en-GB');
    expect(form.callback?.type).toBe(9);
    const submitted = await rig.submit(egle, rig.channels.support, form, {
      topic: 'access',
      description: 'I cannot log in since the password reset. @everyone <@&1300000000000009999> help!',
      urgency: 'high',
    });
    expect(submitted.callback?.type).toBe(5); // deferred, ephemeral
    const opened = submitted.messages[0]?.content ?? '';
    threadId = /<#(\d+)>/.exec(opened)?.[1] ?? '';
    expect(opened).toContain('Case #1 is open');
    expect(thread()?.type).toBe(12); // a private thread
    expect(thread()?.parent_id).toBe(IDS.support);
    expect(thread()?.members.has(egle.id)).toBe(true);
    expect(thread()?.name).toBe('🟡 Case #1 · Eglė'); // the status sign first

    const c = await rig.caseOf(threadId);
    caseId = c.id;
    expect(c.customer).toMatchObject({ id: `discord:${egle.id}`, name: 'Eglė', locale: 'en' });
    expect(c).toMatchObject({ topic: 'access', team: 'access', priority: 'high', audience: 'community' });

    await rig.deliver();
    const ack = threadTexts().join('\n');
    expect(ack).toContain('Hello Eglė, thank you for getting in touch');
    expect(ack).toContain('case #1');
    // The customer's own words are echoed, neutralised: no live mention syntax survives.
    expect(ack).toContain('@\u200beveryone');
    expect(ack).not.toMatch(/<@&\d/);
  });

  it('gives staff one card in the triage channel, with a staff-only thread', async () => {
    const cards = rig.fake.messagesIn(IDS.triageAccess);
    expect(cards).toHaveLength(1);
    const card = cards[0];
    const embed = card?.embeds[0] as { title: string; fields: { name: string; value: string }[] };
    expect(embed.title).toBe('#1 · Eglė');
    expect(embed.fields.find((f) => f.name === 'Handled by')?.value).toBe('not assigned yet');
    expect(rig.fake.state.channel(card?.id ?? '')?.type).toBe(11); // the card's thread
  });

  it('lets front line claim from the card, and the card updates in place', async () => {
    const card = lastMessage(rig, IDS.triageAccess);
    const click = await rig.click(rig.users.tom, card, 'claim');
    expect(click.callback?.type).toBe(6);
    expect((await current()).ownerId).toBe('tom');
    await rig.deliver();
    expect(threadTexts().at(-1)).toContain('Tom Whitfield is now looking after case #1');
    const fields = (card.embeds[0] as { fields: { name: string; value: string }[] }).fields;
    expect(fields.find((f) => f.name === 'Handled by')?.value).toBe('Tom Whitfield');
    expect(rig.fake.messagesIn(IDS.triageAccess)).toHaveLength(1);
    expect(thread()?.members.has(rig.users.tom.id)).toBe(true);
  });

  it('escalates to the expert, who gets Accept / Cannot resolve / Reassign by DM and accepts', async () => {
    const card = lastMessage(rig, IDS.triageAccess);
    const pass = await rig.click(rig.users.tom, card, 'escalate');
    expect(pass.callback?.type).toBe(9); // the topic, the case's own chosen
    await rig.submit(rig.users.tom, rig.channels.triageAccess, pass, { topic: 'access' }, card);
    const c = await current();
    expect(c).toMatchObject({ level: 2, expertId: 'sam', status: 'waiting_on_expert' });
    await rig.deliver();
    expect(threadTexts().at(-1)).toContain('Sam Okafor, who specialises in it, is now handling it');
    const dm = rig.dmWith(rig.users.sam);
    const assigned = lastMessage(rig, dm?.id ?? '', 'accept');
    expect(assigned.content).toContain('Case #1 from Eglė is assigned to you');
    for (const action of ['accept', 'cannot_resolve', 'reassign'])
      expect(() => lastMessage(rig, dm?.id ?? '', action)).not.toThrow();
    const form = await rig.click(rig.users.sam, assigned, 'accept');
    expect(form.callback?.type).toBe(9); // the optional "call back by" time; empty keeps the promise
    await rig.submit(rig.users.sam, dm as never, form, { callback: '' }, assigned);
    const events = await rig.store.inspect.listEvents(caseId);
    expect(events.map((e) => e.type)).toContain('accepted');
  });

  it('tells the customer when the expert misses the window (sweep with the fake clock)', async () => {
    rig.clock.advance(13 * HOUR); // community high: a 12 h callback window, round the clock
    const report = await rig.desk.sweep();
    expect(report.missed).toBe(1);
    await rig.deliver();
    expect(threadTexts().at(-1)).toContain(
      'we promised you an answer on case #1 and did not give it in time',
    );
    expect(lastMessage(rig, rig.dmWith(rig.users.sam)?.id ?? '').content).toContain('has passed');
  });

  it('lets the customer ask for a supervisor with a button in their thread', async () => {
    const last = lastMessage(rig, threadId, 'ask_supervisor');
    const click = await rig.click(rig.users.egle, last, 'ask_supervisor');
    expect(click.callback?.type).toBe(6);
    expect((await current()).status).toBe('awaiting_approval');
    await rig.deliver();
    expect(threadTexts().at(-1)).toContain('we have asked a supervisor to review case #1');
    for (const supervisor of [rig.users.sam, rig.users.marie]) {
      const card = lastMessage(rig, rig.dmWith(supervisor)?.id ?? '', 'approve');
      expect(card.content).toContain('Decision needed on escalating case #1');
    }
  });

  it('refuses a non-supervisor kindly and privately', async () => {
    const card = lastMessage(rig, rig.dmWith(rig.users.marie)?.id ?? '', 'approve');
    const click = await rig.click(rig.users.tom, card, 'approve');
    expect(click.callback?.type).toBe(4);
    expect(click.callback?.data).toMatchObject({ flags: 64, content: 'This action is for supervisors.' });
    expect((await current()).status).toBe('awaiting_approval');
  });

  it('decides a double-clicked, then replayed approval once', async () => {
    const card = lastMessage(rig, rig.dmWith(rig.users.marie)?.id ?? '', 'approve');
    const dm = rig.dmWith(rig.users.marie);
    if (!dm) throw new Error('no DM with Marie');
    const first = await rig.click(rig.users.marie, card, 'approve', 'fr');
    const second = await rig.click(rig.users.marie, card, 'approve', 'fr');
    expect([first.callback?.type, second.callback?.type]).toEqual([9, 9]);
    expect(first.callback?.data?.title).toBe('Approuver l’escalade de la demande n°1');
    const values = {
      apology: 'I am sorry we kept you waiting after the reset, Eglė.',
      plan: 'I have reset your sign-in myself; I will check with you tomorrow morning.',
    };
    const approved = await rig.submit(rig.users.marie, dm, first, values, card);
    expect(approved.callback?.type).toBe(6);
    const again = await rig.submit(rig.users.marie, dm, second, values, card);
    expect(again.messages.at(-1)).toMatchObject({ flags: 64 });
    expect(again.messages.at(-1)?.content).toBe(
      renderText('error.already_decided', { locale: 'fr', timeZone: 'UTC' }),
    );

    // The gateway replays the first submission (same id): Discord refuses a second answer.
    const callbacksBefore = rig.fake.callsTo('POST', /\/callback$/).length;
    rig.fake.dispatch('INTERACTION_CREATE', approved.payload);
    await rig.fake.waitFor(() => rig.fake.callsTo('POST', /\/callback$/).length > callbacksBefore, {
      what: 'replay',
    });
    await rig.adapter.idle();

    const events = (await rig.store.inspect.listEvents(caseId)).filter(
      (e) => e.type === 'escalation_approved',
    );
    expect(events).toHaveLength(1);
    const c = await current();
    expect(c).toMatchObject({ level: 3, ownerId: 'marie', supervisorId: 'marie' });
    expect(c.approval?.apology).toBe(values.apology);
  });

  it('brings the apology and the plan to the customer, and closes every approval card', async () => {
    await rig.deliver();
    const approvals = threadTexts().filter((t) => t.includes('a supervisor, has taken charge'));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toContain('I am sorry we kept you waiting after the reset, Eglė.');
    expect(approvals[0]).toContain('I have reset your sign-in myself');
    for (const supervisor of [rig.users.sam, rig.users.marie]) {
      const copy = rig.fake
        .messagesIn(rig.dmWith(supervisor)?.id ?? '')
        .find((m) => m.content.includes('Decision needed'));
      expect(copy?.components).toEqual([]);
      expect(JSON.stringify(copy?.embeds)).toContain('Marie Dubois');
    }
  });

  it('resolves, the customer confirms and rates', async () => {
    const marieCard = lastMessage(rig, IDS.triageAccess);
    const form = await rig.click(rig.users.marie, marieCard, 'resolve');
    await rig.submit(
      rig.users.marie,
      rig.channels.triageAccess,
      form,
      { summary: 'Your sign-in works again.' },
      marieCard,
    );
    expect((await current()).status).toBe('resolved');
    await rig.deliver();
    expect(threadTexts().at(-1)).toContain('we believe case #1 is resolved: Your sign-in works again.');

    await rig.click(rig.users.egle, lastMessage(rig, threadId, 'confirm'), 'confirm');
    expect((await current()).status).toBe('closed');
    await rig.deliver();
    const rate = await rig.click(rig.users.egle, lastMessage(rig, threadId, 'rate'), 'rate');
    expect(rate.callback?.type).toBe(9);
    await rig.submit(rig.users.egle, thread() ?? rig.channels.support, rate, {
      score: '5',
      comment: 'Quick and kind.',
    });
    expect((await current()).rating).toEqual({ score: 5, comment: 'Quick and kind.' });
    await rig.deliver();
    expect(threadTexts().at(-1)).toContain('rating of 5 out of 5');
    const card = lastMessage(rig, IDS.triageAccess);
    const buttons = (
      card.components as { components: { custom_id: string; disabled?: boolean }[] }[]
    ).flatMap((r) => r.components);
    // Only "Went outside" stays: a customer may still go over everyone's head after a close.
    expect(buttons.filter((b) => !b.disabled).map((b) => b.custom_id)).toEqual([
      `staff:record_outside:${caseId}`,
    ]);
  });

  it('answered every interaction within 3 s and never let a mention be parsed', () => {
    const interactions = [...rig.fake.state.interactions.values()];
    expect(interactions.length).toBeGreaterThan(10);
    for (const i of interactions) expect((i.callback?.at ?? Infinity) - i.dispatchedAt).toBeLessThan(3_000);
    const bodies = bodiesWithContent(rig);
    expect(bodies.length).toBeGreaterThan(20);
    for (const { body } of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(rig.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});
