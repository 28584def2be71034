// The outbox of the in-memory store: claims with leases, pacing per destination, the started
// mark and release, failures. Same semantics as the SQL stores (test/store/contract-outbox.ts).
import type { ClaimedNotice, Notice, OutboxEntry } from '../core/model.ts';
import type { CaseStore, ClaimOptions } from '../core/ports.ts';
import { leaseTokenPrefix } from './lease-token.ts';
import { paceKeyOf } from './pace-key.ts';

type OutboxRecord = OutboxEntry & {
  seq: number;
  leaseToken: string | null;
  leaseUntil: Date | null;
  paceKey: string;
  sendStartedAt: Date | null;
};

type OutboxMethods = Pick<
  CaseStore,
  'claimNotices' | 'startNoticeSend' | 'releaseNotice' | 'markNoticeSent' | 'markNoticeFailed' | 'listOutbox'
>;

const clone = structuredClone;
const byTimeThenSeq = (time: (r: OutboxRecord) => Date) => (a: OutboxRecord, b: OutboxRecord) =>
  time(a).getTime() - time(b).getTime() || a.seq - b.seq;

export function createMemoryOutbox() {
  const outbox: OutboxRecord[] = [];
  const dedupeKeys = new Set<string>();
  /** Per destination, when its next notice may be claimed (paced claims only). */
  const paceNext = new Map<string, Date>();

  const toEntry = ({
    seq: _s,
    leaseToken: _t,
    leaseUntil: _u,
    paceKey: _p,
    sendStartedAt: _a,
    ...entry
  }: OutboxRecord): OutboxEntry => clone(entry);
  const heldBy = (id: string, leaseToken: string) =>
    outbox.find((x) => x.id === id && x.leaseToken === leaseToken && x.status === 'sending');

  const RESENT_AFTER_CRASH = 'the sender stopped mid-send; sent again, may arrive twice';

  const methods: OutboxMethods = {
    async claimNotices(options: ClaimOptions): Promise<ClaimedNotice[]> {
      const { now } = options;
      const paceMs = options.paceMs ?? 0;
      for (const o of outbox) {
        if (o.status !== 'sending' || o.leaseUntil === null || o.leaseUntil >= now) continue;
        // Back to pending; a send that had started is sent again (at-least-once), noted as such.
        if (o.sendStartedAt !== null)
          Object.assign(o, { attempts: o.attempts + 1, lastError: RESENT_AFTER_CRASH });
        Object.assign(o, { status: 'pending', leaseToken: null, leaseUntil: null, sendStartedAt: null });
      }
      const taken = new Set<string>();
      const due = outbox
        .filter((o) => o.status === 'pending' && o.nextAttemptAt <= now)
        .sort(byTimeThenSeq((o) => o.nextAttemptAt))
        .filter((o) => {
          if (paceMs <= 0) return true;
          const free = !taken.has(o.paceKey) && (paceNext.get(o.paceKey) ?? now) <= now;
          taken.add(o.paceKey);
          return free;
        })
        .slice(0, options.limit);
      const prefix = leaseTokenPrefix(options.owner);
      const leaseUntil = new Date(now.getTime() + options.leaseMs);
      return due.map((o) => {
        if (paceMs > 0) paceNext.set(o.paceKey, new Date(now.getTime() + paceMs));
        const lease = { leaseToken: prefix + o.id, leaseUntil: new Date(leaseUntil) };
        Object.assign(o, { status: 'sending', sendStartedAt: null, ...lease });
        return { ...toEntry(o), ...lease, leaseUntil: new Date(leaseUntil) };
      });
    },

    async startNoticeSend(id, leaseToken, at) {
      const o = heldBy(id, leaseToken);
      if (o) o.sendStartedAt = new Date(at);
      return o !== undefined;
    },

    async releaseNotice(id, leaseToken) {
      const o = heldBy(id, leaseToken);
      if (o?.sendStartedAt === null)
        Object.assign(o, { status: 'pending', leaseToken: null, leaseUntil: null });
    },

    async markNoticeSent(id, leaseToken, at) {
      // A late confirmation also settles a row that was marked ambiguous when its lease ran out.
      const o = outbox.find(
        (x) =>
          x.id === id && x.leaseToken === leaseToken && (x.status === 'sending' || x.status === 'ambiguous'),
      );
      if (o) Object.assign(o, { status: 'sent', sentAt: new Date(at) });
    },

    async markNoticeFailed(id, leaseToken, failure) {
      const o = heldBy(id, leaseToken);
      if (!o) return;
      o.attempts += 1;
      o.lastError = failure.error;
      if (failure.ambiguous) o.status = 'ambiguous';
      else if (failure.retryAt)
        Object.assign(o, { status: 'pending', nextAttemptAt: new Date(failure.retryAt) });
      else o.status = 'parked';
    },

    async listOutbox(query) {
      return outbox
        .filter(
          (o) =>
            (query.caseId === undefined || o.caseId === query.caseId) &&
            (query.statuses === undefined || query.statuses.includes(o.status)),
        )
        .sort(byTimeThenSeq((o) => o.createdAt))
        .map(toEntry);
    },
  };

  return {
    /** Whether a notice with this dedupe key is stored. */
    knows: (dedupeKey: string) => dedupeKeys.has(dedupeKey),
    add(n: Notice, seq: number) {
      dedupeKeys.add(n.dedupeKey);
      outbox.push(newOutboxRecord(n, seq));
    },
    methods,
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
