// The CaseStore in SQL, one implementation for SQLite and PostgreSQL: the same statements, the
// same semantics (the contract suite runs against both). What differs is in the dialect: how a
// claim takes rows (SQLite: one statement under the write lock; PostgreSQL: FOR UPDATE SKIP
// LOCKED) and whether operations must take turns on a single connection.
import { empty, join, raw, type Sql, sqltag as sql } from './sql-tag.ts';
import { alreadySeen, CoreError } from '../../core/errors.ts';
import type { Case, ClaimedNotice, ClaimedTimer, RiskBand } from '../../core/model.ts';
import type { CaseChange, CaseStore, ClaimOptions } from '../../core/ports.ts';
import { listBrokenPromises } from './broken-promises.ts';
import { CASE_FIELDS, EVENT_FIELDS, OUTBOX_FIELDS, TIMER_FIELDS } from './fields.ts';
import {
  type CaseFields,
  type EventFields,
  type OutboxFields,
  rowToCase,
  rowToEvent,
  rowToOutboxEntry,
  rowToTimer,
  type TimerFields,
  toMs,
} from './rows.ts';
import type { SqlDb, SqlRunner } from './sql-db.ts';
import {
  allocateNumber,
  cancelOpenTimers,
  claimNewNotices,
  completeTimer,
  insertCase,
  insertRows,
  rememberInbound,
  updateCaseAtVersion,
} from './writes.ts';

export interface SqlDialect {
  claimTimers(db: SqlDb, options: ClaimOptions): Promise<ClaimedTimer[]>;
  claimNotices(db: SqlDb, options: ClaimOptions): Promise<ClaimedNotice[]>;
  /** Runs one store operation; SQLite queues them (one connection), PostgreSQL runs them at once. */
  turn<T>(operation: () => Promise<T>): Promise<T>;
  /** Runs a read-only operation (SQLite may run it at once when nothing is queued); default: turn. */
  read?<T>(operation: () => Promise<T>): Promise<T>;
  /** The larger of two values: SQLite's scalar max(a, b), PostgreSQL's GREATEST(a, b). */
  greatest(a: Sql, b: Sql): Sql;
}

/** Risk bands above low (the App Home's "at risk"), listed so the index serves each. */
const AT_RISK_BANDS: readonly RiskBand[] = ['elevated', 'high'];
/** INTEGER columns are 32-bit on both databases: larger comparison bounds are clamped. */
const INT32_MAX = 2_147_483_647;
const count = (rows: { n: bigint | number }[]) => Number(rows[0]?.n ?? 0);
const where = (conditions: Sql[]) =>
  conditions.length > 0 ? sql`WHERE ${join(conditions, ' AND ')}` : empty;

