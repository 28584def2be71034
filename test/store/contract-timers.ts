// Contract, LeaseQueue<Timer>: timer claims with leases, release, the auditor's overdue count, and
// CaseRepository.listTimers. What timers share with notices is in contract-lease-queue.ts.
import { describe, expect, it } from 'vitest';
import { at, changeOf, MIN, makeTimer, seedCase, claimsFor } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

const claimAt = claimsFor('sweeper-a', 5 * MIN);

export function describeTimerContract(store: CurrentStore): void {
  describe('LeaseQueue<Timer>', () => {
    it('claims due pending timers, oldest first, up to the limit, with a fresh lease each', async () => {
      const c = await seedCase(store(), {}, (n) => ({
        timers: [
          makeTimer(n, { dueAt: at(3 * MIN) }),
          makeTimer(n, { dueAt: at(MIN) }),
          makeTimer(n, { dueAt: at(10 * MIN) }), // due exactly now
          makeTimer(n, { dueAt: at(10 * MIN + 1) }), // not due yet
          makeTimer(n, { dueAt: at(2 * MIN) }),
        ],
      }));
      const first = await store().timers.claim(claimAt(at(10 * MIN), { limit: 2 }));
      expect(first.map((t) => t.dueAt)).toEqual([at(MIN), at(2 * MIN)]);
      for (const t of first) {
        expect(t).toMatchObject({ caseId: c.id, status: 'claimed', leaseUntil: at(15 * MIN) });
        expect(t.leaseToken).toContain('sweeper-a');
      }
      expect(new Set(first.map((t) => t.leaseToken)).size).toBe(2);
      const rest = await store().timers.claim(claimAt(at(10 * MIN)));
      expect(rest.map((t) => t.dueAt)).toEqual([at(3 * MIN), at(10 * MIN)]);
      expect(await store().timers.claim(claimAt(at(10 * MIN)))).toEqual([]);
      expect((await store().cases.listTimers(c.id)).map((t) => t.status)).toEqual([
        'claimed',
        'claimed',
        'claimed',
        'claimed',
        'pending',
      ]);
    });

    it('never hands out a done or cancelled timer, nor one whose lease is still live', async () => {
      const c = await seedCase(store(), {}, (n) => ({
        timers: [makeTimer(n, { dueAt: at(MIN) }), makeTimer(n, { dueAt: at(2 * MIN) })],
      }));
      const [handled] = await store().timers.claim(claimAt(at(MIN)));
      if (!handled) throw new Error('nothing claimed');
      await store().cases.commit(changeOf(c, {}, { cancelTimers: true, completeTimer: handled }));
      expect((await store().cases.listTimers(c.id)).map((t) => t.status)).toEqual(['done', 'cancelled']);
      expect(await store().timers.claim(claimAt(at(60 * MIN)))).toEqual([]);

      await seedCase(store(), {}, (n) => ({ timers: [makeTimer(n, { dueAt: at(MIN) })] }));
      const [live] = await store().timers.claim(claimAt(at(MIN), { leaseMs: 5 * MIN }));
      expect(live).toBeDefined();
      // Lease until +6 min: not expired at +6 min (strictly before is required), expired just after.
      expect(await store().timers.claim(claimAt(at(6 * MIN), { owner: 'sweeper-b' }))).toEqual([]);
      const [retaken] = await store().timers.claim(claimAt(at(6 * MIN + 1), { owner: 'sweeper-b' }));
      expect(retaken?.id).toBe(live?.id);
      expect(retaken?.leaseToken).not.toBe(live?.leaseToken);
      expect(retaken?.leaseToken).toContain('sweeper-b');
      expect(retaken?.leaseUntil).toEqual(at(11 * MIN + 1));
    });

    it('releases a timer only for the lease that holds it', async () => {
      const c = await seedCase(store(), {}, (n) => ({ timers: [makeTimer(n, { dueAt: at(MIN) })] }));
      const [claimed] = await store().timers.claim(claimAt(at(MIN)));
      if (!claimed) throw new Error('nothing claimed');
      await store().timers.release(claimed.id, 'someone-else');
      expect((await store().cases.listTimers(c.id)).map((t) => t.status)).toEqual(['claimed']);
      await store().timers.release(claimed.id, claimed.leaseToken);
      expect((await store().cases.listTimers(c.id)).map((t) => t.status)).toEqual(['pending']);
      // Released: the next sweep takes it at once, although the old lease would still run.
      const [again] = await store().timers.claim(claimAt(at(MIN + 1), { owner: 'sweeper-b' }));
      expect(again?.id).toBe(claimed.id);
      // The released lease cannot complete it any more.
      const late = changeOf(c, {}, { completeTimer: { id: claimed.id, leaseToken: claimed.leaseToken } });
      await expect(store().cases.commit(late)).rejects.toMatchObject({ code: 'lease_lost' });
    });

    it('counts pending and claimed timers due before the given instant', async () => {
      const c = await seedCase(store(), {}, (n) => ({
        timers: [
          makeTimer(n, { dueAt: at(MIN) }), // becomes done
          makeTimer(n, { dueAt: at(2 * MIN) }), // becomes claimed
          makeTimer(n, { dueAt: at(3 * MIN) }), // pending
          makeTimer(n, { dueAt: at(4 * MIN) }), // pending, due exactly at `before`
        ],
      }));
      await seedCase(store(), {}, (n) => ({
        timers: [makeTimer(n, { dueAt: at(MIN), status: 'cancelled' })],
      }));
      const [first] = await store().timers.claim(claimAt(at(MIN)));
      if (!first) throw new Error('nothing claimed');
      await store().cases.commit(changeOf(c, {}, { completeTimer: first }));
      await store().timers.claim(claimAt(at(2 * MIN)));
      expect(await store().timers.countOverdue(at(4 * MIN))).toBe(2);
      expect(await store().timers.countOverdue(at(4 * MIN + 1))).toBe(3);
      expect(await store().timers.countOverdue(at(0))).toBe(0);
    });

    it('lists the timers of one case by due time', async () => {
      const c = await seedCase(store(), {}, (n) => ({
        timers: [
          makeTimer(n, { dueAt: at(5 * MIN), kind: 'miss' }),
          makeTimer(n, { dueAt: at(MIN), kind: 'nudge' }),
        ],
      }));
      await seedCase(store(), {}, (n) => ({ timers: [makeTimer(n)] }));
      const listed = await store().cases.listTimers(c.id);
      expect(listed.map((t) => [t.kind, t.dueAt])).toEqual([
        ['nudge', at(MIN)],
        ['miss', at(5 * MIN)],
      ]);
      expect(Object.keys(listed[0] ?? {}).sort()).toEqual([
        'caseId',
        'dueAt',
        'id',
        'kind',
        'status',
        'windowId',
      ]);
      expect(await store().cases.listTimers('unknown')).toEqual([]);
    });
  });
}
