// Contract, AnswerBank: entries written with the commit that records a resolution or a reusable
// answer; the closer text found first, filtered by topic and language; edits and retirements seen
// by the search at once; whatever a customer types searched without an error; erased words gone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, CaseEvent, Locale } from '../../src/core/model.ts';
import type { AnswerSearch } from '../../src/core/ports.ts';
import { ERASED } from '../../src/store/redaction.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { at, changeOf, MIN, newId, seedCase } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';
import { requestBy } from './data-rights-story.ts';

const ZONE = 'Europe/Vilnius';

interface Written {
  case: Case;
  eventId: string;
}

/** A case of `customer` (locale, topic) whose commit records `event` (by staff member `by`). */
async function caseWith(
  store: InspectableStore,
  options: { locale?: Locale; topic?: string; team?: string; customer?: string; by?: string },
  event: (c: Case, id: string) => CaseEvent,
): Promise<Written> {
  const c = await seedCase(store, {
    topic: options.topic ?? 'network',
    team: options.team ?? 'it',
    customer: {
      id: options.customer ?? 'slack:T1:U9',
      name: 'Ona',
      locale: options.locale ?? 'en',
      timeZone: ZONE,
    },
  });
  const eventId = newId('event');
  await store.cases.commit(
    changeOf(c, { status: 'resolved', resolvedAt: at(5 * MIN) }, { events: [event(c, eventId)] }),
  );
  return { case: c, eventId };
}

const resolved =
  (summary: string, by = 'tom') =>
  (c: Case, id: string): CaseEvent => ({
    id,
    caseId: c.id,
    at: at(5 * MIN),
    actorId: by,
    type: 'resolved',
    data: { summary },
  });

const answered =
  (text: string, reusable: boolean, by = 'tom') =>
  (c: Case, id: string): CaseEvent => ({
    id,
    caseId: c.id,
    at: at(6 * MIN),
    actorId: by,
    type: 'answered',
    data: reusable ? { text, reusable: true } : { text },
  });

const RENEW = 'Renew the expired VPN certificate from the company portal, then restart the VPN client.';
const RESTART = 'Restart the laptop and the VPN client.';
const INVOICES = 'Invoices are sent on the first working day of the month.';
const QUESTION = 'My VPN certificate expired, how do I renew it?';

/** Characters and words a customer may type that mean something to a search syntax. */
const NASTY = [
  '"',
  "'",
  '*',
  '-',
  '+',
  '^',
  ':',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '\\',
  '|',
  '&',
  '!',
  '<',
  '>',
  '~',
  '.',
  ',',
  ';',
  '?',
  '%',
  '_',
  '\u0000',
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR/2',
  'vpn',
  'the',
  'é',
  'ą',
  '😀',
];

