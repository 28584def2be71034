// The timers of the in-memory store: rows per case, claims with leases. Same semantics as the SQL
// stores (test/store/contract-timers.ts).
import type { ClaimedTimer, Timer } from '../core/model.ts';
import type { ClaimOptions, LeaseQueue } from '../core/ports.ts';
import { leaseTokenPrefix } from './lease-token.ts';

type TimerRecord = Timer & { leaseToken: string | null; leaseUntil: Date | null; seq: number };

const clone = structuredClone;
const byDueThenSeq = (a: TimerRecord, b: TimerRecord) =>
  a.dueAt.getTime() - b.dueAt.getTime() || a.seq - b.seq;
const toTimer = ({ id, caseId, windowId, kind, dueAt, status }: TimerRecord): Timer =>
  clone({ id, caseId, windowId, kind, dueAt, status });
const live = (t: TimerRecord) => t.status === 'pending' || t.status === 'claimed';

export function createMemoryTimers() {
  const timers: TimerRecord[] = [];
  const byId = new Map<string, TimerRecord>();
  const byCase = new Map<string, TimerRecord[]>();

  const queue: LeaseQueue<Timer> = {
    async claim(options: ClaimOptions): Promise<ClaimedTimer[]> {
      const { now } = options;
      const due = timers
        .filter(
          (t) =>
            (t.status === 'pending' && t.dueAt <= now) ||
            (t.status === 'claimed' && t.leaseUntil !== null && t.leaseUntil < now),
        )
        .sort(byDueThenSeq)
        .slice(0, options.limit);
      const prefix = leaseTokenPrefix(options.owner);
      const leaseUntil = new Date(now.getTime() + options.leaseMs);
      return due.map((t) => {
        Object.assign(t, { status: 'claimed', leaseToken: prefix + t.id, leaseUntil: new Date(leaseUntil) });
        return { ...toTimer(t), leaseToken: prefix + t.id, leaseUntil: new Date(leaseUntil) };
      });
    },

    async release(id, leaseToken) {
      const t = byId.get(id);
      if (t?.status === 'claimed' && t.leaseToken === leaseToken)
        Object.assign(t, { status: 'pending', leaseToken: null, leaseUntil: null });
    },

    async nextDueAt() {
      const pending = timers.filter((t) => t.status === 'pending').sort(byDueThenSeq);
      return pending[0] ? new Date(pending[0].dueAt) : null;
    },

    countOverdue: async (before) => timers.filter((t) => live(t) && t.dueAt < before).length,
  };

  return {
    queue,
    has: (id: string) => byId.has(id),
    add(t: Timer, seq: number) {
      const record: TimerRecord = { ...clone(t), leaseToken: null, leaseUntil: null, seq };
      timers.push(record);
      byId.set(t.id, record);
      const ofCase = byCase.get(t.caseId);
      if (ofCase) ofCase.push(record);
      else byCase.set(t.caseId, [record]);
    },
    /** Cancels every pending or claimed timer of the case. */
    cancelOf(caseId: string, keep?: string) {
      for (const t of byCase.get(caseId) ?? []) if (live(t) && t.windowId !== keep) t.status = 'cancelled';
    },
    /** Whether the lease holds the timer (checked before a commit changes anything). */
    holds: (id: string, leaseToken: string) => {
      const t = byId.get(id);
      return t?.status === 'claimed' && t.leaseToken === leaseToken;
    },
    complete(id: string) {
      const t = byId.get(id);
      if (t) t.status = 'done';
    },
    listOf: (caseId: string): Timer[] => [...(byCase.get(caseId) ?? [])].sort(byDueThenSeq).map(toTimer),
    /** Whether the case has a live timer of this window (or wait) of a kind that keeps a promise. */
    keepsPromise: (caseId: string, windowId: string) =>
      (byCase.get(caseId) ?? []).some(
        (t) => t.windowId === windowId && (t.kind === 'miss' || t.kind === 'auto_close') && live(t),
      ),
  };
}
