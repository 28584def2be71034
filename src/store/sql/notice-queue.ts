// The outbox's NoticeQueue in SQL: claims through the dialect (paced per destination, see
// claims.ts of each provider), the started mark that moves the destination's pace, and outcomes.
import type { SqlRunner } from './sql-db.ts';
import { empty, sqltag as sql } from './sql-tag.ts';
import type { NoticeQueue } from '../../core/ports.ts';
import { toMs } from './rows.ts';
import { countOf, instantOf, type SqlStoreContext } from './sql-context.ts';

export function sqlNoticeQueue({ db, dialect, turn, read }: SqlStoreContext): NoticeQueue {
  /** The lease held until `untilMs`, or later if it already runs longer (never shortened). */
  const extendLease = (untilMs: bigint) =>
    sql`lease_until = ${dialect.greatest(sql`lease_until`, sql`${untilMs}`)}`;
  /** A destination's next allowed instant becomes `nextAt` unless it is later already. */
  const movePace = (tx: SqlRunner, key: string, nextAt: bigint) =>
    tx.execute(sql`
      INSERT INTO pace_keys ("key", next_at) VALUES (${key}, ${nextAt})
      ON CONFLICT ("key") DO UPDATE
      SET next_at = ${dialect.greatest(sql`pace_keys.next_at`, sql`excluded.next_at`)}`);
  return {
    claim: (options) => turn(() => dialect.claimNotices(db, options)),

    startSend: (id, leaseToken, at, options) =>
      turn(async () => {
        // The lease runs from the send's start (a pass sends its claims one after another).
        const lease = options?.leaseMs ? sql`, ${extendLease(toMs(at) + BigInt(options.leaseMs))}` : empty;
        const start = sql`
          UPDATE outbox SET send_started_at = ${toMs(at)} ${lease}
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'sending'`;
        const paceMs = options?.paceMs ?? 0;
        if (paceMs <= 0) return (await db.execute(start)) === 1;
        // The pace counts from the send, in the same transaction; the claim's reservation stands
        // if it is later.
        return db.transaction(async (tx) => {
          const [row] = await tx.query<{ paceKey: string }>(sql`${start} RETURNING pace_key AS "paceKey"`);
          if (!row) return false;
          await movePace(tx, row.paceKey, toMs(at) + BigInt(paceMs));
          return true;
        });
      }),

    renew: (id, leaseToken, until) =>
      turn(
        async () =>
          (await db.execute(sql`
            UPDATE outbox SET ${extendLease(toMs(until))}
            WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'sending'`)) === 1,
      ),

    nextDueAt: () =>
      read(() =>
        instantOf(
          db,
          sql`SELECT min(${dialect.greatest(sql`o.next_attempt_at`, sql`coalesce(p.next_at, 0)`)}) AS "at"
              FROM outbox o LEFT JOIN pace_keys p ON p."key" = o.pace_key
              WHERE o.status = 'pending'`,
        ),
      ),

    release: (id, leaseToken) =>
      turn(async () => {
        await db.execute(sql`
          UPDATE outbox SET status = 'pending', lease_token = NULL, lease_until = NULL
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'sending'
            AND send_started_at IS NULL`);
      }),

    markSent: (id, leaseToken, at, options) =>
      turn(async () => {
        // A late confirmation also settles a row that was marked ambiguous when its lease ran out.
        const sent = sql`
          UPDATE outbox SET status = 'sent', sent_at = ${toMs(at)}
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status IN ('sending', 'ambiguous')`;
        const paceMs = options?.paceMs ?? 0;
        if (paceMs <= 0) {
          await db.execute(sent);
          return;
        }
        await db.transaction(async (tx) => {
          const [row] = await tx.query<{ paceKey: string }>(sql`${sent} RETURNING pace_key AS "paceKey"`);
          if (row) await movePace(tx, row.paceKey, toMs(at) + BigInt(paceMs));
        });
      }),

    markFailed: (id, leaseToken, failure) =>
      turn(async () => {
        const status = failure.ambiguous ? 'ambiguous' : failure.retryAt ? 'pending' : 'parked';
        const retry =
          status === 'pending' && failure.retryAt ? sql`, next_attempt_at = ${toMs(failure.retryAt)}` : empty;
        // A rate limit's retry is not an attempt (see NoticeFailure.rateLimited).
        const attempt = failure.rateLimited && status === 'pending' ? 0 : 1;
        await db.execute(sql`
          UPDATE outbox SET status = ${status}, attempts = attempts + ${attempt}, last_error = ${failure.error} ${retry}
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'sending'`);
      }),

    countOverdue: (before) =>
      read(() =>
        countOf(
          db,
          sql`SELECT count(*) AS n FROM outbox
              WHERE status IN ('pending', 'sending') AND next_attempt_at < ${toMs(before)}`,
        ),
      ),
  };
}
