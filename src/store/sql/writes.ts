// The statements createCase and commit run inside their transaction, the same SQL on SQLite and
// PostgreSQL. Plain tagged SQL (placeholders rendered per provider) rather than Prisma model calls,
// which cost ~1 ms each here (query compilation), and these run on every command. The first statement of each transaction is a write (SQLite takes its write
// lock before anything is read; PostgreSQL locks the row it changes).
import { empty, join, raw, type Sql, sqltag as sql } from './sql-tag.ts';
import type { Case, CaseEvent, ClaimedNotice, Notice, Timer } from '../../core/model.ts';
import type { SendAtOnce } from '../../core/ports.ts';
import { leaseTokenPrefix } from '../lease-token.ts';
import { leasedOutboxFields } from './fields.ts';
import {
  type Columns,
  caseColumns,
  eventColumns,
  type LeaseFields,
  noticeColumns,
  type OutboxFields,
  timerColumns,
  toClaimedNotice,
  toMs,
} from './rows.ts';
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

/** Records an inbound platform event; false when it was recorded before. */
export async function rememberInbound(tx: Tx, key: string, at: Date): Promise<boolean> {
  const inserted = await tx.execute(sql`
    INSERT INTO inbound_events ("key", at) VALUES (${key}, ${toMs(at)}) ON CONFLICT ("key") DO NOTHING`);
  return inserted === 1;
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

/** Cancels the case's live timers, but those of `keep` (a promise the change leaves running). */
export const cancelOpenTimers = (tx: Tx, caseId: string, keep?: string) =>
  tx.execute(
    keep === undefined
      ? sql`UPDATE timers SET status = 'cancelled' WHERE case_id = ${caseId} AND status IN ('pending', 'claimed')`
      : sql`UPDATE timers SET status = 'cancelled' WHERE case_id = ${caseId} AND status IN ('pending', 'claimed') AND window_id <> ${keep}`,
  );

export interface NewRows {
  timers: readonly Timer[];
  notices: readonly Notice[];
  events: readonly CaseEvent[];
}

/** The INSERTs of the new rows (and of the case, when given), in the order they are written. */
function insertsOf(rows: NewRows, c?: Case): Sql[] {
  const statements: Sql[] = [];
  if (c) statements.push(insert('cases', [caseColumns(c)]));
  if (rows.timers.length > 0) statements.push(insert('timers', rows.timers.map(timerColumns)));
  // A notice whose dedupe key is already stored is skipped: handlers may run more than once.
  if (rows.notices.length > 0) {
    const skipKnown = sql`ON CONFLICT (dedupe_key) DO NOTHING`;
    statements.push(insert('outbox', rows.notices.map(noticeColumns), skipKnown));
  }
  if (rows.events.length > 0) statements.push(insert('case_events', rows.events.map(eventColumns)));
  return statements;
}

/**
 * Writes the new rows (and the case, when given). With `oneStatement` (PostgreSQL) the INSERTs go
 * as one statement, each but the last in a data-modifying WITH: one round trip instead of up to
 * four while the transaction holds its locks. SQLite has no data-modifying WITH and needs none
 * (its statements are in-process calls).
 */
export async function insertRows(
  tx: Tx,
  rows: NewRows,
  options: { case?: Case; oneStatement?: boolean } = {},
): Promise<void> {
  const statements = insertsOf(rows, options.case);
  const last = statements.at(-1);
  if (!last) return;
  if (options.oneStatement && statements.length > 1) {
    const before = statements.slice(0, -1).map((s, i) => sql`${raw(`w${i}`)} AS (${s})`);
    await tx.execute(sql`WITH ${join(before, ', ')} ${last}`);
    return;
  }
  for (const statement of statements) await tx.execute(statement);
}

/** A pending notice to `paceKey` written before `seq`, if any (served by (pace_key, status)). */
export const earlierPending = (paceKey: string, seq: bigint | number): Sql => sql`
  SELECT 1 AS "waiting" FROM outbox WHERE pace_key = ${paceKey} AND status = 'pending' AND seq < ${seq}
  LIMIT 1`;

/**
 * Claims, in the transaction that wrote them, the new notices `ids` for a sender that starts at
 * once (see SendAtOnce in ports.ts). Paced: one notice per destination, and only where no earlier
 * notice to it is pending and its next allowed instant has come; that instant moves on in the same
 * statement (on PostgreSQL the upsert holds the destination's row until commit, as a claim does).
 */
export async function claimNewNotices(
  tx: Tx,
  ids: readonly string[],
  at: SendAtOnce,
): Promise<ClaimedNotice[]> {
  if (ids.length === 0) return [];
  const ours = await tx.query<{ id: string; paceKey: string; seq: bigint | number }>(sql`
    SELECT id, pace_key AS "paceKey", seq FROM outbox WHERE id IN (${join([...ids])}) AND status = 'pending'
    ORDER BY seq`);
  const now = toMs(at.now);
  const paceMs = at.paceMs ?? 0;
  let chosen = ours.map((o) => o.id);
  if (paceMs > 0 && ours.length > 0) {
    const first = new Map<string, string>();
    for (const o of ours) if (!first.has(o.paceKey)) first.set(o.paceKey, o.id);
    // An earlier notice to the destination still pending goes first (ours were all written after
    // it): one indexed probe per destination, so a busy channel's backlog is never read.
    const oursFrom = ours[0]?.seq ?? 0;
    for (const key of [...first.keys()]) {
      if ((await tx.query(earlierPending(key, oursFrom))).length > 0) first.delete(key);
    }
    // Sorted, so two writers reserving the same destinations lock them in one order.
    const keys = [...first.keys()].sort();
    const next = now + BigInt(paceMs);
    const free =
      keys.length === 0
        ? []
        : await tx.query<{ key: string }>(sql`
            INSERT INTO pace_keys ("key", next_at) VALUES ${join(keys.map((k) => sql`(${k}, ${next})`))}
            ON CONFLICT ("key") DO UPDATE SET next_at = excluded.next_at WHERE pace_keys.next_at <= ${now}
            RETURNING "key"`);
    chosen = free.map((f) => first.get(f.key) as string);
  }
  if (chosen.length === 0) return [];
  const prefix = leaseTokenPrefix(at.owner);
  const claimed = await tx.query<OutboxFields & LeaseFields>(sql`
    UPDATE outbox SET status = 'sending', lease_token = CAST(${prefix} AS TEXT) || id,
      lease_until = ${now + BigInt(at.leaseMs)}, send_started_at = ${now}
    WHERE id IN (${join(chosen)})
    RETURNING ${raw(leasedOutboxFields())}`);
  // In the order written (RETURNING's order is unspecified).
  return claimed.sort((a, b) => Number(a.seq) - Number(b.seq)).map(toClaimedNotice);
}
