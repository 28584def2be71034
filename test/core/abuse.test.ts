// The abuse shield on the desk: a customer's insults and threats reach staff masked and flagged
// (their own copy and the audit trail keep the words), the first brings the holder a ready reply
// in the customer's language, the second tells the supervisors with Take over / Stay with them,
// and nothing of it ever closes, lowers or re-times the case by itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abuseNeutralViolations } from '../../src/core/invariants.ts';
import { renderText } from '../../src/core/index.ts';
import type { Case, Customer, OutboxEntry } from '../../src/core/model.ts';
import { customer } from '../support/desk-fixture.ts';
import { as, harness, MIN } from '../support/desk-harness.ts';

const shown = (n: OutboxEntry | undefined) =>
  n ? renderText(n.key, { locale: n.locale, timeZone: n.timeZone, params: n.params }) : '';

const lithuanian = { ...customer, id: 'slack:T1:U300', name: 'Jonas', locale: 'lt' as const };

async function claimedByRasa(text = 'My invoice is wrong', who: Customer = customer) {
  const h = harness();
  const id = await h.open(text, { customer: who });
  await h.desk.claim({ caseId: id, actor: as('rasa') });
  return { h, id };
}

describe('abusive words reach staff masked and flagged', () => {
  it('at intake: the triage card masks and flags; the customer’s echo and the audit keep the words', async () => {
    const h = harness();
    const id = await h.open('You idiots lost my invoice');
    const [card] = await h.sentWith(id, 'triage.new_case');
    expect(shown(card)).toMatch(
      /^⚠ Abusive language \(masked\)\nNew case #1 from Eglė .*“You i••••• lost my invoice”/,
    );
    const [ack] = await h.sentWith(id, 'customer.ack');
    expect(shown(ack)).toContain('You idiots lost my invoice');
    const events = await h.store.inspect.listEvents(id);
    expect(events.find((e) => e.type === 'case_opened')?.data).toMatchObject({
      words: 'You idiots lost my invoice',
    });
    expect(events.find((e) => e.type === 'abusive_message')?.data).toEqual({ count: 1, kinds: ['insult'] });
    expect((await h.desk.getCase(id))?.abuse).toEqual({ count: 1, lastAt: h.clock.now(), repliedAt: null });
  });

  it('the first abusive message brings the holder a ready reply in the customer’s language', async () => {
    const { h, id } = await claimedByRasa('My invoice is wrong', lithuanian);
    await h.desk.addDetails({ caseId: id, actor: as(lithuanian.id), text: 'Jūs kvailiai' });
    const [details] = await h.sentWith(id, 'owner.customer_details', 'person');
    expect(shown(details)).toBe(
      '⚠ Abusive language (masked)\nJonas added details to your case #1:\nJūs k•••••••',
    );
    const [ready] = await h.sentWith(id, 'owner.abuse_reply_ready', 'person');
    expect(ready?.recipient).toEqual({ kind: 'person', personId: 'rasa' });
    expect(ready?.actions).toEqual([{ id: 'abuse_reply', caseId: id }]);
    expect(shown(ready)).toContain('courteous and firm: “Noriu Jums padėti ir padėsiu.');
    expect(await h.sentWith(id, 'supervisors.abuse_repeated')).toHaveLength(0);
  });

  it('the second tells the supervisors once, with Take over and Stay with them; later ones only mask', async () => {
    const { h, id } = await claimedByRasa();
    const write = (text: string) => h.desk.addDetails({ caseId: id, actor: as(customer.id), text });
    await write('you morons');
    await write('I will kill you');
    await write('idiots');
    await write('sorry, I was upset');
    const told = await h.sentWith(id, 'supervisors.abuse_repeated');
    expect(told).toHaveLength(1);
    expect(told[0]?.actions.map((a) => a.id)).toEqual(['abuse_take_over', 'abuse_stay']);
    expect(shown(told[0])).toContain('Rasa Jonaitė holds it. Their latest, masked: “I will k••• you”');
    expect(await h.sentWith(id, 'owner.abuse_reply_ready')).toHaveLength(1);
    expect((await h.desk.getCase(id))?.abuse?.count).toBe(3);
    const details = (await h.sentWith(id, 'owner.customer_details')).map(shown);
    expect(details.at(-1)).toBe('Eglė added details to your case #1:\nsorry, I was upset');
  });
});

