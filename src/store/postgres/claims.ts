// Lease claims on PostgreSQL: FOR UPDATE SKIP LOCKED, so replicas claiming at the same moment
// each take different rows and never wait on one another. Each claim is one statement (its own
// transaction); a row locked by another claimer is skipped, and a row changed since the statement
// began is re-checked before it is taken (READ COMMITTED).
import { raw, sqltag as sql } from '../sql/sql-tag.ts';
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
import type { SqlRunner } from '../sql/sql-db.ts';

export async function claimTimers(db: SqlRunner, options: ClaimOptions): Promise<ClaimedTimer[]> {
  const now = toMs(options.now);
  const rows = await db.query<TimerFields & LeaseFields>(sql`
    WITH picked AS (
      SELECT seq FROM timers
      WHERE (status = 'pending' AND due_at <= ${now}) OR (status = 'claimed' AND lease_until < ${now})
      ORDER BY due_at, seq
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    UPDATE timers t
    SET status = 'claimed', lease_token = CAST(${leaseTokenPrefix(options.owner)} AS TEXT) || t.id,
      lease_until = ${now + BigInt(options.leaseMs)}
    FROM picked WHERE t.seq = picked.seq
    RETURNING ${raw(leasedTimerFields('t.'))}`);
  return rows.sort(byDueThenSeq((r) => r.dueAt)).map(toClaimedTimer);
}

export async function claimOutbox(db: SqlRunner, options: ClaimOptions): Promise<ClaimedNotice[]> {
  const now = toMs(options.now);
  const until = now + BigInt(options.leaseMs);
  const prefix = leaseTokenPrefix(options.owner);
  const paceMs = options.paceMs ?? 0;
  // A lapsed claim goes back to pending; one whose send had started is sent again all the same
  // (at-least-once), counted as an attempt and noted as a possible duplicate (see sqlite/claims.ts).
  await db.execute(sql`
    UPDATE outbox o SET
      status = 'pending',
      attempts = o.attempts + CASE WHEN o.send_started_at IS NULL THEN 0 ELSE 1 END,
      last_error = CASE WHEN o.send_started_at IS NULL THEN o.last_error ELSE ${raw(`'${RESENT_AFTER_CRASH}'`)} END,
      lease_token = NULL,
      lease_until = NULL,
      send_started_at = NULL
    FROM (SELECT seq FROM outbox WHERE status = 'sending' AND lease_until < ${now}
          FOR UPDATE SKIP LOCKED) lapsed
    WHERE o.seq = lapsed.seq`);
  const rows =
    paceMs > 0
      ? await claimPaced(db, now, until, prefix, paceMs, options.limit)
      : await claimAny(db, now, until, prefix, options.limit);
  return rows.sort(byDueThenSeq((r) => r.nextAttemptAt)).map(toClaimedNotice);
}

type ClaimedRow = OutboxFields & LeaseFields;

const setSending = (prefix: string, until: bigint) =>
  sql`status = 'sending', lease_token = CAST(${prefix} AS TEXT) || o.id, lease_until = ${until},
      send_started_at = NULL`;

function claimAny(db: SqlRunner, now: bigint, until: bigint, prefix: string, limit: number) {
  return db.query<ClaimedRow>(sql`
    WITH picked AS (
      SELECT seq FROM outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, seq
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    UPDATE outbox o SET ${setSending(prefix, until)}
    FROM picked WHERE o.seq = picked.seq
    RETURNING ${raw(leasedOutboxFields('o.'))}`);
}

/**
 * At most one notice per destination whose next allowed instant has come. The destination's row
 * in pace_keys is the lock: a replica claiming for a destination holds it (others skip it) and
 * moves its next instant on in the same statement, so the pace holds across replicas.
 */
async function claimPaced(
  db: SqlRunner,
  now: bigint,
  until: bigint,
  prefix: string,
  paceMs: number,
  limit: number,
) {
  // Every destination with due notices needs its row before it can be locked. Sorted, so two
  // replicas inserting the same new keys wait on each other in one order and never deadlock.
  await db.execute(sql`
    INSERT INTO pace_keys ("key", next_at)
    SELECT DISTINCT o.pace_key, CAST(0 AS BIGINT) FROM outbox o
    WHERE o.status = 'pending' AND o.next_attempt_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM pace_keys p WHERE p."key" = o.pace_key)
    ORDER BY 1
    ON CONFLICT ("key") DO NOTHING`);
  // Each destination's oldest pending notice (in order: one waiting on a retry holds back the
  // ones written after it), once it is due.
  return db.query<ClaimedRow>(sql`
    WITH heads AS (
      SELECT DISTINCT ON (pace_key) pace_key, seq, next_attempt_at FROM outbox
      WHERE status = 'pending'
      ORDER BY pace_key, seq),
    due AS (
      SELECT pace_key, seq, next_attempt_at AS first_at FROM heads WHERE next_attempt_at <= ${now}),
    free AS (
      SELECT p."key", due.first_at FROM pace_keys p JOIN due ON due.pace_key = p."key"
      WHERE p.next_at <= ${now}
      ORDER BY due.first_at, p."key"
      LIMIT ${limit}
      FOR UPDATE OF p SKIP LOCKED),
    paced AS (
      UPDATE pace_keys p SET next_at = ${now + BigInt(paceMs)} FROM free WHERE p."key" = free."key"),
    picked AS (
      SELECT due.seq FROM due JOIN free ON free."key" = due.pace_key)
    UPDATE outbox o SET ${setSending(prefix, until)}
    FROM picked WHERE o.seq = picked.seq AND o.status = 'pending'
    RETURNING ${raw(leasedOutboxFields('o.'))}`);
}
