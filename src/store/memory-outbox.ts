// The outbox of the in-memory store: claims with leases, pacing per destination, the started
// mark and release, failures. Same semantics as the SQL stores (test/store/contract-notices.ts).
import type { ClaimedNotice, Notice, OutboxEntry } from '../core/model.ts';
import type { ClaimOptions, NoticeQueue, SendAtOnce } from '../core/ports.ts';
import type { StoreInspector } from './inspector.ts';
import { leaseTokenPrefix, RESENT_AFTER_CRASH } from './lease-token.ts';
import { paceKeyOf } from './pace-key.ts';

type OutboxRecord = OutboxEntry & {
  seq: number;
  leaseToken: string | null;
  leaseUntil: Date | null;
  paceKey: string;
  sendStartedAt: Date | null;
};

const clone = structuredClone;
const byTimeThenSeq = (time: (r: OutboxRecord) => Date) => (a: OutboxRecord, b: OutboxRecord) =>
  time(a).getTime() - time(b).getTime() || a.seq - b.seq;

export function createMemoryOutbox() {
  const outbox: OutboxRecord[] = [];
  const dedupeKeys = new Set<string>();
  /** Per destination, when its next notice may be claimed (paced claims only). */
  const paceNext = new Map<string, Date>();
  /** A destination's next allowed instant becomes `nextMs` unless it is later already. */
  const movePace = (key: string, nextMs: number) => {
    const current = paceNext.get(key)?.getTime() ?? nextMs;
    paceNext.set(key, new Date(Math.max(current, nextMs)));
  };

  const toEntry = ({
    seq: _s,
    leaseToken: _t,
    leaseUntil: _u,
    paceKey: _p,
    sendStartedAt: _a,
    ...entry
  }: OutboxRecord): OutboxEntry => clone(entry);
  /** A lease held until `until`, or later if it already runs longer (never shortened). */
  const extendLease = (o: OutboxRecord, until: Date) => {
    if (o.leaseUntil === null || o.leaseUntil < until) o.leaseUntil = new Date(until);
  };
  const heldBy = (id: string, leaseToken: string) =>
    outbox.find((x) => x.id === id && x.leaseToken === leaseToken && x.status === 'sending');

  /**
   * Hands `chosen` to `claim.owner`: each becomes `sending` under a fresh lease (its send marked
   * started at `startedAt`, or not yet), and, paced, its destination waits `paceMs` from now.
   */
  function lease(
    chosen: OutboxRecord[],
    claim: { now: Date; owner: string; leaseMs: number; paceMs?: number | undefined },
    startedAt: Date | null,
  ): ClaimedNotice[] {
    const { now } = claim;
    const paceMs = claim.paceMs ?? 0;
    const prefix = leaseTokenPrefix(claim.owner);
    const leaseUntil = new Date(now.getTime() + claim.leaseMs);
    return chosen.map((o) => {
      if (paceMs > 0) paceNext.set(o.paceKey, new Date(now.getTime() + paceMs));
      const held = { leaseToken: prefix + o.id, leaseUntil: new Date(leaseUntil) };
      Object.assign(o, { status: 'sending', sendStartedAt: startedAt && new Date(startedAt), ...held });
      return { ...toEntry(o), ...held, leaseUntil: new Date(leaseUntil) };
    });
  }

  const queue: NoticeQueue = {
    async claim(options: ClaimOptions): Promise<ClaimedNotice[]> {
      const { now } = options;
      const paceMs = options.paceMs ?? 0;
      for (const o of outbox) {
        if (o.status !== 'sending' || o.leaseUntil === null || o.leaseUntil >= now) continue;
        // Back to pending; a send that had started is sent again (at-least-once), noted as such.
        if (o.sendStartedAt !== null)
          Object.assign(o, { attempts: o.attempts + 1, lastError: RESENT_AFTER_CRASH });
        Object.assign(o, { status: 'pending', leaseToken: null, leaseUntil: null, sendStartedAt: null });
      }
      // Paced: each destination's oldest pending notice (in order: one waiting on a retry holds
      // back the ones written after it), once it is due and the destination is free.
      const heads = new Map<string, (typeof outbox)[number]>();
      for (const o of [...outbox].sort((a, b) => a.seq - b.seq)) {
        if (o.status === 'pending' && !heads.has(o.paceKey)) heads.set(o.paceKey, o);
      }
      const due = (paceMs > 0 ? [...heads.values()] : outbox)
        .filter((o) => o.status === 'pending' && o.nextAttemptAt <= now)
        .filter((o) => paceMs <= 0 || (paceNext.get(o.paceKey) ?? now) <= now)
        .sort(byTimeThenSeq((o) => o.nextAttemptAt))
        .slice(0, options.limit);
      return lease(due, options, null);
    },

    async startSend(id, leaseToken, at, options) {
      const o = heldBy(id, leaseToken);
      if (!o) return false;
      o.sendStartedAt = new Date(at);
      // The lease runs from the send's start (a pass sends its claims one after another).
      if (options?.leaseMs) extendLease(o, new Date(at.getTime() + options.leaseMs));
      // The pace counts from the send; the claim's reservation stands if it is later.
      const paceMs = options?.paceMs ?? 0;
      if (paceMs > 0) movePace(o.paceKey, at.getTime() + paceMs);
      return true;
    },

    async renew(id, leaseToken, until) {
      const o = heldBy(id, leaseToken);
      if (!o) return false;
      extendLease(o, until);
      return true;
    },

    async nextDueAt() {
      let earliest: number | null = null;
      for (const o of outbox) {
        if (o.status !== 'pending') continue;
        const free = Math.max(o.nextAttemptAt.getTime(), paceNext.get(o.paceKey)?.getTime() ?? 0);
        if (earliest === null || free < earliest) earliest = free;
      }
      return earliest === null ? null : new Date(earliest);
    },

    async countOverdue(before) {
      return outbox.filter(
        (o) => (o.status === 'pending' || o.status === 'sending') && o.nextAttemptAt < before,
      ).length;
    },

    async release(id, leaseToken) {
      const o = heldBy(id, leaseToken);
      if (o?.sendStartedAt === null)
        Object.assign(o, { status: 'pending', leaseToken: null, leaseUntil: null });
    },

    async markSent(id, leaseToken, at, options) {
      // A late confirmation also settles a row that was marked ambiguous when its lease ran out.
      const o = outbox.find(
        (x) =>
          x.id === id && x.leaseToken === leaseToken && (x.status === 'sending' || x.status === 'ambiguous'),
      );
      if (!o) return;
      Object.assign(o, { status: 'sent', sentAt: new Date(at) });
      const paceMs = options?.paceMs ?? 0;
      if (paceMs > 0) movePace(o.paceKey, at.getTime() + paceMs);
    },

    async markFailed(id, leaseToken, failure) {
      const o = heldBy(id, leaseToken);
      if (!o) return;
      o.lastError = failure.error;
      if (failure.ambiguous) o.status = 'ambiguous';
      else if (failure.retryAt)
        Object.assign(o, { status: 'pending', nextAttemptAt: new Date(failure.retryAt) });
      else o.status = 'parked';
      // A rate limit's retry is not an attempt (see NoticeFailure.rateLimited).
      if (!(failure.rateLimited && o.status === 'pending')) o.attempts += 1;
    },
  };

  const listOutbox: StoreInspector['listOutbox'] = async (query) =>
    outbox
      .filter(
        (o) =>
          (query.caseId === undefined || o.caseId === query.caseId) &&
          (query.statuses === undefined || query.statuses.includes(o.status)),
      )
      .sort(byTimeThenSeq((o) => o.createdAt))
      .map(toEntry);

  /** Claims new notices for a sender that starts at once (see SendAtOnce in ports.ts). */
  function claimNew(ids: readonly string[], at: SendAtOnce): ClaimedNotice[] {
    const { now } = at;
    const paceMs = at.paceMs ?? 0;
    const ours = outbox.filter((o) => ids.includes(o.id) && o.status === 'pending');
    let chosen = ours;
    if (paceMs > 0) {
      const first = new Map<string, OutboxRecord>();
      for (const o of ours) if (!first.has(o.paceKey)) first.set(o.paceKey, o);
      chosen = [...first.values()].filter(
        (o) =>
          !outbox.some((x) => x.paceKey === o.paceKey && x.status === 'pending' && !ids.includes(x.id)) &&
          (paceNext.get(o.paceKey) ?? now) <= now,
      );
    }
    return lease(chosen, at, now);
  }

  return {
    claimNew,
    /** Whether a notice with this dedupe key is stored. */
    knows: (dedupeKey: string) => dedupeKeys.has(dedupeKey),
    add(n: Notice, seq: number) {
      dedupeKeys.add(n.dedupeKey);
      outbox.push(newOutboxRecord(n, seq));
    },
    queue,
    listOutbox,
    /** Data rights: a notice's params rewritten (redacted). */
    setParams(id: string, params: OutboxEntry['params']) {
      const o = outbox.find((x) => x.id === id);
      if (o) o.params = clone(params);
    },
    /** Retention: forgets destinations whose next allowed instant is before `before`. */
    prunePaceKeys(before: Date): number {
      const old = [...paceNext].filter(([, next]) => next < before).map(([key]) => key);
      for (const key of old) paceNext.delete(key);
      return old.length;
    },
  };
}

function newOutboxRecord(n: Notice, seq: number): OutboxRecord {
  return {
    ...clone(n),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(n.createdAt),
    lastError: null,
    sentAt: null,
    leaseToken: null,
    leaseUntil: null,
    seq,
    paceKey: paceKeyOf(n.recipient),
    sendStartedAt: null,
  };
}
