// Contract, part 2: commit is all or nothing (version check, timer lease), cancels and completes
// timers, skips notices whose dedupe key is already stored, appends events in order.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { at, changeOf, MIN, makeEvent, makeNotice, makeTimer, seedCase } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

/** Everything a commit could touch, to show a failed one wrote nothing. */
async function everything(store: InspectableStore, c: Case) {
  return {
    case: await store.cases.getCase(c.id),
    events: await store.inspect.listEvents(c.id),
    timers: await store.cases.listTimers(c.id),
    outbox: await store.inspect.listOutbox({}),
  };
}

export function describeCommitContract(store: CurrentStore): void {
  describe('commit', () => {
    it('writes the new case version, new timers, notices and events', async () => {
      const c = await seedCase(store(), {}, (n) => ({ events: [makeEvent(n, { type: 'opened' })] }));
      const timer = makeTimer(c, { dueAt: at(30 * MIN) });
      const notice = makeNotice(c, { key: 'case.claimed' });
      await store().cases.commit(
        changeOf(
          c,
          { ownerId: 'tom', updatedAt: at(MIN) },
          {
            events: [
              makeEvent(c, { type: 'claimed', at: at(MIN) }),
              makeEvent(c, { type: 'noted', at: at(-MIN) }),
            ],
            timers: [timer],
            notices: [notice],
          },
        ),
      );
      expect(await store().cases.getCase(c.id)).toEqual({
        ...c,
        ownerId: 'tom',
        updatedAt: at(MIN),
        version: 2,
      });
      expect((await store().inspect.listEvents(c.id)).map((e) => e.type)).toEqual([
        'opened',
        'claimed',
        'noted',
      ]);
      expect(await store().cases.listTimers(c.id)).toEqual([timer]);
      expect((await store().inspect.listOutbox({ caseId: c.id })).map((n) => [n.id, n.status])).toEqual([
        [notice.id, 'pending'],
      ]);
    });

    it('fails with conflict and writes nothing when the stored version moved on', async () => {
      const c = await seedCase(store(), {}, (n) => ({ timers: [makeTimer(n)] }));
      await store().cases.commit(changeOf(c, { ownerId: 'tom' }));
      const before = await everything(store(), c);
      const stale = changeOf(
        c,
        { ownerId: 'rasa' },
        { events: [makeEvent(c)], timers: [makeTimer(c)], notices: [makeNotice(c)], cancelTimers: true },
      );
      await expect(store().cases.commit(stale)).rejects.toMatchObject({
        code: 'conflict',
        textKey: 'error.conflict',
      });
      expect(await everything(store(), c)).toEqual(before);
      expect(before.timers.map((t) => t.status)).toEqual(['pending']);
    });

    it('fails with conflict for a case that does not exist', async () => {
      const c = await seedCase(store());
      const ghost = changeOf({ ...c, id: 'ghost' });
      await expect(store().cases.commit(ghost)).rejects.toMatchObject({ code: 'conflict' });
      expect(await store().cases.getCase('ghost')).toBeNull();
    });

    it('fails with lease_lost and writes nothing unless the lease still holds the timer', async () => {
      const c = await seedCase(store(), {}, (n) => ({ timers: [makeTimer(n, { dueAt: at(MIN) })] }));
      const [claimed] = await store().timers.claim({
        now: at(2 * MIN),
        limit: 10,
        leaseMs: MIN,
        owner: 's1',
      });
      if (!claimed) throw new Error('nothing claimed');
      const before = await everything(store(), c);
      const rows = {
        events: [makeEvent(c)],
        timers: [makeTimer(c)],
        notices: [makeNotice(c)],
        cancelTimers: true,
      };

      const wrongToken = changeOf(
        c,
        { misses: 1 },
        { ...rows, completeTimer: { id: claimed.id, leaseToken: 'x' } },
      );
      await expect(store().cases.commit(wrongToken)).rejects.toMatchObject({ code: 'lease_lost' });
      expect(await everything(store(), c)).toEqual(before);

      // The lease ran out and another sweeper took the timer: the first holder's token is dead.
      const [retaken] = await store().timers.claim({
        now: at(4 * MIN),
        limit: 10,
        leaseMs: MIN,
        owner: 's2',
      });
      expect(retaken?.id).toBe(claimed.id);
      const late = changeOf(
        c,
        { misses: 1 },
        { ...rows, completeTimer: { id: claimed.id, leaseToken: claimed.leaseToken } },
      );
      await expect(store().cases.commit(late)).rejects.toMatchObject({ code: 'lease_lost' });
      expect((await store().cases.getCase(c.id))?.version).toBe(c.version);
      expect((await store().cases.listTimers(c.id)).map((t) => t.status)).toEqual(['claimed']);
    });

    it('fails with lease_lost for a timer that is pending, done or cancelled', async () => {
      const c = await seedCase(store(), {}, (n) => ({ timers: [makeTimer(n, { dueAt: at(MIN) })] }));
      const [timer] = await store().cases.listTimers(c.id);
      if (!timer) throw new Error('no timer');
      const change = changeOf(c, {}, { completeTimer: { id: timer.id, leaseToken: 'any' } });
      await expect(store().cases.commit(change)).rejects.toMatchObject({ code: 'lease_lost' });
      expect((await store().cases.getCase(c.id))?.version).toBe(c.version);
    });

    it('completes the handled timer and cancels the other pending or claimed timers of the case only', async () => {
      const c = await seedCase(store(), {}, (n) => ({
        timers: [
          makeTimer(n, { dueAt: at(MIN) }), // handled
          makeTimer(n, { dueAt: at(2 * MIN) }), // claimed by another sweep
          makeTimer(n, { dueAt: at(60 * MIN) }), // pending
        ],
      }));
      const other = await seedCase(store(), {}, (n) => ({ timers: [makeTimer(n, { dueAt: at(3 * MIN) })] }));
      const claims = await store().timers.claim({ now: at(2 * MIN), limit: 10, leaseMs: MIN, owner: 's1' });
      const handled = claims.find((t) => t.dueAt.getTime() === at(MIN).getTime());
      if (!handled) throw new Error('handled timer not claimed');
      const replacement = makeTimer(c, { dueAt: at(90 * MIN) });
      await store().cases.commit(
        changeOf(c, { misses: 1 }, { cancelTimers: true, timers: [replacement], completeTimer: handled }),
      );
      expect((await store().cases.listTimers(c.id)).map((t) => [t.dueAt, t.status])).toEqual([
        [at(MIN), 'done'],
        [at(2 * MIN), 'cancelled'],
        [at(60 * MIN), 'cancelled'],
        [at(90 * MIN), 'pending'],
      ]);
      expect((await store().cases.listTimers(other.id)).map((t) => t.status)).toEqual(['pending']);
    });

    it('completes the handled timer without touching the others when cancelTimers is false', async () => {
      const c = await seedCase(store(), {}, (n) => ({
        timers: [makeTimer(n, { dueAt: at(MIN) }), makeTimer(n, { dueAt: at(60 * MIN) })],
      }));
      const [handled] = await store().timers.claim({ now: at(MIN), limit: 10, leaseMs: MIN, owner: 's1' });
      if (!handled) throw new Error('nothing claimed');
      await store().cases.commit(
        changeOf(c, {}, { completeTimer: { id: handled.id, leaseToken: handled.leaseToken } }),
      );
      expect((await store().cases.listTimers(c.id)).map((t) => t.status)).toEqual(['done', 'pending']);
      // A done timer is never claimed again.
      expect(await store().timers.claim({ now: at(59 * MIN), limit: 10, leaseMs: MIN, owner: 's2' })).toEqual(
        [],
      );
    });

    it('skips a notice whose dedupe key is already stored, and writes the rest', async () => {
      const c = await seedCase(store(), {}, (n) => ({
        notices: [makeNotice(n, { dedupeKey: 'case:1:opened', key: 'case.opened' })],
      }));
      const again = makeNotice(c, { dedupeKey: 'case:1:opened', key: 'case.opened.again' });
      const fresh = makeNotice(c, { dedupeKey: 'case:1:claimed' });
      const twin = makeNotice(c, { dedupeKey: 'case:1:claimed', key: 'twin' });
      await store().cases.commit(
        changeOf(c, { ownerId: 'tom' }, { notices: [again, fresh, twin], events: [makeEvent(c)] }),
      );
      const outbox = await store().inspect.listOutbox({ caseId: c.id });
      expect(outbox.map((n) => [n.dedupeKey, n.key])).toEqual([
        ['case:1:opened', 'case.opened'],
        ['case:1:claimed', fresh.key],
      ]);
      expect((await store().cases.getCase(c.id))?.ownerId).toBe('tom');
      expect(await store().inspect.listEvents(c.id)).toHaveLength(1);
    });
  });
}