describe('the buttons', () => {
  it('Send this reply: the customer gets it from the holder; the promise runs on; once per message', async () => {
    const { h, id } = await claimedByRasa('My invoice is wrong', lithuanian);
    await h.desk.addDetails({ caseId: id, actor: as(lithuanian.id), text: 'idiotai' });
    const before = (await h.desk.getCase(id)) as Case;
    const sent = await h.desk.sendAbuseReply({ caseId: id, actor: as('rasa') });
    expect(sent.notices.map((n) => n.key)).toEqual(['customer.reply']);
    expect(shown(sent.notices[0] as OutboxEntry)).toBe(
      'Atsakymas dėl Jūsų prašymo #1 (rašo Rasa Jonaitė):\nNoriu Jums padėti ir padėsiu. Geriausiai tai padarysiu, jei kalbėsimės pagarbiai: parašykite, kas negerai, be įžeidimų ir grasinimų, ir toliau spręsiu tai kartu su Jumis.',
    );
    expect(sent.case.status).toBe(before.status);
    expect(sent.case.window?.dueAt).toEqual(before.window?.dueAt);
    await expect(h.desk.sendAbuseReply({ caseId: id, actor: as('rasa') })).rejects.toMatchObject({
      textKey: 'error.abuse_replied',
    });
    // A new abusive message makes it available again.
    h.clock.advance(MIN);
    await h.desk.addDetails({ caseId: id, actor: as(lithuanian.id), text: 'asilas' });
    await expect(h.desk.sendAbuseReply({ caseId: id, actor: as('tom') })).resolves.toBeDefined();
  });

  it('Take over: the supervisor holds the case under the same promise; the holder is told', async () => {
    const { h, id } = await claimedByRasa('you idiots');
    await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'morons' });
    const before = (await h.desk.getCase(id)) as Case;
    const taken = await h.desk.takeOverAbusive({ caseId: id, actor: as('marie') });
    expect(taken.case).toMatchObject({ ownerId: 'marie', status: before.status, level: before.level });
    expect(taken.case.window?.holder).toBe('marie');
    expect(taken.case.window?.dueAt).toEqual(before.window?.dueAt);
    expect(taken.notices.map((n) => [n.key, n.recipient])).toEqual([
      ['owner.abuse_taken_over', { kind: 'person', personId: 'rasa' }],
    ]);
  });

  it('Stay with them: recorded, and the holder hears their supervisor has their back', async () => {
    const { h, id } = await claimedByRasa('you idiots');
    await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'morons' });
    const stayed = await h.desk.standWithHolder({ caseId: id, actor: as('paul') });
    expect(stayed.case.ownerId).toBe('rasa');
    expect(shown(stayed.notices[0] as OutboxEntry)).toBe(
      'Paul Martin has your back on case #1: they have read the abusive messages from Eglė and stay with you on it. Ask them for help at any time.',
    );
    const events = await h.store.inspect.listEvents(id);
    expect(events.at(-1)).toMatchObject({
      type: 'abuse_supported',
      actorId: 'paul',
      data: { holder: 'rasa' },
    });
  });

  it.each<[string, { caseId: unknown; actor: unknown }, string]>([
    ['the customer', { caseId: 'X', actor: { id: customer.id } }, 'error.staff_only'],
    [
      'front line, for a supervisor’s button',
      { caseId: 'X', actor: { id: 'tom' } },
      'error.supervisors_only',
    ],
    ['no actor', { caseId: 'X', actor: null }, 'error.supervisors_only'],
    ['a wrong actor', { caseId: 'X', actor: { id: 42 } }, 'error.supervisors_only'],
    ['no case', { caseId: null, actor: { id: 'marie' } }, 'error.not_found'],
    ['a huge case id', { caseId: 'x'.repeat(100_000), actor: { id: 'marie' } }, 'error.not_found'],
  ])('refuses %s and writes nothing', async (_, input, key) => {
    const { h, id } = await claimedByRasa('you idiots');
    const caseId = input.caseId === 'X' ? id : input.caseId;
    const before = await h.sent(id);
    const run = key === 'error.staff_only' ? h.desk.sendAbuseReply : h.desk.takeOverAbusive;
    await expect(run({ caseId, actor: input.actor } as never)).rejects.toMatchObject({ textKey: key });
    await expect(h.desk.standWithHolder({ caseId, actor: input.actor } as never)).rejects.toMatchObject({
      textKey: key === 'error.staff_only' ? 'error.supervisors_only' : key,
    });
    expect(await h.sent(id)).toEqual(before);
  });

  it('every button refuses a case that had no abuse', async () => {
    const { h, id } = await claimedByRasa();
    await expect(h.desk.sendAbuseReply({ caseId: id, actor: as('rasa') })).rejects.toMatchObject({
      textKey: 'error.no_abuse',
    });
    await expect(h.desk.takeOverAbusive({ caseId: id, actor: as('marie') })).rejects.toMatchObject({
      textKey: 'error.no_abuse',
    });
    await expect(h.desk.standWithHolder({ caseId: id, actor: as('marie') })).rejects.toMatchObject({
      textKey: 'error.no_abuse',
    });
  });
});

