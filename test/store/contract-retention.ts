// Contract, RetentionStore: finished cases redacted some time after they finished (only those, once
// per change), old inbound events forgotten, past pacing rows dropped and pacing ahead kept.
import { describe, expect, it } from 'vitest';
import type { Case, Recipient } from '../../src/core/model.ts';
import { ERASED } from '../../src/store/redaction.ts';
import { at, changeOf, claimsFor, MIN, makeEvent, makeNotice, seedCase } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';
import { customer, requestBy } from './data-rights-story.ts';

const DAY = 24 * 60 * MIN;
const bySystem = (when: Date) => requestBy('system', when);
const claimAt = claimsFor('dispatcher-a');

export function describeRetentionContract(store: CurrentStore): void {
  describe('RetentionStore', () => {
    /** A case of `who` with a text in the case, an event and a notice. */
    const seedFinished = (who: string, patch: Partial<Case>) =>
      seedCase(store(), { customer: customer(who, `${who} name`), words: `${who} words`, ...patch }, (c) => ({
        events: [makeEvent(c, { type: 'details_added', actorId: who, data: { text: `${who} details` } })],
        notices: [makeNotice(c, { params: { number: c.number, name: `${who} name`, dueAt: '' } })],
      }));
    const finished = (resolvedAt: Date, closedAt: Date | null): Partial<Case> => ({
      status: closedAt ? 'closed' : 'resolved',
      window: null,
      resolvedAt,
      closedAt,
    });

    it('redacts only cases that finished (resolved or closed) before the cutoff, and records it', async () => {
      const closedLongAgo = await seedFinished('c1', finished(at(0), at(DAY)));
      const resolvedLongAgo = await seedFinished('c2', finished(at(2 * DAY), null));
      const closedLately = await seedFinished('c3', finished(at(0), at(40 * DAY)));
      const stillOpen = await seedFinished('c4', { createdAt: at(0) });
      const report = await store().retention.redactFinishedBefore(at(30 * DAY), bySystem(at(31 * DAY)), 10);
      expect(report).toEqual({ cases: 2, otherCases: 0, events: 1 * 2, notices: 2, references: 0 });

      for (const c of [closedLongAgo, resolvedLongAgo]) {
        const after = await store().cases.getCase(c.id);
        expect(after).toMatchObject({ words: ERASED, customer: { name: ERASED }, status: c.status });
        expect(after?.resolvedAt).toEqual(c.resolvedAt);
        const events = await store().inspect.listEvents(c.id);
        expect(events.map((e) => e.data)).toEqual([
          { text: ERASED },
          { person: c.customer.id, reason: 'retention' },
        ]);
        expect(events[1]).toMatchObject({ type: 'data_erased', actorId: 'system', at: at(31 * DAY) });
        const [notice] = await store().inspect.listOutbox({ caseId: c.id });
        expect(notice?.params).toMatchObject({ name: ERASED, number: c.number });
      }
      for (const c of [closedLately, stillOpen]) {
        expect(await store().cases.getCase(c.id)).toEqual(c);
        expect(await store().inspect.listEvents(c.id)).toHaveLength(1);
      }
    });

    it('takes the oldest first, at most `limit` at a time, and each case once until it changes again', async () => {
      const older = await seedFinished('o1', finished(at(0), at(DAY)));
      const old = await seedFinished('o2', finished(at(DAY), at(2 * DAY)));
      const redact = () => store().retention.redactFinishedBefore(at(30 * DAY), bySystem(at(31 * DAY)), 1);
      expect((await redact()).cases).toBe(1);
      expect((await store().cases.getCase(older.id))?.words).toBe(ERASED);
      expect((await store().cases.getCase(old.id))?.words).toBe('o2 words');
      expect((await redact()).cases).toBe(1);
      expect((await redact()).cases).toBe(0);
      // A rating after the redaction is a change: its comment goes at the next pass.
      const redacted = await store().cases.getCase(older.id);
      if (!redacted) throw new Error('no case');
      await store().cases.commit(changeOf(redacted, { rating: { score: 5, comment: 'o1 thanks a lot' } }));
      expect((await redact()).cases).toBe(1);
      expect((await store().cases.getCase(older.id))?.rating).toEqual({ score: 5, comment: ERASED });
      expect((await redact()).cases).toBe(0);
    });

    it('forgets inbound events recorded before the cutoff, at most `limit` at a time', async () => {
      for (const [key, day] of [
        ['a', 0],
        ['b', 1],
        ['c', 2],
        ['d', 40],
      ] as const) {
        expect(await store().inbound.remember(`slack:${key}`, at(day * DAY))).toBe(true);
      }
      expect(await store().retention.pruneInbound(at(30 * DAY), 2)).toBe(2);
      expect(await store().retention.pruneInbound(at(30 * DAY), 2)).toBe(1);
      expect(await store().retention.pruneInbound(at(30 * DAY), 2)).toBe(0);
      // Forgotten keys count as new again; the recent one is still known.
      expect(await store().inbound.remember('slack:a', at(41 * DAY))).toBe(true);
      expect(await store().inbound.remember('slack:d', at(41 * DAY))).toBe(false);
    });

    it('drops pacing rows in the past and keeps pacing still ahead', async () => {
      const channel = (n: number): Recipient => ({
        kind: 'customer',
        customerId: 'u',
        conversation: `slack:T1:C${n}:1`,
      });
      // C1 was paced long ago; C2 is paced until a second after T0 + 10 min.
      await seedCase(store(), {}, (c) => ({
        notices: [
          makeNotice(c, { recipient: channel(1), createdAt: at(0), key: 'old' }),
          makeNotice(c, { recipient: channel(2), createdAt: at(10 * MIN), key: 'now' }),
          makeNotice(c, { recipient: channel(2), createdAt: at(10 * MIN + 1), key: 'next' }),
        ],
      }));
      const paced = (now: Date) => store().notices.claim(claimAt(now, { paceMs: 1000, leaseMs: 60 * MIN }));
      expect((await paced(at(0))).map((n) => n.key)).toEqual(['old']);
      expect((await paced(at(10 * MIN))).map((n) => n.key)).toEqual(['now']);
      expect(await store().retention.prunePaceKeys(at(10 * MIN))).toBe(1);
      expect(await store().retention.prunePaceKeys(at(10 * MIN))).toBe(0);
      expect(await paced(at(10 * MIN + 999))).toEqual([]);
      expect((await paced(at(10 * MIN + 1000))).map((n) => n.key)).toEqual(['next']);
    });
  });
}
