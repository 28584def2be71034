// Contract, the lease queue: what timers (LeaseQueue<Timer>) and notices (NoticeQueue) share as
// one port, run for both. What only one of them does is in contract-timers.ts / contract-notices.ts.
import { describe, expect, it } from 'vitest';
import type { Leased } from '../../src/core/model.ts';
import type { LeaseQueue } from '../../src/core/ports.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { at, changeOf, MIN, makeNotice, makeTimer, seedCase, claimsFor } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

type Item = { id: string; caseId: string };

export interface QueueUnderTest {
  name: string;
  queue(store: InspectableStore): LeaseQueue<Item>;
  /** Writes one item per instant, each due then. */
  seed(store: InspectableStore, dues: readonly Date[]): Promise<void>;
  /** Settles a claimed item for good: a timer handled, a notice sent. */
  finish(store: InspectableStore, item: Leased<Item>): Promise<void>;
}

export const TIMERS: QueueUnderTest = {
  name: 'LeaseQueue<Timer>',
  queue: (store) => store.timers,
  async seed(store, dues) {
    await seedCase(store, {}, (c) => ({ timers: dues.map((dueAt) => makeTimer(c, { dueAt })) }));
  },
  async finish(store, item) {
    const c = await store.cases.getCase(item.caseId);
    if (!c) throw new Error(`no case ${item.caseId}`);
    await store.cases.commit(changeOf(c, {}, { completeTimer: item }));
  },
};

export const NOTICES: QueueUnderTest = {
  name: 'NoticeQueue',
  queue: (store) => store.notices,
  async seed(store, dues) {
    // A notice is first due when it is written.
    await seedCase(store, {}, (c) => ({ notices: dues.map((createdAt) => makeNotice(c, { createdAt })) }));
  },
  async finish(store, item) {
    expect(await store.notices.startSend(item.id, item.leaseToken, at(0))).toBe(true);
    await store.notices.markSent(item.id, item.leaseToken, at(0));
  },
};

const claimAt = claimsFor('claimer-a');

export function describeLeaseQueueContract(store: CurrentStore, q: QueueUnderTest): void {
  const queue = () => q.queue(store());

  describe(`${q.name}: the lease queue`, () => {
    it.each([
      [20, 5, 6],
      [12, 3, 5],
    ])(
      'never gives the same item to two concurrent claims (%i items, %i claimers of %i)',
      async (n, claimers, limit) => {
        await q.seed(
          store(),
          Array.from({ length: n }, (_, i) => at(i * 1000)),
        );
        const batches = await Promise.all(
          Array.from({ length: claimers }, (_, i) =>
            queue().claim(claimAt(at(60 * MIN), { limit, owner: `c${i}` })),
          ),
        );
        const ids = batches.flat().map((item) => item.id);
        expect(ids).toHaveLength(n);
        expect(new Set(ids).size).toBe(n);
      },
    );

    it('nextDueAt: the earliest due of the waiting items; claimed and settled ones do not count, a released one does', async () => {
      expect(await queue().nextDueAt()).toBeNull();
      await q.seed(store(), [at(3 * MIN), at(MIN), at(2 * MIN)]);
      expect(await queue().nextDueAt()).toEqual(at(MIN));
      const [first] = await queue().claim(claimAt(at(MIN), { limit: 1 }));
      const [second] = await queue().claim(claimAt(at(2 * MIN), { limit: 1 }));
      if (!first || !second) throw new Error('nothing claimed');
      expect(await queue().nextDueAt()).toEqual(at(3 * MIN));
      await q.finish(store(), second);
      await queue().release(first.id, first.leaseToken);
      expect(await queue().nextDueAt()).toEqual(at(MIN));
      await queue().claim(claimAt(at(10 * MIN)));
      expect(await queue().nextDueAt()).toBeNull();
    });

    it('countOverdue: waiting and claimed items due strictly before the instant, not settled ones', async () => {
      await q.seed(store(), [at(MIN), at(2 * MIN), at(3 * MIN), at(4 * MIN)]);
      const [settled] = await queue().claim(claimAt(at(MIN), { limit: 1 }));
      if (!settled) throw new Error('nothing claimed');
      await q.finish(store(), settled);
      await queue().claim(claimAt(at(2 * MIN), { limit: 1 })); // claimed, still counted
      expect(await queue().countOverdue(at(4 * MIN))).toBe(2);
      expect(await queue().countOverdue(at(4 * MIN + 1))).toBe(3);
      expect(await queue().countOverdue(at(0))).toBe(0);
    });
  });
}
