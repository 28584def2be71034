// Contract, part 5: customer waits and follow-up links round-trip; the auditor's listBrokenPromises
// finds exactly the cases whose promise (promiseIdOf) has no live miss / auto_close timer, or whose
// window or approval contradicts their status.
import { describe, expect, it } from 'vitest';
import type { Case, CustomerWait, Timer } from '../../src/core/model.ts';
import type { NewCase } from '../../src/core/ports.ts';
import { at, changeOf, MIN, makeTimer, seedCase, T0 } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';
import { approval, windowDue } from './home-lists.ts';

const waitOf = (id: string, checkedInAt: Date | null = null): CustomerWait => ({
  id: `${id}-wait`,
  since: at(MIN + 1),
  checkInAt: at(480 * MIN + 2),
  closeAt: at(1440 * MIN + 3),
  checkedInAt,
});

export function describePromiseContract(store: CurrentStore): void {
  /** A case whose timers are built from the numbered case (its window and wait ids). */
  const seed = (overrides: Partial<NewCase>, timers: (c: Case) => Timer[] = () => []) =>
    seedCase(store(), overrides, (n) => ({ timers: timers(n) }));
  /** The live miss timer of the case's window. */
  const missOf = (c: Case, extra: Partial<Timer> = {}) =>
    makeTimer(c, { windowId: c.window?.id ?? 'none', dueAt: c.window?.dueAt ?? T0, ...extra });
  const closeOf = (c: Case) =>
    makeTimer(c, { kind: 'auto_close', windowId: c.waiting?.id ?? 'none', dueAt: at(1440 * MIN + 3) });
  const checkInOf = (c: Case) =>
    makeTimer(c, { kind: 'check_in', windowId: c.waiting?.id ?? 'none', dueAt: at(480 * MIN + 2) });
  const healthy = () => seed({}, (n) => [missOf(n), missOf(n, { kind: 'nudge', dueAt: at(45 * MIN) })]);
  /** Waiting on the customer with a paused window, as the desk leaves it. */
  const waiting = (id: string): Partial<NewCase> => ({
    id,
    status: 'waiting_on_customer',
    window: windowDue(at(60 * MIN), true),
    waiting: waitOf(id),
  });
  const awaiting = (): Partial<NewCase> => ({
    status: 'awaiting_approval',
    approval: approval('pending'),
    window: { ...windowDue(at(120 * MIN)), kind: 'approval', holder: null },
  });
  const broken = (limit = 100) => store().cases.listBrokenPromises(limit);

  describe('customer waits and follow-ups', () => {
    it('round-trip a wait and a follow-up link with exact Dates, and clear them on commit', async () => {
      const c = await seed(
        { ...waiting('case-waits'), follows: { caseId: 'case-before', number: 41 } },
        (n) => [closeOf(n), checkInOf(n)],
      );
      const read = await store().cases.getCase(c.id);
      expect(read).toEqual(c);
      expect(read?.waiting?.closeAt).toBeInstanceOf(Date);
      expect(read?.waiting?.closeAt.getTime()).toBe(at(1440 * MIN + 3).getTime());
      expect(read?.follows).toEqual({ caseId: 'case-before', number: 41 });
      const checkedIn = changeOf(c, { waiting: waitOf(c.id, at(480 * MIN + 9)) });
      await store().cases.commit(checkedIn);
      expect((await store().cases.getCase(c.id))?.waiting?.checkedInAt).toEqual(at(480 * MIN + 9));
      await store().cases.commit(changeOf(checkedIn.case, { status: 'open', waiting: null, follows: null }));
      expect(await store().cases.getCase(c.id)).toMatchObject({
        status: 'open',
        waiting: null,
        follows: null,
      });
      expect((await store().cases.listCases({ statuses: ['open'] }))[0]?.waiting).toBeNull();
    });

    it('keeps check-in and automatic-close timers with their kind, and claims them like any other', async () => {
      const c = await seed(waiting('case-timers'), (n) => [checkInOf(n), closeOf(n)]);
      expect((await store().cases.listTimers(c.id)).map((t) => [t.kind, t.windowId])).toEqual([
        ['check_in', 'case-timers-wait'],
        ['auto_close', 'case-timers-wait'],
      ]);
      const claimed = await store().timers.claim({
        now: at(1440 * MIN + 3),
        limit: 10,
        leaseMs: MIN,
        owner: 's',
      });
      expect(claimed.map((t) => t.kind)).toEqual(['check_in', 'auto_close']);
    });
  });

  describe('listBrokenPromises', () => {
    it('lists no case that keeps its promises, nor any resolved or closed case', async () => {
      const open = await healthy();
      await seed(waiting('case-kept-wait'), (n) => [closeOf(n), checkInOf(n)]);
      await seed(awaiting(), (n) => [missOf(n)]);
      await seed({ status: 'waiting_on_expert', ownerId: 'tom' }, (n) => [missOf(n)]);
      // A claimed miss timer is still live (a sweep is handling it).
      await store().timers.claim({ now: at(60 * MIN), limit: 10, leaseMs: MIN, owner: 's' });
      expect((await store().cases.listTimers(open.id)).map((t) => t.status)).toEqual(['claimed', 'claimed']);
      // Finished cases break every rule here, and are still never listed.
      await seed({ status: 'resolved', approval: approval('pending') });
      await seed({ status: 'closed', window: windowDue(at(MIN), true), waiting: waitOf('x') });
      expect(await broken()).toEqual([]);
    });

    it('lists a case whose miss timer is done or cancelled, or belongs to another window', async () => {
      const [done, cancelled, stale, nudgeOnly] = [
        await healthy(),
        await healthy(),
        await seed({}, (n) => [missOf(n, { windowId: 'an-older-window' })]),
        await seed({}, (n) => [missOf(n, { kind: 'nudge' })]),
      ];
      await healthy();
      expect(await broken()).toEqual([stale.id, nudgeOnly.id]);
      // Every due timer is claimed (still live); the sweep then handles the miss of `done`.
      const claims = await store().timers.claim({
        now: at(60 * MIN),
        limit: 100,
        leaseMs: MIN,
        owner: 's',
      });
      const miss = claims.find((t) => t.caseId === done.id && t.kind === 'miss');
      if (!miss) throw new Error('the miss timer was not claimed');
      expect(await broken()).toEqual([stale.id, nudgeOnly.id]);
      await store().cases.commit(changeOf(done, { misses: 1 }, { completeTimer: miss }));
      await store().cases.commit(changeOf(cancelled, { ownerId: 'tom' }, { cancelTimers: true }));
      expect(await broken()).toEqual([done.id, cancelled.id, stale.id, nudgeOnly.id]);
    });

    it('lists a case waiting on staff whose window is paused or missing', async () => {
      const paused = await seed({ window: windowDue(at(60 * MIN), true) }, (n) => [missOf(n)]);
      const none = await seed({ status: 'waiting_on_expert', window: null });
      await healthy();
      expect(await broken()).toEqual([paused.id, none.id]);
    });

    it('lists a case waiting on the customer without a wait, without its close timer, or with a running window', async () => {
      const noWait = await seed({ ...waiting('case-no-wait'), waiting: null }, (n) => [missOf(n)]);
      const checkInOnly = await seed(waiting('case-check-in-only'), (n) => [checkInOf(n)]);
      const running = await seed({ ...waiting('case-running'), window: windowDue(at(60 * MIN)) }, (n) => [
        closeOf(n),
        missOf(n),
      ]);
      await seed(waiting('case-fine'), (n) => [closeOf(n)]);
      expect(await broken()).toEqual([noWait.id, checkInOnly.id, running.id]);
    });

    it('lists a case whose pending approval does not match its status', async () => {
      const pendingWhileOpen = await seed({ approval: approval('pending') }, (n) => [missOf(n)]);
      const awaitingNone = await seed({ ...awaiting(), approval: null }, (n) => [missOf(n)]);
      const awaitingDecided = await seed({ ...awaiting(), approval: approval('approved') }, (n) => [
        missOf(n),
      ]);
      await seed({ approval: approval('declined') }, (n) => [missOf(n)]);
      expect(await broken()).toEqual([pendingWhileOpen.id, awaitingNone.id, awaitingDecided.id]);
    });

    it('lists by case number, at most `limit`', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        if (i % 2 === 0) await healthy();
        ids.push((await seed({ window: null })).id);
      }
      expect(await broken(2)).toEqual(ids.slice(0, 2));
      expect(await broken(5)).toEqual(ids.slice(0, 5));
      expect(await broken()).toEqual(ids);
      expect(await broken(0)).toEqual([]);
    });

    it('follows commits: a repaired case leaves the list, a broken one joins it', async () => {
      const c = await seed({ window: windowDue(at(60 * MIN), true) });
      const other = await healthy();
      expect(await broken()).toEqual([c.id]);
      const window = windowDue(at(90 * MIN));
      const repaired = changeOf(c, { window }, { timers: [missOf({ ...c, window })], cancelTimers: true });
      await store().cases.commit(repaired);
      expect(await broken()).toEqual([]);
      // Waiting on the customer now, but the commit forgot the wait's timers.
      await store().cases.commit(changeOf(other, waiting(other.id), { cancelTimers: true }));
      expect(await broken()).toEqual([other.id]);
    });
  });
}
