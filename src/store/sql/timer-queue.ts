// The timers' LeaseQueue in SQL: claims through the dialect (SQLite: one statement under the write
// lock; PostgreSQL: FOR UPDATE SKIP LOCKED), the rest the same statements on both.
import { sqltag as sql } from './sql-tag.ts';
import type { Timer } from '../../core/model.ts';
import type { LeaseQueue } from '../../core/ports.ts';
import { toMs } from './rows.ts';
import { countOf, instantOf, type SqlStoreContext } from './sql-context.ts';

export function sqlTimerQueue({ db, dialect, turn, read }: SqlStoreContext): LeaseQueue<Timer> {
  return {
    claim: (options) => turn(() => dialect.claimTimers(db, options)),

    release: (id, leaseToken) =>
      turn(async () => {
        await db.execute(sql`
          UPDATE timers SET status = 'pending', lease_token = NULL, lease_until = NULL
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'claimed'`);
      }),

    countOverdue: (before) =>
      read(() =>
        countOf(
          db,
          sql`SELECT count(*) AS n FROM timers
              WHERE status IN ('pending', 'claimed') AND due_at < ${toMs(before)}`,
        ),
      ),

    nextDueAt: () =>
      read(() => instantOf(db, sql`SELECT min(due_at) AS "at" FROM timers WHERE status = 'pending'`)),
  };
}
