// What Discord does exactly as Slack does, since both use adapters/shared (test/adapters/slack/
// alike.test.ts shows the same on Slack): the customer's buttons by the case's state, refusals
// escaped and in the reader's zone, Approve/Decline only while pending, the decision shown on every
// copy of the request, supervisors reached once each, one delivery per case at a time, a DM channel
// opened once per person, and long texts cut and split without breaking an escape.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, ClaimedNotice, OutboxEntry } from '../../../src/core/model.ts';
import { formatInstant } from '../../../src/core/texts/index.ts';
import { discordError } from '../../fakes/discord/rest-server.ts';
import { buttonClick, messageCreate } from '../../fakes/discord/payloads.ts';
import { ChannelKind, type FakeChannel, type FakeMessage } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, type Rig, startRig } from './rig.ts';

/** The action of each button on a message, in order. */
const actionsOn = (m: FakeMessage): string[] =>
  (m.components as { components?: { custom_id?: string }[] }[])
    .flatMap((row) => row.components ?? [])
    .map((b) => b.custom_id?.split(':')[1] ?? '');

const claimed = (n: OutboxEntry): ClaimedNotice => ({
  ...n,
  leaseToken: 'test',
  leaseUntil: new Date(8.64e15),
});

describe('Discord does as Slack does (adapters/shared)', () => {
  let rig: Rig;
  let c: Case;
  let threadId = '';
  beforeEach(async () => {
    rig = await startRig();
    ({ case: c, threadId } = await rig.openByMessage(
      rig.users.egle,
      'My invoice shows the wrong VAT number.',
    ));
    await rig.deliver();
  });
  afterEach(async () => {
    await rig.stop();
  });

  const say = (author: (typeof rig.users)['egle'], channelId: string, content: string) =>
    rig.dispatch(
      'MESSAGE_CREATE',
      messageCreate(rig.fake.state, {
        author,
        channel: rig.fake.state.channel(channelId) as FakeChannel,
        content,
      }),
    );
  const pendingNotices = async (caseId: string) =>
    (await rig.store.inspect.listOutbox({ caseId, statuses: ['pending'] })).map(claimed);
  /** A case of the access team, whose supervisors are Sam and Marie, opened with the form. */
  const openAccessCase = async (): Promise<Case> => {
    const form = await rig.command(rig.users.jean, rig.channels.support, 'support', 'open');
    const done = await rig.submit(rig.users.jean, rig.channels.support, form, {
      topic: 'access',
      description: 'My second factor device was stolen.',
      urgency: 'normal',
    });
    const opened = await rig.caseOf(/<#(\d+)>/.exec(done.messages[0]?.content ?? '')?.[1] ?? '');
    await rig.deliver();
    return opened;
  };

  it('while a decision is pending the customer is not offered a second request, and asking again from an older message is refused with the due time in each reader’s own zone', async () => {
    const older = lastMessage(rig, threadId, 'ask_supervisor');
    await rig.click(rig.users.egle, older, 'ask_supervisor');
    await rig.deliver();
    expect(actionsOn(lastMessage(rig, threadId))).toEqual(['add_details', 'mark_resolved']);

    const again = await rig.click(rig.users.egle, older, 'ask_supervisor');
    const dueAt = (await rig.desk.getCase(c.id))?.window?.dueAt.toISOString() ?? '';
    // Discord shows a <t:…> timestamp in each reader's own zone (it tells the bot no member's zone).
    expect(again.messages.at(-1)?.content).toBe(
      `A supervisor is already reviewing case #1; a decision is due by <t:${Date.parse(dueAt) / 1000}:F>.`,
    );
    expect(again.messages.at(-1)?.content).not.toContain(formatInstant(dueAt, 'en', 'Europe/Vilnius'));
  });

  it('a refusal shows the member’s own words escaped, as a notice would', async () => {
    const form = await rig.command(rig.users.jean, rig.channels.support, 'support', 'open');
    const refused = await rig.submit(rig.users.jean, rig.channels.support, form, {
      topic: '**nope** @everyone',
      description: 'Hello?',
      urgency: 'normal',
    });
    expect(refused.messages.at(-1)?.content).toBe(
      'We do not know the topic “\\*\\*nope\\*\\* @\u200beveryone”. Please choose one from the list.',
    );
  });

  it('an approval request delivered after it was decided carries no Approve or Decline', async () => {
    await rig.desk.askSupervisor({ caseId: c.id, actor: { id: c.customer.id } });
    const approvalId = (await rig.desk.getCase(c.id))?.approval?.id ?? '';
    await rig.desk.decline({ caseId: c.id, actor: { id: 'marie' }, approvalId, reason: 'Not needed.' });
    await rig.deliver();
    const dm = rig.dmWith(rig.users.marie)?.id ?? '';
    const sent = rig.fake
      .callsTo('POST', new RegExp(`^/channels/${dm}/messages$`))
      .find((call) => String(call.body?.content).includes('Decision needed'));
    expect(sent?.body).toBeDefined();
    expect(sent?.body?.components).toBeUndefined(); // posted without buttons, not posted with them and edited
  });

  it('the decision is shown on every copy of the request, not as another message', async () => {
    const access = await openAccessCase();
    await rig.desk.askSupervisor({ caseId: access.id, actor: { id: access.customer.id } });
    await rig.deliver();
    const approvalId = (await rig.desk.getCase(access.id))?.approval?.id ?? '';
    await rig.desk.decline({ caseId: access.id, actor: { id: 'marie' }, approvalId, reason: 'Not needed.' });
    await rig.deliver();
    const dms = [rig.users.sam, rig.users.marie].map((u) => rig.dmWith(u)?.id ?? '');
    const decided = (await rig.store.inspect.listOutbox({ caseId: access.id })).filter(
      (n) => n.key === 'supervisors.decided',
    );
    expect(decided.map((n) => n.status)).toEqual(['sent']);
    for (const id of dms) {
      expect(rig.fake.messagesIn(id).filter((m) => m.content.includes('Escalation of case'))).toEqual([]);
      const copy = rig.fake.messagesIn(id).find((m) => m.content.includes('Decision needed'));
      expect(copy?.components).toEqual([]);
      expect(JSON.stringify(copy?.embeds)).toContain('declined by Marie Dubois');
    }
    // A stale client still showing Approve: told at once, privately, and no form opens (as on Slack).
    const marieDm = rig.fake.state.channel(dms[1] ?? '') as FakeChannel;
    const request = rig.fake.messagesIn(marieDm.id).find((m) => m.content.includes('Decision needed'));
    const posted = rig.fake
      .callsTo('POST', new RegExp(`^/channels/${marieDm.id}/messages$`))
      .find((call) => String(call.body?.content).includes('Decision needed'));
    const customId = JSON.stringify(posted?.body?.components).match(/"(act:approve:[^"]+)"/)?.[1] ?? '';
    const click = await rig.interact(
      buttonClick(rig.fake.state, {
        user: rig.users.marie,
        channel: marieDm,
        customId,
        message: rig.fake.state.toApiMessage(request as FakeMessage),
      }),
    );
    expect(click.callback?.type).toBe(4);
    expect(click.callback?.data).toMatchObject({
      flags: 64,
      content: 'Une décision a déjà été prise sur cette escalade ; il n’y a plus rien à faire ici.',
    });
  });

  it('a supervisors’ notice retried after a failure reaches only the supervisor it missed; one Discord refuses does not keep the other from hearing', async () => {
    const access = await openAccessCase();
    const marieDm = rig.fake.state.addChannel({
      id: '1250000000000000077',
      type: ChannelKind.dm,
      name: '',
      recipients: [rig.users.marie],
    });
    const toMarie = new RegExp(`^/channels/${marieDm.id}/messages$`);
    rig.fake.rest.failNext({
      method: 'POST',
      path: toMarie,
      reply: { status: 502, body: { message: 'Bad Gateway', code: 0 } },
    });
    await rig.desk.askSupervisor({ caseId: access.id, actor: { id: access.customer.id } });
    expect((await rig.deliver()).retried).toBe(1);
    rig.clock.advance(60_000);
    expect((await rig.deliver()).sent).toBe(1);
    const requests = (user: (typeof rig.users)['sam']) =>
      rig.fake.messagesIn(rig.dmWith(user)?.id ?? '').filter((m) => m.content.includes('Decision needed'));
    expect(requests(rig.users.sam)).toHaveLength(1);
    expect(requests(rig.users.marie)).toHaveLength(1);
    const toSam = new RegExp(`^/channels/${rig.dmWith(rig.users.sam)?.id}/messages$`);
    expect(
      rig.fake
        .callsTo('POST', toSam)
        .filter((call) => String(call.body?.content).includes('Decision needed')),
    ).toHaveLength(1);

    // Marie's DMs closed for good: Sam still hears, the notice is sent, the log says who was missed.
    rig.fake.rest.failNext({
      method: 'POST',
      path: toMarie,
      reply: discordError(403, 50007, 'Cannot send messages to this user'),
    });
    const approvalId = (await rig.desk.getCase(access.id))?.approval?.id ?? '';
    await rig.desk.decline({ caseId: access.id, actor: { id: 'sam' }, approvalId, reason: 'Not needed.' });
    await rig.desk.askSupervisor({ caseId: access.id, actor: { id: access.customer.id } });
    const report = await rig.deliver();
    expect(report.parked).toBe(0);
    expect(requests(rig.users.sam)).toHaveLength(2);
    expect(
      rig.logger.lines.some(
        (l) => l.startsWith('warn discord.supervisor_unreachable') && l.includes('person=marie'),
      ),
    ).toBe(true);
  });

  it('delivers one notice of a case at a time: two sent at once make one staff card', async () => {
    const { case: fresh } = await rig.openByMessage(rig.users.jean, 'I was billed for a plan I cancelled.');
    await rig.desk.escalate({ caseId: fresh.id, actor: { id: 'tom' }, topic: 'billing' });
    const notices = await pendingNotices(fresh.id);
    const card = notices.find((n) => n.key === 'triage.new_case');
    // The billing expert has no Discord id: that notice is relayed in the card's thread, which needs the card.
    const relayed = notices.find((n) => n.recipient.kind === 'person');
    const now = (await rig.desk.getCase(fresh.id)) as Case;
    await Promise.all([card, relayed].map((n) => rig.sink.deliver(n as ClaimedNotice, now)));
    const cards = rig.fake
      .messagesIn(IDS.triageSupport)
      .filter((m) => JSON.stringify(m.embeds).includes(`#${fresh.number} `));
    expect(cards).toHaveLength(1);
  });

  it('opens a person’s DM channel once, whether the bot writes to them or answers them', async () => {
    await rig.desk.claim({ caseId: c.id, actor: { id: 'tom' } });
    await say(rig.users.egle, threadId, 'The number should end in 42.');
    await rig.deliver();
    await rig.desk.close({ caseId: c.id, actor: { id: c.customer.id } });
    await rig.deliver();
    await say(rig.users.tom, threadId, 'Thanks, all sorted.'); // refused: the case is closed, told by DM
    const tomDm = rig.dmWith(rig.users.tom)?.id ?? '';
    expect(rig.fake.messagesIn(tomDm).at(-1)?.content).toContain('not possible at this stage');
    const opens = rig.fake
      .callsTo('POST', /^\/users\/@me\/channels$/)
      .filter((call) => call.body?.recipient_id === rig.users.tom.id);
    expect(opens).toHaveLength(1);
  });

  it('splits a long text without breaking a markdown escape, and cuts a long card at a word', async () => {
    await rig.desk.claim({ caseId: c.id, actor: { id: 'tom' } });
    await rig.deliver();
    const before = rig.fake.messagesIn(threadId).length;
    // Escaped, the stars are `\*`: a split between the backslash and its star would leave the star
    // live and the backslash dangling, at one offset or the other.
    await rig.desk.answer({ caseId: c.id, actor: { id: 'tom' }, text: '*'.repeat(1500) });
    await rig.desk.answer({ caseId: c.id, actor: { id: 'tom' }, text: `x${'*'.repeat(1500)}` });
    await rig.deliver();
    const parts = rig.fake.messagesIn(threadId).slice(before);
    expect(parts.length).toBeGreaterThan(2);
    for (const { content } of parts) {
      expect(content.length).toBeLessThanOrEqual(2000);
      expect(content).not.toMatch(/(^|[^\\])(\\\\)*\\$/); // no part ends on a lone backslash
    }
    const stars = parts.map((p) => p.content.replace(/[^*]/g, '')).join('');
    expect(stars).toHaveLength(3000); // nothing lost

    const words = `${'the export keeps failing with a timeout '.repeat(120)}The end.`;
    const { case: long } = await rig.openByMessage(rig.users.jean, words);
    await rig.deliver();
    const card = rig.fake
      .messagesIn(IDS.triageSupport)
      .find((m) => JSON.stringify(m.embeds).includes(`#${long.number} `));
    const description = (card?.embeds[0] as { description: string }).description;
    expect(description).toMatch(/[a-z.]…$/);
    expect(description.slice(0, -1)).toMatch(/(timeout|the|export|keeps|failing|with|a)$/);
  });
});