export function createSqlStore(db: SqlDb, dialect: SqlDialect): CaseStore {
  const { turn } = dialect;
  const read = dialect.read ?? turn;

  const readCase = async (condition: Sql, newest = false): Promise<Case | null> => {
    const order = newest ? sql`DESC` : sql`ASC`;
    const [row] = await db.query<CaseFields>(
      sql`SELECT ${raw(CASE_FIELDS)} FROM cases WHERE ${condition} ORDER BY "number" ${order} LIMIT 1`,
    );
    return row ? rowToCase(row) : null;
  };

  return {
    createCase: (draft, build, options) =>
      turn(() =>
        db.transaction(async (tx) => {
          if (options?.inbound && !(await rememberInbound(tx, options.inbound.key, options.inbound.at))) {
            throw alreadySeen(options.inbound.key);
          }
          const number = await allocateNumber(tx, draft.workspace);
          const ahead = count(await tx.query(queueAhead({ ...draft, number })));
          const rows = build({ ...draft, number }, { ahead });
          if (rows.case.id !== draft.id || rows.case.number !== number) {
            throw new Error(`createCase: build must keep the case id and its number ${number}`);
          }
          await insertCase(tx, rows.case);
          if (rows.cancelTimers) await cancelOpenTimers(tx, rows.case.id);
          await insertRows(tx, rows);
          const sending = options?.sendAtOnce
            ? await claimNewNotices(
                tx,
                rows.notices.map((n) => n.id),
                options.sendAtOnce,
              )
            : [];
          return { case: rows.case, sending };
        }),
      ),

    getCase: (id) => read(() => readCase(sql`id = ${id}`)),
    findCaseByNumber: (workspace, number) =>
      read(() => readCase(sql`workspace = ${workspace} AND "number" = ${Math.min(number, INT32_MAX)}`)),
    findCaseByConversation: (conversation) => read(() => readCase(sql`conversation = ${conversation}`, true)),

    listCases: (query) =>
      read(async () => {
        if (query.statuses?.length === 0) return [];
        const conditions: Sql[] = [];
        if (query.workspace !== undefined) conditions.push(sql`workspace = ${query.workspace}`);
        if (query.customerId !== undefined) conditions.push(sql`customer_id = ${query.customerId}`);
        if (query.ownerId !== undefined) conditions.push(sql`owner_id = ${query.ownerId}`);
        if (query.team !== undefined) conditions.push(sql`team = ${query.team}`);
        if (query.statuses !== undefined) conditions.push(sql`status IN (${join([...query.statuses])})`);
        // The App Home's filters, on the columns the row mapper copies out of the JSON (rows.ts).
        if (query.approvalPending) conditions.push(sql`approval_status = 'pending'`);
        if (query.overdueAt !== undefined) conditions.push(sql`window_due_at < ${toMs(query.overdueAt)}`);
        if (query.atRisk) conditions.push(sql`risk_band IN (${join(AT_RISK_BANDS)})`);
        // Few messages are stuck: the cases are looked up from them (CROSS JOIN keeps that order on
        // SQLite, whose planner would otherwise walk the team's cases and probe the outbox for each).
        const from = query.withUndelivered
          ? sql`(SELECT DISTINCT case_id FROM outbox WHERE status IN ('parked', 'ambiguous')) stuck
                CROSS JOIN cases`
          : sql`cases`;
        if (query.withUndelivered) conditions.push(sql`cases.id = stuck.case_id`);
        const order = query.newestFirst ? sql`DESC` : sql`ASC`;
        const limit = query.limit !== undefined ? sql`LIMIT ${query.limit}` : empty;
        const rows = await db.query<CaseFields>(
          sql`SELECT ${raw(CASE_FIELDS)} FROM ${from} ${where(conditions)} ORDER BY "number" ${order} ${limit}`,
        );
        return rows.map(rowToCase);
      }),

    commit: (change) => turn(() => db.transaction((tx) => commitChange(tx, change))),

    countQueueAhead: (c) => read(async () => count(await db.query(queueAhead(c)))),

    expertLoad: (personIds) =>
      read(async () => {
        const ids = [...personIds];
        if (ids.length === 0) return [];
        const owned = await db.query<{ personId: string; n: bigint | number }>(sql`
          SELECT owner_id AS "personId", count(*) AS n FROM cases
          WHERE owner_id IN (${join(ids)}) AND status NOT IN ('resolved', 'closed')
          GROUP BY owner_id`);
        const assigned = await db.query<{ personId: string; last: bigint | number }>(sql`
          SELECT expert_id AS "personId", max(expert_assigned_at) AS "last" FROM cases
          WHERE expert_id IN (${join(ids)}) AND expert_assigned_at IS NOT NULL
          GROUP BY expert_id`);
        return ids.map((personId) => {
          const last = assigned.find((a) => a.personId === personId)?.last;
          return {
            personId,
            openCases: Number(owned.find((o) => o.personId === personId)?.n ?? 0),
            lastAssignedAt: last === undefined ? null : new Date(Number(last)),
          };
        });
      }),

    listEvents: (caseId) =>
      read(async () => {
        const rows = await db.query<EventFields>(
          sql`SELECT ${raw(EVENT_FIELDS)} FROM case_events WHERE case_id = ${caseId} ORDER BY seq`,
        );
        return rows.map(rowToEvent);
      }),

    listTimers: (caseId) =>
      read(async () => {
        const rows = await db.query<TimerFields>(
          sql`SELECT ${raw(TIMER_FIELDS)} FROM timers WHERE case_id = ${caseId} ORDER BY due_at, seq`,
        );
        return rows.map(rowToTimer);
      }),

    claimDueTimers: (options) => turn(() => dialect.claimTimers(db, options)),

    releaseTimer: (id, leaseToken) =>
      turn(async () => {
        await db.execute(sql`
          UPDATE timers SET status = 'pending', lease_token = NULL, lease_until = NULL
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'claimed'`);
      }),

    countOverdueTimers: (before) =>
      read(async () =>
        count(
          await db.query(sql`
            SELECT count(*) AS n FROM timers
            WHERE status IN ('pending', 'claimed') AND due_at < ${toMs(before)}`),
        ),
      ),

    listBrokenPromises: (limit) => read(() => listBrokenPromises(db, limit)),

    claimNotices: (options: ClaimOptions) => turn(() => dialect.claimNotices(db, options)),

    startNoticeSend: (id, leaseToken, at, options) =>
      turn(async () => {
        const start = sql`
          UPDATE outbox SET send_started_at = ${toMs(at)}
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'sending'`;
        const paceMs = options?.paceMs ?? 0;
        if (paceMs <= 0) return (await db.execute(start)) === 1;
        // The pace counts from the send, in the same transaction; the claim's reservation stands
        // if it is later.
        return db.transaction(async (tx) => {
          const [row] = await tx.query<{ paceKey: string }>(sql`${start} RETURNING pace_key AS "paceKey"`);
          if (!row) return false;
          await tx.execute(sql`
            INSERT INTO pace_keys ("key", next_at) VALUES (${row.paceKey}, ${toMs(at) + BigInt(paceMs)})
            ON CONFLICT ("key") DO UPDATE
            SET next_at = ${dialect.greatest(sql`pace_keys.next_at`, sql`excluded.next_at`)}`);
          return true;
        });
      }),

    nextNoticeAt: () =>
      read(async () => {
        const [row] = await db.query<{ at: bigint | number | string | null }>(sql`
          SELECT min(${dialect.greatest(sql`o.next_attempt_at`, sql`coalesce(p.next_at, 0)`)}) AS "at"
          FROM outbox o LEFT JOIN pace_keys p ON p."key" = o.pace_key
          WHERE o.status = 'pending'`);
        return row?.at === null || row?.at === undefined ? null : new Date(Number(row.at));
      }),

    releaseNotice: (id, leaseToken) =>
      turn(async () => {
        await db.execute(sql`
          UPDATE outbox SET status = 'pending', lease_token = NULL, lease_until = NULL
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status = 'sending'
            AND send_started_at IS NULL`);
      }),

    markNoticeSent: (id, leaseToken, at) =>
      turn(async () => {
        // A late confirmation also settles a row that was marked ambiguous when its lease ran out.
        await db.execute(sql`
          UPDATE outbox SET status = 'sent', sent_at = ${toMs(at)}
          WHERE id = ${id} AND lease_token = ${leaseToken} AND status IN ('sending', 'ambiguous')`);
      }),

    markNoticeFailed: (id, leaseToken, failure) =>
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

    listOutbox: (query) =>
      read(async () => {
        if (query.statuses?.length === 0) return [];
        const conditions: Sql[] = [];
        if (query.caseId !== undefined) conditions.push(sql`case_id = ${query.caseId}`);
        if (query.statuses !== undefined) conditions.push(sql`status IN (${join([...query.statuses])})`);
        const rows = await db.query<OutboxFields>(
          sql`SELECT ${raw(OUTBOX_FIELDS)} FROM outbox ${where(conditions)} ORDER BY created_at, seq`,
        );
        return rows.map(rowToOutboxEntry);
      }),

    rememberInbound: (key, at) => turn(() => rememberInbound(db, key, at)),

    putRef: (caseId, name, value) =>
      turn(async () => {
        await db.execute(sql`
          INSERT INTO case_refs (case_id, name, value) VALUES (${caseId}, ${name}, ${value})
          ON CONFLICT (case_id, name) DO UPDATE SET value = excluded.value`);
      }),

    getRef: (caseId, name) =>
      read(async () => {
        const rows = await db.query<{ value: string }>(
          sql`SELECT value FROM case_refs WHERE case_id = ${caseId} AND name = ${name}`,
        );
        return rows[0]?.value ?? null;
      }),

    close: () => turn(() => db.close()),
  };
}

