// The CaseRepository in SQL, the same statements on SQLite and PostgreSQL: cases, their changes
// in one transaction each, and the reads the desk and the auditor make.
import { empty, join, raw, type Sql, sqltag as sql } from './sql-tag.ts';
import { alreadySeen, CoreError } from '../../core/errors.ts';
import type { Case, CaseHeavy, RiskBand } from '../../core/model.ts';
import type { CaseChange, CaseRepository } from '../../core/ports.ts';
import { listBrokenPromises } from './broken-promises.ts';
import { writeIncident } from './incident-repository.ts';
import { CASE_FIELDS, TIMER_FIELDS } from './fields.ts';
import { heavyStreakSince } from '../heavy-streak.ts';
import {
  type CaseFields,
  fromMs,
  parseOrNull,
  rowToCase,
  rowToTimer,
  type TimerFields,
  toMs,
} from './rows.ts';
import type { SqlRunner } from './sql-db.ts';
import { count, INT32_MAX, type SqlStoreContext, where } from './sql-context.ts';
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

/** A row of expertLoad's query: an owner's open cases, or one of an expert's latest assignments. */
interface LoadRow {
  personId: string;
  kind: 'open' | 'assigned';
  n: bigint | number | string;
  heavyN: bigint | number | string | null;
  at: bigint | number | null;
  heavy: string | null;
}

/** Risk bands above low (the App Home's "at risk"), listed so the index serves each. */
const AT_RISK_BANDS: readonly RiskBand[] = ['elevated', 'high'];

export function sqlCaseRepository({ db, dialect, turn, read }: SqlStoreContext): CaseRepository {
  const oneStatement = dialect.writesInOneStatement ?? false;
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
          if (rows.cancelTimers) {
            await insertCase(tx, rows.case);
            await cancelOpenTimers(tx, rows.case.id);
            await insertRows(tx, rows);
          } else {
            await insertRows(tx, rows, { case: rows.case, oneStatement });
          }
          if (rows.incident) await writeIncident(tx, rows.incident);
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
        if (query.topic !== undefined) conditions.push(sql`topic = ${query.topic}`);
        if (query.createdSince !== undefined) conditions.push(sql`created_at >= ${toMs(query.createdSince)}`);
        if (query.incidentId !== undefined) conditions.push(sql`incident_id = ${query.incidentId}`);
        // The App Home's filters, on the columns the row mapper copies out of the JSON (rows.ts).
        if (query.approvalPending) conditions.push(sql`approval_status = 'pending'`);
        if (query.overdueAt !== undefined) conditions.push(sql`window_due_at < ${toMs(query.overdueAt)}`);
        // `risk_band <> 'low'` repeats the partial index's WHERE (SQLite uses it only then).
        if (query.atRisk) conditions.push(sql`risk_band <> 'low' AND risk_band IN (${join(AT_RISK_BANDS)})`);
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

    commit: (change) => turn(() => db.transaction((tx) => commitChange(tx, change, oneStatement))),

    expertLoad: (personIds) =>
      read(async () => {
        const ids = [...personIds];
        if (ids.length === 0) return [];
        // One round trip: each person's open cases (how many, how many heavy), then their latest two
        // expert assignments with the heavy mark (the correlated subquery finds the second latest
        // through the (expert_id, expert_assigned_at) index; with fewer than two, all of them).
        const rows = await db.query<LoadRow>(sql`
          SELECT owner_id AS "personId", 'open' AS "kind", count(*) AS "n",
                 sum(CASE WHEN heavy IS NULL THEN 0 ELSE 1 END) AS "heavyN",
                 CAST(NULL AS BIGINT) AS "at", CAST(NULL AS TEXT) AS "heavy"
          FROM cases
          WHERE owner_id IN (${join(ids)}) AND status NOT IN ('resolved', 'closed')
          GROUP BY owner_id
          UNION ALL
          SELECT expert_id, 'assigned', 0, 0, expert_assigned_at, heavy
          FROM cases c
          WHERE expert_id IN (${join(ids)}) AND expert_assigned_at IS NOT NULL
            AND expert_assigned_at >= COALESCE(
              (SELECT c2.expert_assigned_at FROM cases c2
               WHERE c2.expert_id = c.expert_id AND c2.expert_assigned_at IS NOT NULL
               ORDER BY c2.expert_assigned_at DESC LIMIT 1 OFFSET 1),
              expert_assigned_at)`);
        return ids.map((personId) => {
          const open = rows.find((r) => r.kind === 'open' && r.personId === personId);
          const assigned = rows
            .filter((r) => r.kind === 'assigned' && r.personId === personId && r.at !== null)
            .map((r) => ({ at: fromMs(r.at as bigint | number), heavy: parseOrNull<CaseHeavy>(r.heavy) }))
            .sort((a, b) => b.at.getTime() - a.at.getTime());
          return {
            personId,
            openCases: Number(open?.n ?? 0),
            heavyOpen: Number(open?.heavyN ?? 0),
            lastAssignedAt: assigned[0]?.at ?? null,
            heavyStreakSince: heavyStreakSince(assigned),
          };
        });
      }),

    listTimers: (caseId) =>
      read(async () => {
        const rows = await db.query<TimerFields>(
          sql`SELECT ${raw(TIMER_FIELDS)} FROM timers WHERE case_id = ${caseId} ORDER BY due_at, seq`,
        );
        return rows.map(rowToTimer);
      }),

    listBrokenPromises: (limit) => read(() => listBrokenPromises(db, limit)),
  };
}

// The team's waiting count (queue_counters, kept by triggers) less the waiting cases that are not
// ahead of this one: those are the newest, so the index walk is short however long the queue (a
// new case's position is the whole count). `created_at >= x AND NOT (…)` rather than an OR: with
// an OR, SQLite's plan for the prepared statement walks the team's whole queue.
export function queueAhead(c: Pick<Case, 'team' | 'createdAt' | 'number'>): Sql {
  const created = toMs(c.createdAt);
  return sql`
    SELECT coalesce((SELECT waiting FROM queue_counters WHERE team = ${c.team}), 0) - (
      SELECT count(*) FROM cases
      WHERE team = ${c.team} AND level = 1 AND status = 'open' AND owner_id IS NULL
        AND created_at >= ${created}
        AND NOT (created_at = ${created} AND "number" < ${Math.min(c.number, INT32_MAX)})) AS n`;
}

async function commitChange(tx: SqlRunner, change: CaseChange, oneStatement: boolean): Promise<void> {
  // The version check is the transaction's first statement and a write (see writes.ts).
  if (!(await updateCaseAtVersion(tx, change.case, change.expectedVersion))) {
    throw new CoreError('conflict', 'error.conflict');
  }
  if (change.completeTimer && !(await completeTimer(tx, change.completeTimer))) {
    throw new CoreError('lease_lost', 'error.conflict');
  }
  if (change.cancelTimers) await cancelOpenTimers(tx, change.case.id, change.keepTimersOf);
  await insertRows(tx, change, { oneStatement });
  if (change.incident) await writeIncident(tx, change.incident);
}
