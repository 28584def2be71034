// Contract, NoticeQueue: the outbox. Claims with leases; a claim whose sender stopped is sent again
// (at-least-once); failures retry, park, or (an unknown outcome) stay ambiguous; a new case's
// notices claimed at once. Pacing per destination is in contract-notice-pacing.ts.
import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../src/core/model.ts';
import type { SendAtOnce } from '../../src/core/ports.ts';
import { RESENT_AFTER_CRASH } from '../../src/store/lease-token.ts';
import {
  at,
  MIN,
  makeDraft,
  makeNotice,
  seedCase,
  T0,
  withRows,
  claimsFor,
} from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

const claimAt = claimsFor('dispatcher-a');

export function describeNoticeContract(store: CurrentStore): void {
  /** One case with notices created at T0 + the given minutes. */
  const seedNotices = (...minutes: number[]) =>
    seedCase(store(), {}, (n) => ({
      notices: minutes.map((m) => makeNotice(n, { createdAt: at(m * MIN), key: `k${m}` })),
    }));

  const statusOf = async (id: string) => (await store().inspect.listOutbox({})).find((n) => n.id === id);

  describe('NoticeQueue', () => {
    it('stores new notices as pending, no attempts, first attempt at creation', async () => {
      const notice = makeNotice({ id: 'c', conversation: 'x' });
      const c = await seedCase(store(), { id: 'c' }, () => ({ notices: [notice] }));
      expect(await store().inspect.listOutbox({ caseId: c.id })).toEqual([
        { ...notice, status: 'pending', attempts: 0, nextAttemptAt: T0, lastError: null, sentAt: null },
      ]);
    });

    it('claims due pending notices oldest first, up to the limit, and marks them sending', async () => {
      await seedNotices(2, 0, 1, 5);
      const claimed = await store().notices.claim(claimAt(at(2 * MIN), { limit: 2 }));
      expect(claimed.map((n) => n.key)).toEqual(['k0', 'k1']);
      for (const n of claimed) {
        expect(n).toMatchObject({ status: 'sending', leaseUntil: at(3 * MIN) });
        expect(n.leaseToken).toContain('dispatcher-a');
      }
      expect((await store().notices.claim(claimAt(at(2 * MIN)))).map((n) => n.key)).toEqual(['k2']);
      expect(await store().notices.claim(claimAt(at(2 * MIN)))).toEqual([]);
      expect((await store().inspect.listOutbox({ statuses: ['pending'] })).map((n) => n.key)).toEqual(['k5']);
    });

    it('marks a notice sent only with the lease that holds it', async () => {
      await seedNotices(0);
      const [n] = await store().notices.claim(claimAt(T0));
      if (!n) throw new Error('nothing claimed');
      await store().notices.markSent(n.id, 'stale-token', at(1));
      expect((await statusOf(n.id))?.status).toBe('sending');
      await store().notices.markSent(n.id, n.leaseToken, at(1234));
      expect(await statusOf(n.id)).toMatchObject({ status: 'sent', sentAt: at(1234), attempts: 0 });
      expect(await store().notices.claim(claimAt(at(60 * MIN)))).toEqual([]);
    });

    it('retries a failed send at retryAt, counting the attempt', async () => {
      await seedNotices(0);
      const [n] = await store().notices.claim(claimAt(T0));
      if (!n) throw new Error('nothing claimed');
      await store().notices.markFailed(n.id, 'stale-token', { error: 'ignored', retryAt: at(MIN) });
      expect((await statusOf(n.id))?.status).toBe('sending');
      await store().notices.markFailed(n.id, n.leaseToken, { error: 'HTTP 503', retryAt: at(5 * MIN) });
      expect(await statusOf(n.id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 503',
        nextAttemptAt: at(5 * MIN),
      });
      expect(await store().notices.claim(claimAt(at(5 * MIN - 1)))).toEqual([]);
      const [retry] = await store().notices.claim(claimAt(at(5 * MIN)));
      expect(retry?.id).toBe(n.id);
      expect(retry?.leaseToken).not.toBe(n.leaseToken);
      await store().notices.markFailed(n.id, n.leaseToken, { error: 'old lease', retryAt: null });
      expect(await statusOf(n.id)).toMatchObject({ status: 'sending', attempts: 1 });
    });

    it('a rate-limited retry is recorded but not counted as an attempt', async () => {
      await seedNotices(0);
      const [n] = await store().notices.claim(claimAt(T0));
      if (!n) throw new Error('nothing claimed');
      const failure = { error: 'ratelimited', retryAt: at(1_000), rateLimited: true };
      await store().notices.markFailed(n.id, n.leaseToken, failure);
      expect(await statusOf(n.id)).toMatchObject({
        status: 'pending',
        attempts: 0,
        lastError: 'ratelimited',
        nextAttemptAt: at(1_000),
      });
      const [again] = await store().notices.claim(claimAt(at(1_000)));
      if (!again) throw new Error('not claimed again');
      await store().notices.markFailed(again.id, again.leaseToken, { error: 'HTTP 503', retryAt: at(5_000) });
      expect(await statusOf(n.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    });

    it('parks a notice when there is no retry, and keeps a possibly sent one ambiguous', async () => {
      await seedNotices(0, 1);
      const [a, b] = await store().notices.claim(claimAt(at(MIN)));
      if (!a || !b) throw new Error('nothing claimed');
      await store().notices.markFailed(a.id, a.leaseToken, { error: 'channel_not_found', retryAt: null });
      await store().notices.markFailed(b.id, b.leaseToken, {
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
      expect(await store().notices.claim(claimAt(at(60 * MIN)))).toEqual([]);
    });

    it('sends again a started send whose sender stopped, noting it may arrive twice', async () => {
      await seedNotices(0);
      const [n] = await store().notices.claim(claimAt(T0, { leaseMs: MIN }));
      if (!n) throw new Error('nothing claimed');
      expect(await store().notices.startSend(n.id, n.leaseToken, at(1))).toBe(true);
      expect(await store().notices.claim(claimAt(at(MIN), { owner: 'b' }))).toEqual([]);
      expect((await statusOf(n.id))?.status).toBe('sending');
      const [again] = await store().notices.claim(claimAt(at(MIN + 1), { owner: 'b' }));
      expect(again).toMatchObject({
        id: n.id,
        status: 'sending',
        attempts: 1,
        lastError: 'the sender stopped mid-send; sent again, may arrive twice',
      });
      expect(again?.leaseToken).not.toBe(n.leaseToken);
      // The first sender's late confirmation no longer counts: the lease moved on.
      await store().notices.markSent(n.id, n.leaseToken, at(MIN + 2));
      expect((await statusOf(n.id))?.status).toBe('sending');
      if (again) await store().notices.markSent(again.id, again.leaseToken, at(MIN + 3));
      expect(await statusOf(n.id)).toMatchObject({ status: 'sent', sentAt: at(MIN + 3) });
    });

    it('a started send keeps its lease from the start, and renewals extend it, only for the lease that holds it', async () => {
      await seedNotices(0);
      const [n] = await store().notices.claim(claimAt(T0, { leaseMs: MIN }));
      if (!n) throw new Error('nothing claimed');
      // Started half a minute after the claim: the lease now runs a minute from the start.
      expect(await store().notices.startSend(n.id, n.leaseToken, at(MIN / 2), { leaseMs: MIN })).toBe(true);
      expect(await store().notices.claim(claimAt(at(MIN + 1), { owner: 'b' }))).toEqual([]);
      // Renewed while the platform call is in flight; a stale token renews nothing.
      expect(await store().notices.renew(n.id, n.leaseToken, at(3 * MIN))).toBe(true);
      expect(await store().notices.renew(n.id, 'stale-token', at(10 * MIN))).toBe(false);
      // A renewal never shortens the lease.
      expect(await store().notices.renew(n.id, n.leaseToken, at(2 * MIN))).toBe(true);
      expect(await store().notices.claim(claimAt(at(3 * MIN), { owner: 'b' }))).toEqual([]);
      const [taken] = await store().notices.claim(claimAt(at(3 * MIN + 1), { owner: 'b' }));
      expect(taken).toMatchObject({ id: n.id, lastError: RESENT_AFTER_CRASH });
      // The old holder's lease is gone: it renews nothing.
      expect(await store().notices.renew(n.id, n.leaseToken, at(9 * MIN))).toBe(false);
      await store().notices.markSent(n.id, n.leaseToken, at(3 * MIN + 2));
      expect((await statusOf(n.id))?.status).toBe('sending');
    });

    it('hands a claim whose send never started to the next claimer, and fences the old holder', async () => {
      await seedNotices(0);
      const [first] = await store().notices.claim(claimAt(T0, { leaseMs: MIN }));
      if (!first) throw new Error('nothing claimed');
      expect(await store().notices.claim(claimAt(at(MIN), { owner: 'b' }))).toEqual([]);
      const [second] = await store().notices.claim(claimAt(at(MIN + 1), { owner: 'b' }));
      expect(second).toMatchObject({ id: first.id, status: 'sending', attempts: 0, lastError: null });
      expect(second?.leaseToken).not.toBe(first.leaseToken);
      if (!second) throw new Error('not claimed again');
      // The old holder wakes up: it may not start, and its confirmation changes nothing.
      expect(await store().notices.startSend(first.id, first.leaseToken, at(MIN + 2))).toBe(false);
      await store().notices.markSent(first.id, first.leaseToken, at(MIN + 2));
      expect((await statusOf(first.id))?.status).toBe('sending');
      expect(await store().notices.startSend(second.id, second.leaseToken, at(MIN + 3))).toBe(true);
      await store().notices.markSent(second.id, second.leaseToken, at(MIN + 4));
      expect(await statusOf(first.id)).toMatchObject({ status: 'sent', sentAt: at(MIN + 4) });
    });

    it('releases a claimed notice whose send has not started, only for the lease that holds it', async () => {
      await seedNotices(0, 1);
      const [a, b] = await store().notices.claim(claimAt(at(MIN), { leaseMs: 10 * MIN }));
      if (!a || !b) throw new Error('nothing claimed');
      await store().notices.release(a.id, 'stale-token');
      expect((await statusOf(a.id))?.status).toBe('sending');
      await store().notices.release(a.id, a.leaseToken);
      expect(await statusOf(a.id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 });
      // A started send is never given back: it may already be on its way.
      expect(await store().notices.startSend(b.id, b.leaseToken, at(MIN))).toBe(true);
      await store().notices.release(b.id, b.leaseToken);
      expect((await statusOf(b.id))?.status).toBe('sending');
      // Released: the next claim takes it at once, although the old lease would still run.
      const again = await store().notices.claim(claimAt(at(MIN + 1), { owner: 'b' }));
      expect(again.map((n) => n.id)).toEqual([a.id]);
      expect(await store().notices.startSend(a.id, a.leaseToken, at(MIN + 2))).toBe(false);
    });
  });

  describe('NoticeQueue: notices claimed at once by the case that writes them', () => {
    const toCustomer = (conversation: string): Recipient => ({
      kind: 'customer',
      customerId: 'u',
      conversation,
    });
    const sendAtOnce = (extra: Partial<SendAtOnce> = {}): SendAtOnce => ({
      now: T0,
      owner: 'replica-a',
      leaseMs: MIN,
      ...extra,
    });
    /** A new case whose notices go to `recipients` (keyed n0, n1, …), created with `options`. */
    const open = (recipients: Recipient[], options?: { sendAtOnce?: SendAtOnce }, prefix = 'n') => {
      const draft = makeDraft();
      return store().cases.createCase(
        draft,
        (c) =>
          withRows({
            notices: recipients.map((recipient, i) =>
              makeNotice(c, { recipient, createdAt: T0, key: `${prefix}${i}` }),
            ),
          })(c),
        options,
      );
    };
    const keysOf = (claimed: { key: string }[]) => claimed.map((n) => n.key);

    it('without sendAtOnce claims nothing; with it, every new notice in order, started, leased to the owner', async () => {
      const quiet = await open([toCustomer('slack:T1:C1:1')]);
      expect(quiet.sending).toEqual([]);
      const created = await open(
        [toCustomer('slack:T1:C2:1'), { kind: 'triage', teamId: 'finance' }, toCustomer('slack:T1:C2:1')],
        { sendAtOnce: sendAtOnce() },
        'm',
      );
      expect(keysOf(created.sending)).toEqual(['m0', 'm1', 'm2']);
      for (const n of created.sending) {
        expect(n).toMatchObject({
          caseId: created.case.id,
          status: 'sending',
          attempts: 0,
          leaseUntil: at(MIN),
        });
        expect(n.leaseToken).toContain('replica-a');
      }
      // A pass finds only the other case's notice; the claimed ones are this sender's to mark.
      expect(keysOf(await store().notices.claim(claimAt(T0, { owner: 'b' })))).toEqual(['n0']);
      const [m0] = created.sending;
      if (!m0) throw new Error('nothing claimed');
      await store().notices.markSent(m0.id, m0.leaseToken, at(5));
      expect(await statusOf(m0.id)).toMatchObject({ status: 'sent', sentAt: at(5) });
    });

    it('sends again, noted, a notice whose sender died right after the case was written', async () => {
      const { sending } = await open([toCustomer('slack:T1:C1:1')], { sendAtOnce: sendAtOnce() });
      const [n] = sending;
      if (!n) throw new Error('nothing claimed');
      expect(await store().notices.claim(claimAt(at(MIN), { owner: 'b' }))).toEqual([]);
      const [again] = await store().notices.claim(claimAt(at(MIN + 1), { owner: 'b' }));
      expect(again).toMatchObject({ id: n.id, attempts: 1, lastError: RESENT_AFTER_CRASH });
      expect(again?.leaseToken).not.toBe(n.leaseToken);
    });

    it('paced: one notice per free destination, and the destination waits paceMs after it', async () => {
      const created = await open(
        [
          toCustomer('slack:T1:C1:1'),
          { kind: 'person', personId: 'tom' },
          toCustomer('slack:T1:C1:1'),
          { kind: 'triage', teamId: 'finance' },
        ],
        { sendAtOnce: sendAtOnce({ paceMs: 1000 }) },
      );
      expect(keysOf(created.sending)).toEqual(['n0', 'n1', 'n3']);
      expect((await store().inspect.listOutbox({ statuses: ['pending'] })).map((n) => n.key)).toEqual(['n2']);
      const paced = (now: Date) => store().notices.claim(claimAt(now, { paceMs: 1000, owner: 'b' }));
      expect(await paced(at(999))).toEqual([]);
      expect(await store().notices.nextDueAt()).toEqual(at(1000));
      expect(keysOf(await paced(at(1000)))).toEqual(['n2']);
    });

    it('paced: a busy destination, or one with an earlier notice waiting, leaves the new notice pending', async () => {
      await open([toCustomer('slack:T1:C1:1'), toCustomer('slack:T1:C2:1')], undefined, 'old');
      // C1 was just claimed by a pass (busy for a second); C2's notice is still waiting.
      const pass = await store().notices.claim(claimAt(T0, { paceMs: 1000, limit: 1 }));
      expect(keysOf(pass)).toEqual(['old0']);
      const created = await open(
        [toCustomer('slack:T1:C1:7'), toCustomer('slack:T1:C2:7'), { kind: 'person', personId: 'ann' }],
        { sendAtOnce: sendAtOnce({ now: at(10), paceMs: 1000 }) },
      );
      expect(keysOf(created.sending)).toEqual(['n2']);
      const pending = await store().inspect.listOutbox({ statuses: ['pending'] });
      expect(pending.map((n) => n.key).sort()).toEqual(['n0', 'n1', 'old1']);
      // In order, per destination: C2's older notice goes first, C1's waits for its pace.
      const next = await store().notices.claim(claimAt(at(20), { paceMs: 1000, owner: 'b' }));
      expect(keysOf(next)).toEqual(['old1']);
    });

    it('claims no notice that was not written (its dedupe key was already stored)', async () => {
      const c = makeDraft();
      const known = makeNotice(c, { key: 'first', dedupeKey: 'same-key' });
      await store().cases.createCase(c, withRows({ notices: [known] }));
      const again = await store().cases.createCase(
        makeDraft(),
        (numbered) =>
          withRows({ notices: [makeNotice(numbered, { key: 'second', dedupeKey: 'same-key' })] })(numbered),
        { sendAtOnce: sendAtOnce() },
      );
      expect(again.sending).toEqual([]);
      expect(await statusOf(known.id)).toMatchObject({ status: 'pending' });
    });
  });
}