// abuse_neutral (invariants.ts): twin desks get the same random steps; one customer writes
// abusively where the other writes cleanly. The cases must stand alike after every step.
type TwinStep =
  | { t: 'write'; abusive: boolean }
  | { t: 'staff'; cmd: 'claim' | 'answer' | 'ask' }
  | { t: 'wait'; minutes: number };
const twinStep: fc.Arbitrary<TwinStep> = fc.oneof(
  fc.record({ t: fc.constant('write' as const), abusive: fc.boolean() }),
  fc.record({
    t: fc.constant('staff' as const),
    cmd: fc.constantFrom('claim' as const, 'answer' as const, 'ask' as const),
  }),
  fc.record({ t: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }) }),
);
const ABUSIVE = ['you idiots', 'Jūs kvailiai', 'espèce de crétin', 'I will kill you', 'nužudysiu'];

describe('abuse never closes, lowers or re-times a case by itself (property)', () => {
  it('twin cases, clean and abusive, stand alike after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(twinStep, { maxLength: 12 }), async (abusiveStart, steps) => {
        const clean = harness();
        const rude = harness();
        const cleanId = await clean.open('My invoice is wrong');
        const rudeId = await rude.open(abusiveStart ? 'My invoice is wrong, idiots' : 'My invoice is wrong');
        for (const [i, step] of steps.entries()) {
          for (const [h, id, rudeSide] of [
            [clean, cleanId, false],
            [rude, rudeId, true],
          ] as const) {
            try {
              if (step.t === 'wait') {
                h.clock.advance(step.minutes * MIN);
                await h.desk.sweep();
              } else if (step.t === 'write') {
                const text = rudeSide && step.abusive ? (ABUSIVE[i % ABUSIVE.length] as string) : 'any news?';
                await h.desk.followUp({ caseId: id, actor: as(customer.id), text });
              } else if (step.cmd === 'claim') await h.desk.claim({ caseId: id, actor: as('rasa') });
              else if (step.cmd === 'answer')
                await h.desk.answer({ caseId: id, actor: as('rasa'), text: 'On it' });
              else await h.desk.askCustomer({ caseId: id, actor: as('rasa'), text: 'Which invoice?' });
            } catch {
              // A refusal (the same on both sides) writes nothing.
            }
          }
          const [a, b] = [await clean.desk.getCase(cleanId), await rude.desk.getCase(rudeId)];
          expect(abuseNeutralViolations(a as Case, b as Case)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
