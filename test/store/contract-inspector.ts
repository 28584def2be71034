// Contract, StoreInspector: the reads only tests, the demo and the benchmarks make.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import { at, changeOf, MIN, makeNotice, seedCase, T0, claimsFor } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

export function describeInspectorContract(store: CurrentStore): void {
  describe('StoreInspector', () => {
    /** One case with notices created at T0 + the given minutes. */
    const seedNotices = (...minutes: number[]) =>
      seedCase(store(), {}, (n) => ({
        notices: minutes.map((m) => makeNotice(n, { createdAt: at(m * MIN), key: `k${m}` })),
      }));
    const claimAt = claimsFor('dispatcher-a');

    it('counts open, unowned level-1 cases of the team created earlier (ties by number)', async () => {
      const earlier = { createdAt: at(-MIN) };
      await seedCase(store(), earlier); // counted
      await seedCase(store(), { ...earlier, ownerId: 'tom' });
      await seedCase(store(), { ...earlier, level: 2 });
      await seedCase(store(), { ...earlier, status: 'waiting_on_customer' });
      await seedCase(store(), { ...earlier, team: 'it' });
      await seedCase(store(), { createdAt: T0 }); // same instant, lower number: counted
      const me = await seedCase(store(), { createdAt: T0 });
      await seedCase(store(), { createdAt: T0 }); // same instant, higher number
      await seedCase(store(), { createdAt: at(MIN) });
      expect(await store().inspect.countQueueAhead(me)).toBe(2);
      // Intake asks before the case has a number.
      const draft = { id: 'draft', team: 'finance', createdAt: T0, number: Number.MAX_SAFE_INTEGER };
      expect(await store().inspect.countQueueAhead(draft)).toBe(4);
    });

    it('follows cases as commits take them out of the queue and put them back', async () => {
      const draft = {
        id: 'draft',
        team: 'finance',
        createdAt: at(60 * MIN),
        number: Number.MAX_SAFE_INTEGER,
      };
      const [a, b, c, d] = [
        await seedCase(store()),
        await seedCase(store()),
        await seedCase(store()),
        await seedCase(store()),
      ];
      expect(await store().inspect.countQueueAhead(draft)).toBe(4);
      const commit = async (from: Case, patch: Partial<Case>) => {
        const change = changeOf(from, patch);
        await store().cases.commit(change);
        return change.case;
      };
      const taken = await commit(a, { ownerId: 'tom' });
      await commit(b, { level: 2 });
      await commit(c, { team: 'it' });
      const detailed = await commit(d, { words: 'more details' }); // still waiting: counted once
      expect(await store().inspect.countQueueAhead(draft)).toBe(1);
      expect(await store().inspect.countQueueAhead({ ...draft, team: 'it' })).toBe(1);
      await commit(taken, { ownerId: null }); // given back to the queue
      expect(await store().inspect.countQueueAhead(draft)).toBe(2);
      await commit(detailed, { status: 'resolved' });
      expect(await store().inspect.countQueueAhead(draft)).toBe(1);
    });

    it('lists the outbox oldest first, by case and by status', async () => {
      const c1 = await seedNotices(3, 1);
      const c2 = await seedNotices(2);
      expect((await store().inspect.listOutbox({})).map((n) => n.key)).toEqual(['k1', 'k2', 'k3']);
      expect((await store().inspect.listOutbox({ caseId: c1.id })).map((n) => n.key)).toEqual(['k1', 'k3']);
      const [first] = await store().notices.claim(claimAt(at(10 * MIN), { limit: 1 }));
      expect(first?.key).toBe('k1');
      expect((await store().inspect.listOutbox({ statuses: ['sending'] })).map((n) => n.key)).toEqual(['k1']);
      expect(
        (await store().inspect.listOutbox({ caseId: c2.id, statuses: ['pending', 'sent'] })).map(
          (n) => n.key,
        ),
      ).toEqual(['k2']);
      expect(await store().inspect.listOutbox({ statuses: [] })).toEqual([]);
    });
  });
}