export function describeAnswerBankContract(store: CurrentStore): void {
  const ids = async (query: AnswerSearch) => (await store().answers.similar(query)).map((m) => m.entry.text);

  describe('AnswerBank', () => {
    it("keeps a resolution's summary and a reusable answer, in the case's topic and customer's language", async () => {
      const r = await caseWith(
        store(),
        { locale: 'fr', topic: 'network', team: 'it' },
        resolved('Redémarrez le routeur.'),
      );
      const a = await caseWith(
        store(),
        { locale: 'lt', topic: 'laptops' },
        answered('Perkraukite kompiuterį.', true),
      );
      await caseWith(store(), {}, answered('A one-off reply.', false));
      await caseWith(store(), {}, resolved(''));
      const listed = await store().answers.list({ limit: 10 });
      expect(listed).toEqual([
        {
          id: a.eventId,
          caseId: a.case.id,
          topic: 'laptops',
          team: 'it',
          locale: 'lt',
          text: 'Perkraukite kompiuterį.',
          source: 'answer',
          createdAt: at(6 * MIN),
          updatedAt: at(6 * MIN),
          retiredAt: null,
          editedBy: null,
        },
        {
          id: r.eventId,
          caseId: r.case.id,
          topic: 'network',
          team: 'it',
          locale: 'fr',
          text: 'Redémarrez le routeur.',
          source: 'resolution',
          createdAt: at(5 * MIN),
          updatedAt: at(5 * MIN),
          retiredAt: null,
          editedBy: null,
        },
      ]);
      expect(await store().answers.list({ limit: 1 })).toHaveLength(1);
      expect(await store().answers.list({ topic: 'network', limit: 10 })).toHaveLength(1);
      expect(await store().answers.list({ locale: 'lt', limit: 10 })).toHaveLength(1);
      expect(await store().answers.list({ team: 'finance', limit: 10 })).toEqual([]);
    });

    it('finds the closer text first, with the higher score, and nothing unrelated', async () => {
      await caseWith(store(), {}, resolved(RESTART));
      await caseWith(store(), {}, resolved(INVOICES));
      await caseWith(store(), {}, resolved(RENEW));
      const matches = await store().answers.similar({ text: QUESTION, limit: 3 });
      expect(matches.map((m) => m.entry.text)).toEqual([RENEW, RESTART]);
      const [best, next] = matches;
      expect(best?.score).toBe(1); // vpn, certificate, expired, renew: all four
      expect(next?.score).toBe(0.25); // vpn
      expect(await ids({ text: QUESTION, limit: 1 })).toEqual([RENEW]);
      expect(await ids({ text: QUESTION, limit: 0 })).toEqual([]);
      expect(await ids({ text: 'working day invoices', limit: 3 })).toEqual([INVOICES]);
    });

    it('filters by topic and by language; without a language, finds every language', async () => {
      await caseWith(store(), { topic: 'network', locale: 'en' }, resolved(RENEW));
      await caseWith(store(), { topic: 'laptops', locale: 'en' }, resolved(RESTART));
      await caseWith(
        store(),
        { topic: 'network', locale: 'fr' },
        resolved('Renouvelez le certificat VPN expiré.'),
      );
      await caseWith(
        store(),
        { topic: 'network', locale: 'lt' },
        resolved('Atnaujinkite VPN sertifikatą portale.'),
      );
      expect(await ids({ text: 'VPN client', topic: 'laptops', limit: 5 })).toEqual([RESTART]);
      expect(await ids({ text: 'certificat VPN expiré', locale: 'fr', limit: 5 })).toEqual([
        'Renouvelez le certificat VPN expiré.',
      ]);
      expect(await ids({ text: 'VPN sertifikatą', locale: 'lt', limit: 5 })).toEqual([
        'Atnaujinkite VPN sertifikatą portale.',
      ]);
      expect((await ids({ text: 'vpn', limit: 5 })).sort()).toEqual(
        [
          RENEW,
          RESTART,
          'Renouvelez le certificat VPN expiré.',
          'Atnaujinkite VPN sertifikatą portale.',
        ].sort(),
      );
      expect(await ids({ text: 'vpn', topic: 'printers', limit: 5 })).toEqual([]);
    });

    it('an edited entry is found by its new words only; a retired one never, and listed only when asked', async () => {
      const renew = await caseWith(store(), {}, resolved(RENEW));
      const restart = await caseWith(store(), {}, resolved(RESTART));
      const edited = await store().answers.edit(
        renew.eventId,
        'Ask the service desk for a new token.',
        'paul',
        at(9 * MIN),
      );
      expect(edited).toMatchObject({
        text: 'Ask the service desk for a new token.',
        editedBy: 'paul',
        updatedAt: at(9 * MIN),
      });
      expect(await ids({ text: 'certificate expired', limit: 5 })).toEqual([]);
      expect(await ids({ text: 'new token', limit: 5 })).toEqual(['Ask the service desk for a new token.']);

      const retired = await store().answers.retire(restart.eventId, 'paul', at(10 * MIN));
      expect(retired).toMatchObject({ retiredAt: at(10 * MIN), editedBy: 'paul' });
      expect(await ids({ text: 'restart laptop', limit: 5 })).toEqual([]);
      expect(await store().answers.retire(restart.eventId, 'rita', at(11 * MIN))).toMatchObject({
        retiredAt: at(10 * MIN),
        editedBy: 'paul',
      });
      // Edited while retired: still never found.
      await store().answers.edit(restart.eventId, 'Restart the laptop twice.', 'paul', at(12 * MIN));
      expect(await ids({ text: 'restart laptop', limit: 5 })).toEqual([]);
      expect((await store().answers.list({ limit: 5 })).map((e) => e.id)).toEqual([renew.eventId]);
      expect((await store().answers.list({ withRetired: true, limit: 5 })).map((e) => e.id)).toEqual([
        restart.eventId,
        renew.eventId,
      ]);
      expect(await store().answers.get(restart.eventId)).toMatchObject({
        text: 'Restart the laptop twice.',
        retiredAt: at(10 * MIN),
      });
      expect(await store().answers.get('no-such-entry')).toBeNull();
      expect(await store().answers.edit('no-such-entry', 'x', 'paul', at(1))).toBeNull();
      expect(await store().answers.retire('no-such-entry', 'paul', at(1))).toBeNull();
    });

    it('finds nothing for an empty query or one of stop words only', async () => {
      await caseWith(store(), {}, resolved('The answer is in the portal, and it is there for you.'));
      for (const text of ['', '   ', '?!', 'the and is it', 'le la les de', 'ir bet kad', '"" ** -- ()']) {
        expect(await store().answers.similar({ text, limit: 3 }), text).toEqual([]);
      }
    });

    it('searches whatever a customer types (1,000 random strings with search operators) without an error', async () => {
      await caseWith(store(), {}, resolved(RENEW));
      await caseWith(
        store(),
        {},
        resolved('Use "quotes" AND (parentheses) OR NOT near* -minus ^caret: colon'),
      );
      const piece = fc.oneof(
        fc.constantFrom(...NASTY),
        fc.string({ maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 4 }),
      );
      const text = fc
        .tuple(fc.array(piece, { maxLength: 12 }), fc.constantFrom(' ', ''))
        .map(([parts, separator]) => parts.join(separator));
      const texts = fc.sample(text, { numRuns: 1000, seed: 16 });
      const locales = [undefined, 'en', 'fr', 'lt'] as const;
      for (const [i, text] of texts.entries()) {
        const locale = locales[i % locales.length];
        const matches = await store().answers.similar({ text, limit: 3, ...(locale && { locale }) });
        expect(matches.length).toBeLessThanOrEqual(3);
        for (const m of matches) expect(m.score).toBeGreaterThanOrEqual(0);
      }
      expect(await ids({ text: '"quotes" AND (parentheses', limit: 3 })).toEqual([
        'Use "quotes" AND (parentheses) OR NOT near* -minus ^caret: colon',
      ]);
    });

    it("an erased customer's words and a retention-redacted case's summary no longer match", async () => {
      const ana = 'slack:T1:UANA';
      await caseWith(store(), { customer: ana }, resolved('Your zebra printer needed a new ribbon.'));
      await caseWith(
        store(),
        { customer: 'discord:1' },
        answered('Walrus mode: hold the power button.', true, 'rita'),
      );
      await caseWith(store(), { customer: 'discord:2' }, resolved('Flamingo toner goes in the left tray.'));
      expect(await ids({ text: 'zebra printer', limit: 3 })).toHaveLength(1);

      await store().privacy.erasePerson(ana, requestBy('operator:dpo', at(60 * MIN)));
      expect(await ids({ text: 'zebra printer ribbon', limit: 3 })).toEqual([]);
      const erased = (await store().answers.list({ withRetired: true, limit: 10 })).filter(
        (e) => e.text === ERASED,
      );
      expect(erased).toMatchObject([{ retiredAt: at(60 * MIN), editedBy: 'operator:dpo' }]);

      // A staff member erased: the answers they wrote leave the bank too.
      await store().privacy.erasePerson('rita', requestBy('operator:dpo', at(61 * MIN)));
      expect(await ids({ text: 'walrus power button', limit: 3 })).toEqual([]);

      await store().retention.redactFinishedBefore(at(120 * MIN), requestBy('system', at(120 * MIN)), 10);
      expect(await ids({ text: 'flamingo toner', limit: 3 })).toEqual([]);
      const texts = (await store().answers.list({ withRetired: true, limit: 10 })).map((e) => e.text);
      expect(texts).toEqual([ERASED, ERASED, ERASED]);
      expect(await store().answers.list({ limit: 10 })).toEqual([]);
    });
  });
}