// The team's waiting count (queue_counters, kept by triggers) less the waiting cases that are not
// ahead of this one: those are the newest, so the index walk is short however long the queue (a
// new case's position is the whole count). `created_at >= x AND NOT (…)` rather than an OR: with
// an OR, SQLite's plan for the prepared statement walks the team's whole queue.
function queueAhead(c: Pick<Case, 'team' | 'createdAt' | 'number'>): Sql {
  const created = toMs(c.createdAt);
  return sql`
    SELECT coalesce((SELECT waiting FROM queue_counters WHERE team = ${c.team}), 0) - (
      SELECT count(*) FROM cases
      WHERE team = ${c.team} AND level = 1 AND status = 'open' AND owner_id IS NULL
        AND created_at >= ${created}
        AND NOT (created_at = ${created} AND "number" < ${Math.min(c.number, INT32_MAX)})) AS n`;
}

async function commitChange(tx: SqlRunner, change: CaseChange): Promise<void> {
  // The version check is the transaction's first statement and a write (see writes.ts).
  if (!(await updateCaseAtVersion(tx, change.case, change.expectedVersion))) {
    throw new CoreError('conflict', 'error.conflict');
  }
  if (change.completeTimer && !(await completeTimer(tx, change.completeTimer))) {
    throw new CoreError('lease_lost', 'error.conflict');
  }
  if (change.cancelTimers) await cancelOpenTimers(tx, change.case.id);
  await insertRows(tx, change);
}
