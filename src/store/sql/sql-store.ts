// The store in SQL, one implementation for SQLite and PostgreSQL: the same statements, the same
// semantics (the contract suite runs against both). What differs is in the dialect: how a claim
// takes rows (SQLite: one statement under the write lock; PostgreSQL: FOR UPDATE SKIP LOCKED) and
// whether operations must take turns on a single connection. Each port lives in its own file.
import { join, raw, type Sql, sqltag as sql } from './sql-tag.ts';
import type { StoreInspector } from '../inspector.ts';
import type { InspectableStore } from '../store.ts';
import { sqlAnswerBank } from './answer-bank.ts';
import { sqlAwayBook } from './away-book.ts';
import { queueAhead, sqlCaseRepository } from './case-repository.ts';
import { sqlDataRights, sqlRetention } from './data-rights.ts';
import { EVENT_FIELDS, OUTBOX_FIELDS } from './fields.ts';
import { sqlIncidentRepository } from './incident-repository.ts';
import { sqlNoticeQueue } from './notice-queue.ts';
import { sqlOperationsReads } from './operations.ts';
import { sqlReportReads } from './report-reads.ts';
import { type EventFields, type OutboxFields, rowToEvent, rowToOutboxEntry } from './rows.ts';
import { countOf, type SqlDialect, type SqlStoreContext, where } from './sql-context.ts';
import type { SqlDb } from './sql-db.ts';
import { sqlTimerQueue } from './timer-queue.ts';
import { rememberInbound } from './writes.ts';

export type { SqlDialect };

export function createSqlStore(db: SqlDb, dialect: SqlDialect): InspectableStore {
  const { turn } = dialect;
  const read = dialect.read ?? turn;
  const context: SqlStoreContext = { db, dialect, turn, read };

  const inspect: StoreInspector = {
    listEvents: (caseId) =>
      read(async () => {
        const rows = await db.query<EventFields>(
          sql`SELECT ${raw(EVENT_FIELDS)} FROM case_events WHERE case_id = ${caseId} ORDER BY seq`,
        );
        return rows.map(rowToEvent);
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

    countQueueAhead: (c) => read(() => countOf(db, queueAhead(c))),
  };

  return {
    cases: sqlCaseRepository(context),
    timers: sqlTimerQueue(context),
    notices: sqlNoticeQueue(context),
    incidents: sqlIncidentRepository(context),
    ops: sqlOperationsReads(context),
    reports: sqlReportReads(context),
    inbound: { remember: (key, at) => turn(() => rememberInbound(db, key, at)) },
    refs: {
      put: (caseId, name, value) =>
        turn(async () => {
          await db.execute(sql`
          INSERT INTO case_refs (case_id, name, value) VALUES (${caseId}, ${name}, ${value})
          ON CONFLICT (case_id, name) DO UPDATE SET value = excluded.value`);
        }),

      get: (caseId, name) =>
        read(async () => {
          const rows = await db.query<{ value: string }>(
            sql`SELECT value FROM case_refs WHERE case_id = ${caseId} AND name = ${name}`,
          );
          return rows[0]?.value ?? null;
        }),
    },
    privacy: sqlDataRights(context),
    retention: sqlRetention(context),
    answers: sqlAnswerBank(context, dialect.searchAnswers),
    away: sqlAwayBook(context),
    inspect,
    close: () => turn(() => db.close()),
  };
}
