// Contract, NoticeQueue: pacing per destination (about one message a second per channel or DM,
// across every replica), counted from the send, in order per destination; and nextDueAt with it.
import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../src/core/model.ts';
import { at, MIN, makeNotice, seedCase, claimsFor } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

const claimAt = claimsFor('dispatcher-a');

export function describeNoticePacingContract(store: CurrentStore): void {
  describe('NoticeQueue: pacing per destination', () => {
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
      toCustomer('slack:T1:C2:2'),
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
        store().notices.claim(claimAt(now, { paceMs: 1000, owner, leaseMs: 60 * MIN }));
      expect(keysOf(await paced(at(MIN)))).toEqual(['n0', 'n1', 'n3', 'n4', 'n7', 'n8']);
      expect(await paced(at(MIN), 'b')).toEqual([]);
      expect(await paced(at(MIN + 999), 'b')).toEqual([]);
      expect(keysOf(await paced(at(MIN + 1000), 'b'))).toEqual(['n2', 'n5']);
      expect(keysOf(await paced(at(MIN + 1999)))).toEqual([]);
      expect(keysOf(await paced(at(MIN + 2000)))).toEqual(['n6']);
      expect(await paced(at(10 * MIN))).toEqual([]);
    });

    it('keeps each destination in order: a notice waiting on a retry holds back the ones after it', async () => {
      await seedPaced();
      const paced = (now: Date, owner = 'a') =>
        store().notices.claim(claimAt(now, { paceMs: 1000, owner, leaseMs: 60 * MIN }));
      const first = await paced(at(MIN));
      const n0 = first.find((n) => String(n.key) === 'n0');
      if (!n0) throw new Error('n0 not claimed');
      // The platform said "later" for n0 (conversation C1:1): n2 and n6 of that conversation wait.
      await store().notices.markFailed(n0.id, n0.leaseToken, {
        error: 'rate limited',
        retryAt: at(MIN + 5000),
        rateLimited: true,
      });
      expect(keysOf(await paced(at(MIN + 1000), 'b'))).toEqual(['n5']);
      expect(keysOf(await paced(at(MIN + 4999), 'c'))).toEqual([]);
      expect(keysOf(await paced(at(MIN + 5000), 'd'))).toEqual(['n0']);
      expect(keysOf(await paced(at(MIN + 6000), 'e'))).toEqual(['n2']);
    });

    it('paces every thread of a Slack channel together (Slack limits per channel), Discord threads apart', async () => {
      await seedCase(store(), {}, (c) => ({
        notices: [
          toCustomer('slack:T1:C9:1.1'),
          toCustomer('slack:T1:C9:2.2'),
          toCustomer('slack:T1:C8:3.3'),
          toCustomer('discord:G1:111'),
          toCustomer('discord:G1:222'),
        ].map((recipient, i) => makeNotice(c, { recipient, createdAt: at(i), key: `n${i}` })),
      }));
      const paced = (now: Date, owner: string) =>
        store().notices.claim(claimAt(now, { paceMs: 1000, owner, leaseMs: 60 * MIN }));
      expect(keysOf(await paced(at(MIN), 'a'))).toEqual(['n0', 'n2', 'n3', 'n4']);
      expect(keysOf(await paced(at(MIN + 1000), 'b'))).toEqual(['n1']);
    });

    it('takes at most the limit, oldest destinations first, and leaves the rest unpaced', async () => {
      await seedPaced();
      const first = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000, limit: 2 }));
      expect(keysOf(first)).toEqual(['n0', 'n1']);
      // Destinations not claimed were not paced: the next claim takes them at once.
      const second = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000 }));
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
          store().notices.claim(claimAt(at(MIN), { paceMs: 1000, owner, limit: 2 })),
        ),
      );
      expect(keysOf(batches.flat()).sort()).toEqual(['n0', 'n1', 'n2']);
    });

    it('counts the pace from the send: the later of the claim’s reservation and the send + paceMs', async () => {
      await seedPaced();
      const claimed = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000, leaseMs: 60 * MIN }));
      const [n0, n1] = claimed;
      expect([n0?.key, n1?.key]).toEqual(['n0', 'n1']);
      if (!n0 || !n1) throw new Error('nothing claimed');
      // n0 (conversation C1:1) starts 400 ms after the claim: that conversation waits until then + 1 s.
      expect(await store().notices.startSend(n0.id, n0.leaseToken, at(MIN + 400), { paceMs: 1000 })).toBe(
        true,
      );
      // n1 (tom) starts with a pace shorter than the claim's: the claim's reservation stands.
      expect(await store().notices.startSend(n1.id, n1.leaseToken, at(MIN + 100), { paceMs: 500 })).toBe(
        true,
      );
      const paced = (now: Date) => store().notices.claim(claimAt(now, { paceMs: 1000, owner: 'b' }));
      expect(keysOf(await paced(at(MIN + 999)))).toEqual([]);
      expect(keysOf(await paced(at(MIN + 1000)))).toEqual(['n5']);
      expect(keysOf(await paced(at(MIN + 1399)))).toEqual([]);
      expect(keysOf(await paced(at(MIN + 1400)))).toEqual(['n2']);
    });

    it('counts the pace from the answer too: markSent with paceMs moves the destination to the answer + paceMs', async () => {
      await seedPaced();
      const [n0, n1] = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000, leaseMs: 60 * MIN }));
      if (!n0 || !n1) throw new Error('nothing claimed');
      expect(await store().notices.startSend(n0.id, n0.leaseToken, at(MIN), { paceMs: 1000 })).toBe(true);
      expect(await store().notices.startSend(n1.id, n1.leaseToken, at(MIN), { paceMs: 1000 })).toBe(true);
      // n0's platform answered 300 ms after its start: the conversation waits until 1.3 s after.
      await store().notices.markSent(n0.id, n0.leaseToken, at(MIN + 300), { paceMs: 1000 });
      // n1's answer came at once, and without paceMs the answer moves nothing.
      await store().notices.markSent(n1.id, n1.leaseToken, at(MIN + 600));
      const paced = (now: Date) => store().notices.claim(claimAt(now, { paceMs: 1000, owner: 'b' }));
      expect(keysOf(await paced(at(MIN + 1000)))).toEqual(['n5']);
      expect(keysOf(await paced(at(MIN + 1299)))).toEqual([]);
      expect(keysOf(await paced(at(MIN + 1300)))).toEqual(['n2']);
      // Left pending: n6, to the conversation, a pace after n2's claim.
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 2300));
      const sent = await store().inspect.listOutbox({ statuses: ['sent'] });
      expect(sent.map((n) => n.key).sort()).toEqual(['n0', 'n1']);
    });

    it('moves no pace when the send does not start, or without paceMs', async () => {
      await seedPaced();
      const [n0, n1] = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000, leaseMs: 60 * MIN }));
      if (!n0 || !n1) throw new Error('nothing claimed');
      expect(await store().notices.startSend(n0.id, 'stale-token', at(MIN + 900), { paceMs: 1000 })).toBe(
        false,
      );
      expect(await store().notices.startSend(n1.id, n1.leaseToken, at(MIN + 900))).toBe(true);
      const later = await store().notices.claim(claimAt(at(MIN + 1000), { paceMs: 1000, owner: 'b' }));
      expect(keysOf(later)).toEqual(['n2', 'n5']);
    });

    it('a paced claim still hands a lapsed, never-started claim to the next claimer', async () => {
      await seedPaced();
      const [n0] = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000, limit: 1, leaseMs: 5_000 }));
      expect(n0?.key).toBe('n0');
      const later = await store().notices.claim(claimAt(at(MIN + 5_001), { paceMs: 1000, owner: 'b' }));
      expect(keysOf(later)).toEqual(['n0', 'n1', 'n3', 'n4', 'n7', 'n8']);
    });

    it('nextDueAt: the earliest instant a pending notice may be claimed, its pace included', async () => {
      expect(await store().notices.nextDueAt()).toBeNull();
      await seedPaced();
      // Nothing claimed yet: the oldest notice, due since it was written.
      expect(await store().notices.nextDueAt()).toEqual(at(0));
      const claimed = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000, leaseMs: 60 * MIN }));
      // Left pending: n2, n6 (conversation C1:1) and n5 (tom), each destination reserved until MIN + 1 s.
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 1000));
      const byKey = new Map(claimed.map((n) => [String(n.key), n]));
      const start = async (key: string, offsetMs: number) => {
        const n = byKey.get(key);
        if (!n) throw new Error(`${key} not claimed`);
        expect(await store().notices.startSend(n.id, n.leaseToken, at(offsetMs), { paceMs: 1000 })).toBe(
          true,
        );
        return n;
      };
      await start('n0', MIN + 300); // C1:1 until MIN + 1.3 s
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 1000)); // tom still at MIN + 1 s
      await start('n1', MIN + 500); // tom until MIN + 1.5 s
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 1300));
      // Destinations with nothing pending (n3, n4, n7, n8 were the last of theirs) do not count.
      for (const key of ['n3', 'n4', 'n7', 'n8']) await start(key, MIN + 50);
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 1300));
    });

    it('nextDueAt: a retry later than the pace counts from its retry time; only pending notices count', async () => {
      await seedCase(store(), {}, (c) => ({
        notices: [
          makeNotice(c, { recipient: toCustomer('slack:T1:C9:1'), createdAt: at(0), key: 'a' }),
          makeNotice(c, { recipient: toCustomer('slack:T1:C8:1'), createdAt: at(1), key: 'b' }),
        ],
      }));
      const [a, b] = await store().notices.claim(claimAt(at(MIN), { paceMs: 1000 }));
      if (!a || !b) throw new Error('nothing claimed');
      expect(await store().notices.nextDueAt()).toBeNull(); // both sending
      await store().notices.markFailed(a.id, a.leaseToken, { error: 'ratelimited', retryAt: at(MIN + 7000) });
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 7000));
      await store().notices.markFailed(b.id, b.leaseToken, { error: 'HTTP 503', retryAt: at(MIN + 200) });
      // b's retry is before its destination's pace runs out: the pace decides.
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 1000));
      const [again] = await store().notices.claim(claimAt(at(MIN + 1000), { paceMs: 1000 }));
      expect(again?.key).toBe('b');
      if (again) await store().notices.markSent(again.id, again.leaseToken, at(MIN + 1001));
      expect(await store().notices.nextDueAt()).toEqual(at(MIN + 7000));
    });
  });
}
