// Lease claims on SQLite. A timer claim is ONE statement: SQLite runs an UPDATE under the
// database's write lock from its first step, so two claimers (threads or processes) never take the
// same row. The inner SELECT walks the (status, due) index; RETURNING hands back what was claimed.
// A paced notice claim also moves each destination's next allowed instant, in the same transaction.
import { join, Sql, sqltag as sql } from '../sql/sql-tag.ts';
import type { ClaimedNotice, ClaimedTimer } from '../../core/model.ts';
import type { ClaimOptions } from '../../core/ports.ts';
import { leaseTokenPrefix, RESENT_AFTER_CRASH } from '../lease-token.ts';
import { leasedOutboxFields, leasedTimerFields } from '../sql/fields.ts';
import {
  byDueThenSeq,
  type LeaseFields,
  type OutboxFields,
  type TimerFields,
  toClaimedNotice,
  toClaimedTimer,
  toMs,
} from '../sql/rows.ts';
import type { SqlDb, SqlRunner } from '../sql/sql-db.ts';

/** A statement written with `?` placeholders (kept as text so tests can EXPLAIN it). */
const positional = (text: string, ...values: (string | number | bigint)[]) =>
  new Sql(text.split('?'), values);

export const CLAIM_TIMERS_SQL = `
UPDATE timers SET status = 'claimed', lease_token = ? || id, lease_until = ?
WHERE seq IN (
  SELECT seq FROM timers
  WHERE (status = 'pending' AND due_at <= ?) OR (status = 'claimed' AND lease_until < ?)
  ORDER BY due_at, seq
  LIMIT ?)
RETURNING ${leasedTimerFields()}`;

export async function claimTimers(db: SqlRunner, options: ClaimOptions): Promise<ClaimedTimer[]> {
  const now = toMs(options.now);
  const until = now + BigInt(options.leaseMs);
  const prefix = leaseTokenPrefix(options.owner);
  const rows = await db.query<TimerFields & LeaseFields>(
    positional(CLAIM_TIMERS_SQL, prefix, until, now, now, options.limit),
  );
  return rows.sort(byDueThenSeq((r) => r.dueAt)).map(toClaimedTimer);
}

// A `sending` row whose lease ran out (its sender died or stalled) goes back to pending. If the
// send had started it may have reached the platform: it is sent again all the same (at-least-once:
// a promise is never dropped), counted as an attempt and noted as a possible duplicate. Discord
// drops the duplicate by its nonce. A send whose own call reported an unknown outcome is the one
// marked ambiguous (NoticeQueue.markFailed), never resent blindly.
const EXPIRE_SENDING = `
UPDATE outbox SET
  status = 'pending',
  attempts = attempts + CASE WHEN send_started_at IS NULL THEN 0 ELSE 1 END,
  last_error = CASE WHEN send_started_at IS NULL THEN last_error ELSE '${RESENT_AFTER_CRASH}' END,
  lease_token = NULL,
  lease_until = NULL,
  send_started_at = NULL
WHERE status = 'sending' AND lease_until < ?`;

const SET_SENDING = `status = 'sending', lease_token = ? || id, lease_until = ?, send_started_at = NULL`;

export const CLAIM_NOTICES_SQL = `
UPDATE outbox SET ${SET_SENDING}
WHERE seq IN (
  SELECT seq FROM outbox
  WHERE status = 'pending' AND next_attempt_at <= ?
  ORDER BY next_attempt_at, seq
  LIMIT ?)
RETURNING ${leasedOutboxFields()}, pace_key AS "paceKey"`;

/**
 * Each destination's oldest pending notice, once it is due and the destination's next allowed
 * instant has come. In order: a notice waiting on a retry holds back the ones written after it.
 */
export const CLAIM_PACED_NOTICES_SQL = `
UPDATE outbox SET ${SET_SENDING}
WHERE seq IN (
  SELECT seq FROM (
    SELECT o.seq, o.next_attempt_at,
      row_number() OVER (PARTITION BY o.pace_key ORDER BY o.seq) AS nth
    FROM outbox o
    WHERE o.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM pace_keys p WHERE p."key" = o.pace_key AND p.next_at > ?))
  WHERE nth = 1 AND next_attempt_at <= ?
  ORDER BY next_attempt_at, seq
  LIMIT ?)
RETURNING ${leasedOutboxFields()}, pace_key AS "paceKey"`;

type ClaimedRow = OutboxFields & LeaseFields & { paceKey: string };

export function claimOutbox(db: SqlDb, options: ClaimOptions): Promise<ClaimedNotice[]> {
  const now = toMs(options.now);
  const until = now + BigInt(options.leaseMs);
  const prefix = leaseTokenPrefix(options.owner);
  const paceMs = options.paceMs ?? 0;
  // The first statement is a write, so the transaction holds the write lock throughout.
  return db.transaction(async (tx) => {
    await tx.execute(positional(EXPIRE_SENDING, now));
    const rows =
      paceMs > 0
        ? await tx.query<ClaimedRow>(
            positional(CLAIM_PACED_NOTICES_SQL, prefix, until, now, now, options.limit),
          )
        : await tx.query<ClaimedRow>(positional(CLAIM_NOTICES_SQL, prefix, until, now, options.limit));
    if (paceMs > 0 && rows.length > 0) {
      const next = now + BigInt(paceMs);
      const keys = rows.map((r) => sql`(${r.paceKey}, ${next})`);
      await tx.execute(sql`
        INSERT INTO pace_keys ("key", next_at) VALUES ${join(keys)}
        ON CONFLICT ("key") DO UPDATE SET next_at = excluded.next_at`);
    }
    return rows.sort(byDueThenSeq((r) => r.nextAttemptAt)).map(toClaimedNotice);
  });
}
