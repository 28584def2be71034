// Contract, part 4: the outbox. Claims with leases; a claim whose sender stopped is sent again
// (at-least-once); failures retry, park, or (an unknown outcome) stay ambiguous.
import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../src/core/model.ts';
import type { ClaimOptions } from '../../src/core/ports.ts';
import { at, MIN, makeNotice, seedCase, T0 } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

const claimAt = (now: Date, extra: Partial<ClaimOptions> = {}): ClaimOptions => ({
  now,
  limit: 100,
  leaseMs: MIN,
  owner: 'dispatcher-a',
  ...extra,
});

export function describeOutboxContract(store: CurrentStore): void {
  /** One case with notices created at T0 + the given minutes. */
  const seedNotices = (...minutes: number[]) =>
    seedCase(store(), {}, (n) => ({
      notices: minutes.map((m) => makeNotice(n, { createdAt: at(m * MIN), key: `k${m}` })),
    }));

  const statusOf = async (id: string) => (await store().listOutbox({})).find((n) => n.id === id);

  describe('outbox', () => {
    it('stores new notices as pending, no attempts, first attempt at creation', async () => {
      const notice = makeNotice({ id: 'c', conversation: 'x' });
      const c = await seedCase(store(), { id: 'c' }, () => ({ notices: [notice] }));
      expect(await store().listOutbox({ caseId: c.id })).toEqual([
        { ...notice, status: 'pending', attempts: 0, nextAttemptAt: T0, lastError: null, sentAt: null },
      ]);
    });

    it('claims due pending notices oldest first, up to the limit, and marks them sending', async () => {
      await seedNotices(2, 0, 1, 5);
      const claimed = await store().claimNotices(claimAt(at(2 * MIN), { limit: 2 }));
      expect(claimed.map((n) => n.key)).toEqual(['k0', 'k1']);
      for (const n of claimed) {
        expect(n).toMatchObject({ status: 'sending', leaseUntil: at(3 * MIN) });
        expect(n.leaseToken).toContain('dispatcher-a');
      }
      expect((await store().claimNotices(claimAt(at(2 * MIN)))).map((n) => n.key)).toEqual(['k2']);
      expect(await store().claimNotices(claimAt(at(2 * MIN)))).toEqual([]);
      expect((await store().listOutbox({ statuses: ['pending'] })).map((n) => n.key)).toEqual(['k5']);
    });

    it('never gives the same notice to two concurrent claims', async () => {
      await seedNotices(...Array.from({ length: 12 }, (_, i) => i / 10));
      const batches = await Promise.all(
        ['a', 'b', 'c'].map((owner) => store().claimNotices(claimAt(at(60 * MIN), { limit: 5, owner }))),
      );
      const ids = batches.flat().map((n) => n.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
    });

    it('marks a notice sent only with the lease that holds it', async () => {
      await seedNotices(0);
      const [n] = await store().claimNotices(claimAt(T0));
      if (!n) throw new Error('nothing claimed');
      await store().markNoticeSent(n.id, 'stale-token', at(1));
      expect((await statusOf(n.id))?.status).toBe('sending');
      await store().markNoticeSent(n.id, n.leaseToken, at(1234));
      expect(await statusOf(n.id)).toMatchObject({ status: 'sent', sentAt: at(1234), attempts: 0 });
      expect(await store().claimNotices(claimAt(at(60 * MIN)))).toEqual([]);
    });

    it('retries a failed send at retryAt, counting the attempt', async () => {
      await seedNotices(0);
      const [n] = await store().claimNotices(claimAt(T0));
      if (!n) throw new Error('nothing claimed');
      await store().markNoticeFailed(n.id, 'stale-token', { error: 'ignored', retryAt: at(MIN) });
      expect((await statusOf(n.id))?.status).toBe('sending');
      await store().markNoticeFailed(n.id, n.leaseToken, { error: 'HTTP 503', retryAt: at(5 * MIN) });
      expect(await statusOf(n.id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 503',
        nextAttemptAt: at(5 * MIN),
      });
      expect(await store().claimNotices(claimAt(at(5 * MIN - 1)))).toEqual([]);
      const [retry] = await store().claimNotices(claimAt(at(5 * MIN)));
      expect(retry?.id).toBe(n.id);
      expect(retry?.leaseToken).not.toBe(n.leaseToken);
      await store().markNoticeFailed(n.id, n.leaseToken, { error: 'old lease', retryAt: null });
      expect(await statusOf(n.id)).toMatchObject({ status: 'sending', attempts: 1 });
    });

    it('parks a notice when there is no retry, and keeps a possibly sent one ambiguous', async () => {
      await seedNotices(0, 1);
      const [a, b] = await store().claimNotices(claimAt(at(MIN)));
      if (!a || !b) throw new Error('nothing claimed');
      await store().markNoticeFailed(a.id, a.leaseToken, { error: 'channel_not_found', retryAt: null });
      await store().markNoticeFailed(b.id, b.leaseToken, {
        error: 'timeout',
        retryAt: at(2 * MIN),
        ambiguous: true,
      });
      expect(await statusOf(a.id)).toMatchObject({
        status: 'parked',
        attempts: 1,
        lastError: 'channel_not_found',
      });
      expect(await statusOf(b.id)).toMatchObject({ status: 'ambiguous', attempts: 1, lastError: 'timeout' });
      expect(await store().claimNotices(claimAt(at(60 * MIN)))).toEqual([]);
    });

    it('sends again a started send whose sender stopped, noting it may arrive twice', async () => {
      await seedNotices(0);
      const [n] = await store().claimNotices(claimAt(T0, { leaseMs: MIN }));
      if (!n) throw new Error('nothing claimed');
      expect(await store().startNoticeSend(n.id, n.leaseToken, at(1))).toBe(true);
      expect(await store().claimNotices(claimAt(at(MIN), { owner: 'b' }))).toEqual([]);
      expect((await statusOf(n.id))?.status).toBe('sending');
      const [again] = await store().claimNotices(claimAt(at(MIN + 1), { owner: 'b' }));
      expect(again).toMatchObject({
        id: n.id,
        status: 'sending',
        attempts: 1,
        lastError: 'the sender stopped mid-send; sent again, may arrive twice',
      });
      expect(again?.leaseToken).not.toBe(n.leaseToken);
      // The first sender's late confirmation no longer counts: the lease moved on.
      await store().markNoticeSent(n.id, n.leaseToken, at(MIN + 2));
      expect((await statusOf(n.id))?.status).toBe('sending');
      if (again) await store().markNoticeSent(again.id, again.leaseToken, at(MIN + 3));
      expect(await statusOf(n.id)).toMatchObject({ status: 'sent', sentAt: at(MIN + 3) });
    });

    it('hands a claim whose send never started to the next claimer, and fences the old holder', async () => {
      await seedNotices(0);
      const [first] = await store().claimNotices(claimAt(T0, { leaseMs: MIN }));
      if (!first) throw new Error('nothing claimed');
      expect(await store().claimNotices(claimAt(at(MIN), { owner: 'b' }))).toEqual([]);
      const [second] = await store().claimNotices(claimAt(at(MIN + 1), { owner: 'b' }));
      expect(second).toMatchObject({ id: first.id, status: 'sending', attempts: 0, lastError: null });
      expect(second?.leaseToken).not.toBe(first.leaseToken);
      if (!second) throw new Error('not claimed again');
      // The old holder wakes up: it may not start, and its confirmation changes nothing.
      expect(await store().startNoticeSend(first.id, first.leaseToken, at(MIN + 2))).toBe(false);
      await store().markNoticeSent(first.id, first.leaseToken, at(MIN + 2));
      expect((await statusOf(first.id))?.status).toBe('sending');
      expect(await store().startNoticeSend(second.id, second.leaseToken, at(MIN + 3))).toBe(true);
      await store().markNoticeSent(second.id, second.leaseToken, at(MIN + 4));
      expect(await statusOf(first.id)).toMatchObject({ status: 'sent', sentAt: at(MIN + 4) });
    });

    it('releases a claimed notice whose send has not started, only for the lease that holds it', async () => {
      await seedNotices(0, 1);
      const [a, b] = await store().claimNotices(claimAt(at(MIN), { leaseMs: 10 * MIN }));
      if (!a || !b) throw new Error('nothing claimed');
      await store().releaseNotice(a.id, 'stale-token');
      expect((await statusOf(a.id))?.status).toBe('sending');
      await store().releaseNotice(a.id, a.leaseToken);
      expect(await statusOf(a.id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 });
      // A started send is never given back: it may already be on its way.
      expect(await store().startNoticeSend(b.id, b.leaseToken, at(MIN))).toBe(true);
      await store().releaseNotice(b.id, b.leaseToken);
      expect((await statusOf(b.id))?.status).toBe('sending');
      // Released: the next claim takes it at once, although the old lease would still run.
      const again = await store().claimNotices(claimAt(at(MIN + 1), { owner: 'b' }));
      expect(again.map((n) => n.id)).toEqual([a.id]);
      expect(await store().startNoticeSend(a.id, a.leaseToken, at(MIN + 2))).toBe(false);
    });

    it('lists the outbox oldest first, by case and by status', async () => {
      const c1 = await seedNotices(3, 1);
      const c2 = await seedNotices(2);
      expect((await store().listOutbox({})).map((n) => n.key)).toEqual(['k1', 'k2', 'k3']);
      expect((await store().listOutbox({ caseId: c1.id })).map((n) => n.key)).toEqual(['k1', 'k3']);
      const [first] = await store().claimNotices(claimAt(at(10 * MIN), { limit: 1 }));
      expect(first?.key).toBe('k1');
      expect((await store().listOutbox({ statuses: ['sending'] })).map((n) => n.key)).toEqual(['k1']);
      expect(
        (await store().listOutbox({ caseId: c2.id, statuses: ['pending', 'sent'] })).map((n) => n.key),
      ).toEqual(['k2']);
      expect(await store().listOutbox({ statuses: [] })).toEqual([]);
    });
  });

  describe('outbox pacing per destination', () => {
    const toCustomer = (conversation: string): Recipient => ({
      kind: 'customer',
      customerId: 'u',
      conversation,
    });
    const recipients: Recipient[] = [
      toCustomer('slack:T1:C1:1'),
      { kind: 'person', personId: 'tom' },
      toCustomer('slack:T1:C1:1'),
      { kind: 'triage', teamId: 'finance' },
      { kind: 'supervisors', teamId: 'finance' },
      { kind: 'person', personId: 'tom' },
      toCustomer('slack:T1:C1:1'),
      { kind: 'person', personId: 'ann' },
      toCustomer('slack:T1:C1:2'),
    ];
    /** One notice per recipient, a millisecond apart, keyed by its position. */
    const seedPaced = () =>
      seedCase(store(), {}, (c) => ({
        notices: recipients.map((recipient, i) =>
          makeNotice(c, { recipient, createdAt: at(i), key: `n${i}` }),
        ),
      }));
    const keysOf = (claimed: { key: string }[]) => claimed.map((n) => n.key);

    it('claims the oldest notice of each destination, then the next only once paceMs has passed', async () => {
      await seedPaced();
      const paced = (now: Date, owner = 'a') =>
        store().claimNotices(claimAt(now, { paceMs: 1000, owner, leaseMs: 60 * MIN }));
      expect(keysOf(await paced(at(MIN)))).toEqual(['n0', 'n1', 'n3', 'n4', 'n7', 'n8']);
      expect(await paced(at(MIN), 'b')).toEqual([]);
      expect(await paced(at(MIN + 999), 'b')).toEqual([]);
      expect(keysOf(await paced(at(MIN + 1000), 'b'))).toEqual(['n2', 'n5']);
      expect(keysOf(await paced(at(MIN + 1999)))).toEqual([]);
      expect(keysOf(await paced(at(MIN + 2000)))).toEqual(['n6']);
      expect(await paced(at(10 * MIN))).toEqual([]);
    });

    it('takes at most the limit, oldest destinations first, and leaves the rest unpaced', async () => {
      await seedPaced();
      const first = await store().claimNotices(claimAt(at(MIN), { paceMs: 1000, limit: 2 }));
      expect(keysOf(first)).toEqual(['n0', 'n1']);
      // Destinations not claimed were not paced: the next claim takes them at once.
      const second = await store().claimNotices(claimAt(at(MIN), { paceMs: 1000 }));
      expect(keysOf(second)).toEqual(['n3', 'n4', 'n7', 'n8']);
    });

    it('never gives two notices of one destination to concurrent paced claims', async () => {
      await seedCase(store(), {}, (c) => ({
        notices: Array.from({ length: 12 }, (_, i) =>
          makeNotice(c, { recipient: toCustomer(`slack:T1:C${i % 3}:1`), createdAt: at(i), key: `n${i}` }),
        ),
      }));
      const batches = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((owner) =>
          store().claimNotices(claimAt(at(MIN), { paceMs: 1000, owner, limit: 2 })),
        ),
      );
      expect(keysOf(batches.flat()).sort()).toEqual(['n0', 'n1', 'n2']);
    });

    it('a paced claim still hands a lapsed, never-started claim to the next claimer', async () => {
      await seedPaced();
      const [n0] = await store().claimNotices(claimAt(at(MIN), { paceMs: 1000, limit: 1, leaseMs: 5_000 }));
      expect(n0?.key).toBe('n0');
      const later = await store().claimNotices(claimAt(at(MIN + 5_001), { paceMs: 1000, owner: 'b' }));
      expect(keysOf(later)).toEqual(['n0', 'n1', 'n3', 'n4', 'n7', 'n8']);
    });
  });
}
