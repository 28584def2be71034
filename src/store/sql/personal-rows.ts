// A person's rows in SQL, read and written inside the caller's transaction (see PersonalRows in
// ../data-rights.ts), the same statements on SQLite and PostgreSQL.
import { empty, join, raw, type Sql, sqltag as sql } from './sql-tag.ts';
import { CoreError } from '../../core/errors.ts';
import type { CaseReference } from '../../core/ports.ts';
import type { PersonalRows } from '../data-rights.ts';
import { eraseAnswers } from './answer-bank.ts';
import { CASE_FIELDS, EVENT_FIELDS, OUTBOX_FIELDS } from './fields.ts';
import { ERASED } from '../redaction.ts';
import { encodeJson } from './json-with-dates.ts';
import {
  type CaseFields,
  type EventFields,
  type OutboxFields,
  rowToCase,
  rowToEvent,
  rowToOutboxEntry,
} from './rows.ts';
import type { SqlRunner } from './sql-db.ts';
import { insertRows, updateCaseAtVersion } from './writes.ts';

/** Events by `actorId` on cases other than `except`, in the order written (through the actor_id index). */
export function eventsBy(actorId: string, except: readonly string[]): Sql {
  const others = except.length > 0 ? sql`AND case_id NOT IN (${join(except)})` : empty;
  return sql`SELECT ${raw(EVENT_FIELDS)} FROM case_events WHERE actor_id = ${actorId} ${others} ORDER BY seq`;
}

export function sqlPersonalRows(tx: SqlRunner): PersonalRows {
  return {
    casesOf: async (person) => {
      const rows = await tx.query<CaseFields>(
        sql`SELECT ${raw(CASE_FIELDS)} FROM cases WHERE customer_id = ${person} ORDER BY "number"`,
      );
      return rows.map(rowToCase);
    },

    eventsOf: async (caseIds) => {
      if (caseIds.length === 0) return [];
      const rows = await tx.query<EventFields>(
        sql`SELECT ${raw(EVENT_FIELDS)} FROM case_events WHERE case_id IN (${join(caseIds)}) ORDER BY seq`,
      );
      return rows.map(rowToEvent);
    },

    eventsBy: async (actorId, except) =>
      (await tx.query<EventFields>(eventsBy(actorId, except))).map(rowToEvent),

    noticesOf: async (caseIds) => {
      if (caseIds.length === 0) return [];
      const rows = await tx.query<OutboxFields>(
        sql`SELECT ${raw(OUTBOX_FIELDS)} FROM outbox WHERE case_id IN (${join(caseIds)}) ORDER BY created_at, seq`,
      );
      return rows.map(rowToOutboxEntry);
    },

    referencesOf: async (caseIds) => {
      if (caseIds.length === 0) return [];
      return tx.query<CaseReference>(sql`
        SELECT case_id AS "caseId", name, value FROM case_refs WHERE case_id IN (${join(caseIds)})
        ORDER BY case_id, name`);
    },

    write: async (changes) => {
      for (const { case: c, expectedVersion } of changes.cases) {
        if (!(await updateCaseAtVersion(tx, c, expectedVersion)))
          throw new CoreError('conflict', 'error.conflict');
      }
      if (changes.redactedWhole.length > 0) {
        await tx.execute(
          sql`UPDATE cases SET redacted_version = version WHERE id IN (${join(changes.redactedWhole)})`,
        );
      }
      for (const e of changes.events) {
        await tx.execute(sql`UPDATE case_events SET data = ${encodeJson(e.data)} WHERE id = ${e.id}`);
      }
      for (const n of changes.notices) {
        await tx.execute(sql`UPDATE outbox SET params = ${encodeJson(n.params)} WHERE id = ${n.id}`);
      }
      for (const r of changes.references) {
        await tx.execute(
          sql`UPDATE case_refs SET value = ${r.value} WHERE case_id = ${r.caseId} AND name = ${r.name}`,
        );
      }
      await eraseAnswers(tx, changes.answers);
      const words = [...new Set(changes.incidentWords ?? [])];
      if (words.length > 0) {
        await tx.execute(sql`UPDATE incidents SET words = ${ERASED} WHERE words IN (${join(words)})`);
      }
    },

    record: (events) => insertRows(tx, { timers: [], notices: [], events }),
  };
}
