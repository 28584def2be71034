// The statements createCase and commit run inside their transaction, the same SQL on SQLite and
// PostgreSQL. Plain tagged SQL (placeholders rendered per provider) rather than Prisma model calls,
// which cost ~1 ms each here (query compilation), and these run on every command. The first statement of each transaction is a write (SQLite takes its write
// lock before anything is read; PostgreSQL locks the row it changes).
import { empty, join, raw, type Sql, sqltag as sql } from './sql-tag.ts';
import type { Case, CaseEvent, Notice, Timer } from '../../core/model.ts';
import { type Columns, caseColumns, eventColumns, noticeColumns, timerColumns } from './rows.ts';
import type { SqlRunner } from './sql-db.ts';

type Tx = SqlRunner;

const name = (identifier: string) => raw(`"${identifier}"`);

function insert(table: string, rows: readonly Columns[], onConflict: Sql = empty): Sql {
  const columns = Object.keys(rows[0] ?? {});
  const tuples = rows.map((row) => sql`(${join(columns.map((c) => row[c] ?? null))})`);
  return sql`INSERT INTO ${name(table)} (${join(columns.map(name))}) VALUES ${join(tuples)} ${onConflict}`;
}

/** The workspace's next case number, taken in the caller's transaction (first statement: a write). */
export async function allocateNumber(tx: Tx, workspace: string): Promise<number> {
  const [row] = await tx.query<{ next: bigint | number }>(sql`
    INSERT INTO case_counters (workspace, next) VALUES (${workspace}, 2)
    ON CONFLICT (workspace) DO UPDATE SET next = case_counters.next + 1
    RETURNING next`);
  if (!row) throw new Error(`no case counter for workspace ${workspace}`);
  return Number(row.next) - 1;
}

export const insertCase = (tx: Tx, c: Case) => tx.execute(insert('cases', [caseColumns(c)]));

/** Writes the new state if the stored version is `expectedVersion`; true when it did. */
export async function updateCaseAtVersion(tx: Tx, c: Case, expectedVersion: number): Promise<boolean> {
  const { id, ...columns } = caseColumns(c);
  const assignments = Object.entries(columns).map(([column, value]) => sql`${name(column)} = ${value}`);
  const count = await tx.execute(sql`
    UPDATE cases SET ${join(assignments)} WHERE id = ${id} AND version = ${expectedVersion}`);
  return count === 1;
}

/** Marks the timer done if this lease still holds it; true when it did. */
export async function completeTimer(tx: Tx, timer: { id: string; leaseToken: string }): Promise<boolean> {
  const count = await tx.execute(sql`
    UPDATE timers SET status = 'done'
    WHERE id = ${timer.id} AND status = 'claimed' AND lease_token = ${timer.leaseToken}`);
  return count === 1;
}

export const cancelOpenTimers = (tx: Tx, caseId: string) =>
  tx.execute(
    sql`UPDATE timers SET status = 'cancelled' WHERE case_id = ${caseId} AND status IN ('pending', 'claimed')`,
  );

export interface NewRows {
  timers: readonly Timer[];
  notices: readonly Notice[];
  events: readonly CaseEvent[];
}

export async function insertRows(tx: Tx, rows: NewRows): Promise<void> {
  if (rows.timers.length > 0) await tx.execute(insert('timers', rows.timers.map(timerColumns)));
  // A notice whose dedupe key is already stored is skipped: handlers may run more than once.
  if (rows.notices.length > 0) {
    const skipKnown = sql`ON CONFLICT (dedupe_key) DO NOTHING`;
    await tx.execute(insert('outbox', rows.notices.map(noticeColumns), skipKnown));
  }
  if (rows.events.length > 0) await tx.execute(insert('case_events', rows.events.map(eventColumns)));
}
