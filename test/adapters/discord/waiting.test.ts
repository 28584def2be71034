// Waiting on the customer, through Discord: a French-speaking member opens a case with /support,
// staff answer in the case thread, the clock passes the check-in time (the customer reads a
// check-in in French, in their thread), then the close time (closed, with Reopen); their message
// in the thread reopens the case; closed again and written to after reopenWithin, the thread
// carries a new case #2 that follows the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/core/model.ts';
import { formatInstant } from '../../../src/core/texts/index.ts';
import { messageCreate } from '../../fakes/discord/payloads.ts';
import type { FakeChannel, FakeMessage, FakeUser } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, type Rig, startRig } from './rig.ts';

const DAY = 24 * 60 * 60_000;

/** Each button on a message as [action, label]. */
const buttonsOf = (m: FakeMessage): [string, string][] =>
  (m.components as { components?: { custom_id?: string; label?: string }[] }[])
    .flatMap((row) => row.components ?? [])
    .map((b) => [b.custom_id?.split(':')[1] ?? '', b.label ?? '']);

describe('waiting on the customer, through Discord', () => {
  let rig: Rig;
  let threadId = '';
  let first: Case;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  const thread = () => rig.fake.state.channel(threadId) as FakeChannel;
  const threadTexts = () => rig.fake.messagesIn(threadId).map((m) => m.content);
  const say = (author: FakeUser, content: string) =>
    rig.dispatch('MESSAGE_CREATE', messageCreate(rig.fake.state, { author, channel: thread(), content }));
  const caseOne = async () => (await rig.desk.getCase(first.id)) as Case;
  const tomDm = () => rig.dmWith(rig.users.tom)?.id ?? '';
  /** Discord shows instants as <t:…:F>, in each reader's own zone, never in the team's. */
  const at = (c: Case, instant: Date) => {
    expect(threadTexts().join('\n')).not.toContain(
      formatInstant(instant.toISOString(), 'fr', c.customer.timeZone),
    );
    return `<t:${Math.floor(instant.getTime() / 1000)}:F>`;
  };
  /** Moves the clock, runs the sweep and delivers what it wrote. */
  const sweepAt = async (instant: Date) => {
    rig.clock.set(instant);
    const report = await rig.desk.sweep();
    await rig.deliver();
    return report;
  };

  it('staff answer in the case thread: the case waits on the customer', async () => {
    const { jean, tom } = rig.users;
    const form = await rig.command(jean, rig.channels.support, 'support', 'open', 'fr');
    const submitted = await rig.submit(
      jean,
      rig.channels.support,
      form,
      { topic: 'access', description: 'Mon authentification à deux facteurs échoue.', urgency: 'normal' },
      undefined,
      'fr',
    );
    threadId = /<#(\d+)>/.exec(submitted.messages[0]?.content ?? '')?.[1] ?? '';
    expect(thread().name).toBe('🟡 Demande n°1 · Jean Bernard');
    await rig.deliver();
    expect(threadTexts().join('\n')).toContain('Bonjour Jean Bernard, merci de nous avoir écrit');
    await rig.click(tom, lastMessage(rig, IDS.triageAccess), 'claim');
    await rig.deliver();
    expect(thread().members.has(tom.id)).toBe(true);
    await rig.say(tom, thread(), 'Pouvez-vous réinstaller l’application d’authentification ?');
    await rig.deliver();
    // Written in the thread, the answer is there once: Tom's own message, no copy by the bot.
    expect(threadTexts().filter((t) => t.includes('Pouvez-vous réinstaller'))).toHaveLength(1);
    first = await rig.caseOf(threadId);
    expect(first).toMatchObject({ status: 'waiting_on_customer', ownerId: 'tom', window: null });
    expect(first.customer.locale).toBe('fr');
  });

  it('past the check-in time the sweep checks in, in their thread and language, with the right buttons', async () => {
    const { checkInAt, closeAt } = first.waiting!;
    expect(await sweepAt(new Date(checkInAt.getTime() + 60_000))).toMatchObject({ checkedIn: 1 });
    const checkIn = lastMessage(rig, threadId);
    expect(checkIn.content).toContain(
      'Bonjour Jean Bernard, nous n’avons pas eu de vos nouvelles depuis un moment au sujet de votre demande #1',
    );
    expect(checkIn.content).toContain(at(first, closeAt));
    expect(buttonsOf(checkIn)).toEqual([
      ['add_details', 'Ajouter des précisions'],
      ['mark_resolved', 'Marquer comme résolue'],
    ]);
    expect((await caseOne()).status).toBe('waiting_on_customer');
  });

  it('past the close time the case closes itself: the customer can reopen, the holder is told', async () => {
    expect(await sweepAt(new Date(first.waiting!.closeAt.getTime() + 60_000))).toMatchObject({
      autoClosed: 1,
    });
    const closed = lastMessage(rig, threadId);
    expect(closed.content).toContain('sans nouvelles de votre part, nous avons clôturé votre demande #1');
    expect(buttonsOf(closed)).toEqual([['reopen', 'Rouvrir']]);
    expect(lastMessage(rig, tomDm()).content).toContain('Case #1 from Jean Bernard closed itself');
    expect(await caseOne()).toMatchObject({ status: 'closed', waiting: null, window: null });
  });

  it('a message in the thread within reopenWithin reopens it, with a first response due', async () => {
    rig.clock.advance(2 * DAY);
    await say(rig.users.jean, 'Toujours en échec après la réinstallation.');
    await rig.deliver();
    const c = await caseOne();
    expect(c).toMatchObject({ status: 'open', ownerId: 'tom', closedAt: null });
    expect(c.window).toMatchObject({ kind: 'first_response', holder: 'tom', paused: null });
    const reopened = lastMessage(rig, threadId);
    expect(reopened.content).toContain('merci de nous avoir réécrit. Votre demande #1 est rouverte');
    expect(reopened.content).toContain(at(c, c.window!.dueAt));
    const details = lastMessage(rig, tomDm()).content;
    expect(details).toContain('Jean Bernard added details to your case #1');
    expect(details).toContain('Toujours en échec après la réinstallation.');
    expect(await rig.desk.listCases({})).toHaveLength(1);
  });

  it('closed again and written to after reopenWithin, the same thread carries a new case #2 that follows #1', async () => {
    await rig.click(rig.users.jean, lastMessage(rig, threadId, 'mark_resolved'), 'mark_resolved');
    await rig.deliver();
    expect(threadTexts().at(-1)).toContain('votre demande #1 est maintenant close');
    expect((await caseOne()).status).toBe('closed');

    rig.clock.advance(8 * DAY); // reopenWithin is 7 days
    const before = threadTexts().length;
    await say(rig.users.jean, 'Maintenant je ne reçois plus les e-mails de connexion.');
    await rig.deliver();
    const said = threadTexts().slice(before);
    expect(said).toHaveLength(2);
    expect(said[0]).toContain('votre demande #1 a été close il y a quelque temps');
    expect(said[1]).toContain('Votre demande est enregistrée sous le numéro 2');
    expect(said[1]).toContain('« Maintenant je ne reçois plus les e-mails de connexion. »');

    const second = await rig.caseOf(threadId);
    expect(second).toMatchObject({
      number: 2,
      status: 'open',
      conversation: first.conversation,
      follows: { caseId: first.id, number: 1 },
    });
    expect(thread().name).toBe('🟡 Demande n°2 · Jean Bernard');
    const card = lastMessage(rig, IDS.triageAccess);
    expect((card.embeds[0] as { title: string }).title).toBe('#2 · Jean Bernard');
    expect(buttonsOf(card).map(([action]) => action)).toContain('claim');
    expect((await caseOne()).status).toBe('closed');
  });

  it('nothing is left undelivered and nothing went wrong', async () => {
    expect((await rig.store.inspect.listOutbox({})).filter((n) => n.status !== 'sent')).toEqual([]);
    expect(rig.logger.lines.filter((l) => /^(warn|error) /.test(l))).toEqual([]);
  });
});
