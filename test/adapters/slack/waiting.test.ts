// Waiting on the customer, through Slack: staff answer with the Reply form on the triage card, the
// clock passes the check-in time (the customer reads a check-in in Lithuanian, in their thread),
// then the close time (closed, with Reopen); the customer's message in the thread reopens the
// case; closed again and written to after reopenWithin, the thread carries a new case #2 that
// follows the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/core/model.ts';
import { formatInstant } from '../../../src/core/texts/index.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { directMessage, eventCallback, textValue } from '../../fakes/slack/payloads.ts';
import {
  buttonsOf,
  postedInThread,
  type SlackHarness,
  slackHarness,
  TRIAGE,
  textOf,
  U,
} from './slack-harness.ts';

const DM = `D${U.petras.slice(1)}`; // Petras reads Lithuanian (his Slack locale is lt-LT)
const RASA_DM = `D${U.rasa.slice(1)}`; // so does Rasa (the directory says lt)
const DAY = 24 * 60 * 60_000;

describe('waiting on the customer, through Slack', () => {
  let h: SlackHarness;
  let thread = '';
  let first: Case;
  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const inThread = (text: string) => postedInThread(DM, () => thread, text);
  const toRasa = (text: string) => (c: ApiCall) =>
    c.method === 'chat.postMessage' && c.args.channel === RASA_DM && textOf(c).includes(text);
  const caseOne = async () => (await h.desk.getCase(first.id)) as Case;
  /** Moves the clock (deliveries in flight finish first), runs the sweep and the outbox. */
  const sweepAt = async (at: Date) => {
    await h.settled();
    h.clock.set(at);
    const report = await h.desk.sweep();
    await h.dispatch();
    return report;
  };
  /** The first call from `since` on that matches. */
  const seen = (match: (c: ApiCall) => boolean, since: number) => h.fake.waitFor(match, { since });
  const write = (text: string) =>
    h.slack.event(eventCallback(directMessage(U.petras, text, { thread_ts: thread })));

  it('staff answer with the Reply form: the case waits on the customer', async () => {
    const message = directMessage(U.petras, 'VPN atsijungia kas dešimt minučių.');
    thread = message.ts;
    await h.slack.event(eventCallback(message));
    await h.fake.waitFor(inThread('Dėkojame, kad kreipėtės'), { what: 'the ack in Lithuanian' });
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE);
    let since = h.fake.calls.length;
    await h.click(U.rasa, card, 'ladder:reply');
    const form = await h.fake.waitFor((c) => c.method === 'views.open', { since });
    since = h.fake.calls.length;
    await h.submit(U.rasa, form, { text: textValue('Atnaujinkite VPN klientą iki 5.2 versijos.') });
    await seen(inThread('Atnaujinkite VPN klientą iki 5.2 versijos.'), since);
    first = await h.onlyCase();
    expect(first).toMatchObject({ status: 'waiting_on_customer', ownerId: 'rasa', window: null });
    expect(first.waiting?.checkInAt.getTime()).toBeGreaterThan(h.clock.now().getTime());
  });

  it('past the check-in time the sweep checks in, in their thread and language, with the right buttons', async () => {
    const { checkInAt, closeAt } = first.waiting!;
    const since = h.fake.calls.length;
    expect(await sweepAt(new Date(checkInAt.getTime() + 60_000))).toMatchObject({ checkedIn: 1 });
    const checkIn = await seen(inThread('Jau kurį laiką negavome iš Jūsų žinių dėl prašymo #1'), since);
    expect(textOf(checkIn)).toContain(
      formatInstant(closeAt.toISOString(), 'lt', 'Europe/Vilnius', { afterUntil: true }),
    );
    expect(buttonsOf(checkIn).map((b) => [b.action_id, b.text])).toEqual([
      ['ladder:add_details', 'Pridėti informacijos'],
      ['ladder:mark_resolved', 'Pažymėti kaip išspręstą'],
    ]);
    expect((await caseOne()).status).toBe('waiting_on_customer');
  });

  it('past the close time the case closes itself: the customer can reopen, the holder is told', async () => {
    const since = h.fake.calls.length;
    expect(await sweepAt(new Date(first.waiting!.closeAt.getTime() + 60_000))).toMatchObject({
      autoClosed: 1,
    });
    const closed = await seen(inThread('Negavome iš Jūsų žinių, todėl prašymą #1 uždarėme'), since);
    expect(buttonsOf(closed).map((b) => [b.action_id, b.text])).toEqual([
      ['ladder:reopen', 'Atidaryti iš naujo'],
    ]);
    await seen(
      toRasa('Prašymas #1 uždarytas automatiškai: Petras Kairys per nustatytą laiką neatsakė'),
      since,
    );
    expect(await caseOne()).toMatchObject({ status: 'closed', waiting: null, window: null });
  });

  it('a message in the thread within reopenWithin reopens it, with a first response due', async () => {
    // A closed case holds no timers: two days on, the sweep finds nothing to do.
    expect(await sweepAt(new Date(h.clock.now().getTime() + 2 * DAY))).toMatchObject({ claimed: 0 });
    const since = h.fake.calls.length;
    await write('Vis dar atsijungia, net su 5.2 versija.');
    const reopened = await seen(inThread('Ačiū, kad vėl parašėte. Jūsų prašymas #1 vėl atidarytas'), since);
    const c = await caseOne();
    expect(c).toMatchObject({ status: 'open', ownerId: 'rasa', closedAt: null });
    expect(c.window).toMatchObject({ kind: 'first_response', holder: 'rasa', paused: null });
    expect(textOf(reopened)).toContain(
      formatInstant(c.window!.dueAt.toISOString(), 'lt', 'Europe/Vilnius', { afterUntil: true }),
    );
    const details = await seen(toRasa('Petras Kairys papildė prašymą #1, kuriuo rūpinatės'), since);
    expect(textOf(details)).toContain('Vis dar atsijungia, net su 5.2 versija.');
    expect(await h.desk.listCases({})).toHaveLength(1);
  });

  it('closed again and written to after reopenWithin, the same thread carries a new case #2 that follows #1', async () => {
    const reopened = h.fake
      .posted((a) => a.channel === DM && String(a.text).includes('vėl atidarytas'))
      .at(-1)!;
    let since = h.fake.calls.length;
    await h.click(U.petras, reopened, 'ladder:mark_resolved');
    await seen(inThread('Jūsų prašymas #1 uždarytas'), since);
    expect((await caseOne()).status).toBe('closed');

    await sweepAt(new Date(h.clock.now().getTime() + 8 * DAY)); // reopenWithin is 7 days
    since = h.fake.calls.length;
    await write('Dabar neveikia ir el. paštas telefone.');
    const follows = await seen(inThread('Prašymas #1 buvo uždarytas prieš kurį laiką'), since);
    const ack = await seen(inThread('užregistruotas numeriu #2'), since);
    expect(h.fake.calls.indexOf(follows)).toBeLessThan(h.fake.calls.indexOf(ack));
    expect(textOf(ack)).toContain('„Dabar neveikia ir el. paštas telefone.“');
    const card = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' && c.args.channel === TRIAGE && textOf(c).includes('New case #2'),
      { since },
    );
    expect(buttonsOf(card).map((b) => b.action_id)).toContain('ladder:claim');
    // The thread's first message shows the new case's status, no longer #1's.
    await h.settled();
    expect(h.fake.reactionsOn(DM, thread)).toEqual(['eyes']);

    const second = (await h.desk.listCases({})).find((c) => c.number === 2);
    expect(second).toMatchObject({
      status: 'open',
      conversation: first.conversation,
      follows: { caseId: first.id, number: 1 },
    });
    expect((await caseOne()).status).toBe('closed');
  });

  it('nothing is left undelivered and nothing went wrong', async () => {
    await h.settled();
    expect((await h.store.inspect.listOutbox({})).filter((n) => n.status !== 'sent')).toEqual([]);
    expect(h.logger.lines.filter((l) => /^(warn|error) /.test(l))).toEqual([]);
  });
});
