// DataRights and RetentionStore in SQL: each call one transaction (on SQLite, one turn of the
// group commit), the work itself shared with the memory store (../data-rights.ts).
import { raw, type Sql, sqltag as sql } from './sql-tag.ts';
import type { Case } from '../../core/model.ts';
import type { DataRights, RetentionStore } from '../../core/ports.ts';
import {
  erasePerson,
  exportPerson,
  type PersonalRows,
  redactFinished,
  retryOnConflict,
} from '../data-rights.ts';
import { CASE_FIELDS } from './fields.ts';
import { sqlPersonalRows } from './personal-rows.ts';
import { type CaseFields, rowToCase, toMs } from './rows.ts';
import type { SqlStoreContext } from './sql-context.ts';
import type { SqlRunner } from './sql-db.ts';

/**
 * Finished cases not redacted since their last change. Word for word the WHERE of the partial
 * index `cases_unredacted_finished_idx` (migration 20261210000000_data_rights): SQLite uses a
 * partial index only for a query that repeats its terms.
 */
export const UNREDACTED_FINISHED = raw(
  `status IN ('resolved', 'closed') AND (redacted_version IS NULL OR redacted_version <> version)`,
);

/**
 * At most `limit` finished cases not redacted since their last change that finished before
 * `before`, oldest first. resolved_at is set whenever a case finishes and closed_at comes later if
 * at all: the index walks resolved_at, and the finish instant is checked on each row it finds.
 */
export function finishedBefore(before: Date, limit: number): Sql {
  const cutoff = toMs(before);
  return sql`
    SELECT ${raw(CASE_FIELDS)} FROM cases
    WHERE ${UNREDACTED_FINISHED} AND resolved_at < ${cutoff} AND coalesce(closed_at, resolved_at) < ${cutoff}
    ORDER BY resolved_at LIMIT ${limit}`;
}

/** Keys of at most `limit` inbound events recorded before `before` (through their `at` index). */
export const inboundBefore = (before: Date, limit: number): Sql =>
  sql`SELECT "key" FROM inbound_events WHERE at < ${toMs(before)} LIMIT ${limit}`;

const inTransaction =
  ({ db, turn }: SqlStoreContext) =>
  <T>(work: (rows: PersonalRows, tx: SqlRunner) => Promise<T>): Promise<T> =>
    retryOnConflict(() => turn(() => db.transaction((tx) => work(sqlPersonalRows(tx), tx))));

export function sqlDataRights(context: SqlStoreContext): DataRights {
  const run = inTransaction(context);
  return {
    exportPerson: (person, request) => run((rows) => exportPerson(rows, person, request)),
    erasePerson: (person, request) => run((rows) => erasePerson(rows, person, request)),
  };
}

export function sqlRetention(context: SqlStoreContext): RetentionStore {
  const { db, turn } = context;
  const run = inTransaction(context);
  return {
    redactFinishedBefore: (before, request, limit) =>
      run(async (rows, tx) => {
        const found = (await tx.query<CaseFields>(finishedBefore(before, limit))).map(rowToCase);
        // Each case is taken by marking it, unless another replica's pass took it first (on
        // PostgreSQL this waits for that pass and then finds the mark): redacted and recorded once.
        const taken: Case[] = [];
        for (const c of found) {
          const marked = await tx.execute(sql`
            UPDATE cases SET redacted_version = version
            WHERE id = ${c.id} AND version = ${c.version} AND ${UNREDACTED_FINISHED}`);
          if (marked === 1) taken.push(c);
        }
        return redactFinished(rows, taken, request);
      }),

    pruneInbound: (before, limit) =>
      turn(() =>
        db.execute(sql`DELETE FROM inbound_events WHERE "key" IN (${inboundBefore(before, limit)})`),
      ),

    prunePaceKeys: (before) =>
      turn(() => db.execute(sql`DELETE FROM pace_keys WHERE next_at < ${toMs(before)}`)),
  };
}
