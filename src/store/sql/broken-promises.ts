// The auditor's one query for cases that may break a promise (CaseRepository.listBrokenPromises), the
// same statement on SQLite and PostgreSQL. It reads the columns the row mapper copies out of the
// JSON (rows.ts): promise_id (promiseIdOf), window_due_at (NULL unless a window runs) and
// approval_status. When nothing is broken it reads every active case: through the partial index
// cases_active_number_idx (in number order; finished cases are never read), with one probe of
// timers(case_id, window_id) each on SQLite (PostgreSQL may hash the live timers once instead).
import { ACTIVE_STATUSES } from '../../core/model.ts';
import { Sql } from './sql-tag.ts';
import type { SqlRunner } from './sql-db.ts';

/** `'open', 'waiting_on_customer', …` as literals: SQLite matches a partial index's WHERE by its text. */
const ACTIVE = ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');

// Not null-safe on its own: `approval_status = 'pending'` is NULL without an approval, hence the
// coalesce (a case awaiting approval without one is broken too).
export const BROKEN_PROMISES_SQL = `
SELECT c.id AS "id" FROM cases c
WHERE c.status IN (${ACTIVE})
  AND (c.promise_id IS NULL
    OR NOT EXISTS (
      SELECT 1 FROM timers t
      WHERE t.case_id = c.id AND t.window_id = c.promise_id
        AND t.kind IN ('miss', 'auto_close') AND t.status IN ('pending', 'claimed'))
    OR (c.status = 'waiting_on_customer' AND c.window_due_at IS NOT NULL)
    OR ((coalesce(c.approval_status, '') = 'pending') <> (c.status = 'awaiting_approval')))
ORDER BY c."number"
LIMIT ?`;

export async function listBrokenPromises(db: SqlRunner, limit: number): Promise<string[]> {
  const count = Math.floor(limit);
  if (!(count > 0)) return [];
  const rows = await db.query<{ id: string }>(new Sql(BROKEN_PROMISES_SQL.split('?'), [count]));
  return rows.map((r) => r.id);
}
