// Lease claims for the sweepers, each ONE statement: SQLite runs an UPDATE under the database's
// write lock from its first step, so two claimers (threads or processes) never take the same row.
// The inner SELECT walks the (status, due) index; RETURNING hands back what was claimed.
import type { ClaimedNotice, ClaimedTimer } from '../../core/model.ts';
import type { ClaimOptions } from '../../core/ports.ts';
import { leaseTokenPrefix } from '../lease-token.ts';
import type { PrismaClient } from './client.ts';
import { type OutboxFields, rowToOutboxEntry, rowToTimer, type TimerFields, toMs } from './rows.ts';

type Raw = Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

interface Leased {
  seq: bigint | number;
  leaseToken: string;
  leaseUntil: bigint | number;
}

export const CLAIM_TIMERS_SQL = `
UPDATE timers SET status = 'claimed', lease_token = ? || id, lease_until = ?
WHERE seq IN (
  SELECT seq FROM timers
  WHERE (status = 'pending' AND due_at <= ?) OR (status = 'claimed' AND lease_until < ?)
  ORDER BY due_at, seq
  LIMIT ?)
RETURNING seq, id, case_id AS "caseId", window_id AS "windowId", kind, due_at AS "dueAt", status,
  lease_token AS "leaseToken", lease_until AS "leaseUntil"`;

export async function claimTimers(db: Raw, options: ClaimOptions): Promise<ClaimedTimer[]> {
  const now = toMs(options.now);
  const rows = await db.$queryRawUnsafe<(TimerFields & Leased)[]>(
    CLAIM_TIMERS_SQL,
    leaseTokenPrefix(options.owner),
    now + BigInt(options.leaseMs),
    now,
    now,
    options.limit,
  );
  // RETURNING order is unspecified: restore the claim order.
  return rows
    .sort((a, b) => Number(a.dueAt) - Number(b.dueAt) || Number(a.seq) - Number(b.seq))
    .map((r) => ({ ...rowToTimer(r), leaseToken: r.leaseToken, leaseUntil: new Date(Number(r.leaseUntil)) }));
}

// A `sending` row whose lease ran out may or may not have reached the platform: it is never
// resent blindly, it becomes `ambiguous` for a person to look at.
const EXPIRE_SENDING = `
UPDATE outbox SET status = 'ambiguous', last_error = 'lease expired while sending'
WHERE status = 'sending' AND lease_until < ?`;

export const CLAIM_NOTICES_SQL = `
UPDATE outbox SET status = 'sending', lease_token = ? || id, lease_until = ?
WHERE seq IN (
  SELECT seq FROM outbox
  WHERE status = 'pending' AND next_attempt_at <= ?
  ORDER BY next_attempt_at, seq
  LIMIT ?)
RETURNING seq, id, case_id AS "caseId", recipient, "key", params, actions, locale, time_zone AS "timeZone",
  dedupe_key AS "dedupeKey", created_at AS "createdAt", status, attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", sent_at AS "sentAt", lease_token AS "leaseToken", lease_until AS "leaseUntil"`;

export async function claimOutbox(db: Raw, options: ClaimOptions): Promise<ClaimedNotice[]> {
  const now = toMs(options.now);
  await db.$executeRawUnsafe(EXPIRE_SENDING, now);
  const rows = await db.$queryRawUnsafe<(OutboxFields & Leased)[]>(
    CLAIM_NOTICES_SQL,
    leaseTokenPrefix(options.owner),
    now + BigInt(options.leaseMs),
    now,
    options.limit,
  );
  return rows
    .sort((a, b) => Number(a.nextAttemptAt) - Number(b.nextAttemptAt) || Number(a.seq) - Number(b.seq))
    .map((r) => ({
      ...rowToOutboxEntry(r),
      leaseToken: r.leaseToken,
      leaseUntil: new Date(Number(r.leaseUntil)),
    }));
}
