// The answer bank through the desk, on every store (memory in test/core/answer-bank.test.ts, SQLite
// and PostgreSQL in test/store): what a command records becomes an entry in its own commit.
import { describe, expect, it } from 'vitest';
import { as, harness, MIN } from '../support/desk-harness.ts';
import { customer } from '../support/desk-fixture.ts';
import { type StoreHandle, storePerTest } from './contract.ts';

export function describeAnswerBankDesk(name: string, makeStore: () => Promise<StoreHandle>): void {
  describe(`answer bank through the desk: ${name}`, () => {
    const current = storePerTest(makeStore);

    it('a staff answer marked reusable and a resolution summary become entries; a plain answer does not', async () => {
      const h = harness({ store: current() });
      const lt = { ...customer, id: 'slack:T1:U200', locale: 'lt' as const };
      const id = await h.open('Sąskaita dvigubai', { customer: lt });
      await h.desk.answer({ caseId: id, actor: as('tom'), text: 'Just a moment, please.' });
      h.clock.advance(MIN);
      await h.desk.answer({
        caseId: id,
        actor: as('tom'),
        text: 'Duplicate invoices are merged overnight by the billing run.',
        reusable: true,
      });
      h.clock.advance(MIN);
      await h.desk.resolve({ caseId: id, actor: as('tom'), summary: 'The duplicate invoice was cancelled.' });

      const events = await h.store.inspect.listEvents(id);
      const reusable = events.find((e) => e.type === 'answered' && e.data.reusable === true);
      const plain = events.filter((e) => e.type === 'answered' && e.data.reusable === undefined);
      expect(plain).toHaveLength(1);
      const resolution = events.find((e) => e.type === 'resolved');
      const entries = await h.store.answers.list({ limit: 10 });
      expect(entries.map((e) => [e.id, e.source, e.topic, e.team, e.locale, e.caseId])).toEqual([
        [resolution?.id, 'resolution', 'billing', 'support', 'lt', id],
        [reusable?.id, 'answer', 'billing', 'support', 'lt', id],
      ]);
      const found = await h.store.answers.similar({ text: 'duplicate invoice', limit: 3 });
      expect(found.map((m) => m.entry.source).sort()).toEqual(['answer', 'resolution']);
    });

    it('only staff may answer, reusable or not: a refused answer writes no entry', async () => {
      const h = harness({ store: current() });
      const id = await h.open('Where is my refund?');
      await expect(
        h.desk.answer({ caseId: id, actor: as(customer.id), text: 'Answering myself', reusable: true }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect(await h.store.answers.list({ limit: 10, withRetired: true })).toEqual([]);
    });

    it('an answer sent from a suggestion and the customer\'s "This solved it" record the entry; a malformed one is left out', async () => {
      const h = harness({ store: current() });
      const id = await h.open('My invoice is doubled');
      await h.desk.answer({ caseId: id, actor: as('tom'), text: 'Merged overnight.', fromAnswer: 'evt-1' });
      await h.desk.answer({ caseId: id, actor: as('tom'), text: 'Again.', fromAnswer: '<b>no</b>' });
      await h.desk.resolve({ caseId: id, actor: as(customer.id), fromAnswer: 'evt-2' });
      const events = await h.store.inspect.listEvents(id);
      expect(events.filter((e) => e.type === 'answered').map((e) => e.data)).toEqual([
        { text: 'Merged overnight.', fromAnswer: 'evt-1' },
        { text: 'Again.' },
      ]);
      const closed = events.find((e) => e.type === 'closed');
      expect(closed?.data).toEqual({ fromAnswer: 'evt-2' });
      // A suggested answer is not a new entry (only `reusable` makes one).
      expect(await h.store.answers.list({ limit: 10 })).toEqual([]);
    });
  });
}
