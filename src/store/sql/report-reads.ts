// What reports, the weekly digest and the web console read, in SQL (see ReportReads): cases that
// may count in a period with their whole trails, and one case's timeline with its notices. Events
// are read for a few hundred cases at a time, in the order they were written.
import { empty, join, raw, sqltag as sql } from './sql-tag.ts';
import { ACTIVE_STATUSES, type Case, type CaseEvent } from '../../core/model.ts';
import type { ReportReads } from '../../core/ports.ts';
import { CASE_FIELDS, EVENT_FIELDS, OUTBOX_FIELDS } from './fields.ts';
import {
  type CaseFields,
  type EventFields,
  type OutboxFields,
  fromMs,
  rowToCase,
  rowToEvent,
  rowToOutboxEntry,
  rowToPolicy,
} from './rows.ts';
import type { SqlStoreContext } from './sql-context.ts';
import type { SqlRunner } from './sql-db.ts';
import type { ReportCase } from '../../core/reports/input.ts';

/** The columns of a case reports read (ReportCase). */
interface ReportCaseFields {
  id: string;
  number: bigint | number;
  team: string;
  topic: string;
  customerId: string;
  createdAt: bigint | number;
  policy: string;
}

/** Cases whose events one statement reads (well under both databases' parameter limits). */
const EVENTS_CHUNK = 500;

async function eventsOf(db: SqlRunner, ids: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const byCase = new Map<string, CaseEvent[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += EVENTS_CHUNK) {
    const chunk = ids.slice(i, i + EVENTS_CHUNK);
    const rows = await db.query<EventFields>(
      sql`SELECT ${raw(EVENT_FIELDS)} FROM case_events WHERE case_id IN (${join([...chunk])}) ORDER BY seq`,
    );
    for (const row of rows) {
      const event = rowToEvent(row);
      byCase.get(event.caseId)?.push(event);
    }
  }
  return byCase;
}

export function sqlReportReads({ db, read, dialect }: SqlStoreContext): ReportReads {
  return {
    trails: (query) =>
      read(async () => {
        const team = query.team === undefined ? empty : sql`AND team = ${query.team}`;
        const limit = query.limit === undefined ? empty : sql`LIMIT ${Math.max(0, Math.floor(query.limit))}`;
        const rows = await db.query<CaseFields>(sql`
          SELECT ${raw(CASE_FIELDS)} FROM cases
          WHERE created_at < ${query.to.getTime()} ${team}
            AND (status IN (${join([...ACTIVE_STATUSES])}) OR updated_at >= ${query.from.getTime()})
          ORDER BY created_at DESC, "number" DESC ${limit}`);
        const cases: Case[] = rows.map(rowToCase);
        const events = await eventsOf(
          db,
          cases.map((c) => c.id),
        );
        return cases.map((c) => ({ case: c, events: events.get(c.id) ?? [] }));
      }),

    reportPage: (query) =>
      read(async () => {
        // The primary key's order; the team only a filter (see SqlDialect.filterOnly).
        const team =
          query.team === undefined ? empty : sql`AND ${dialect.filterOnly(raw('team'))} = ${query.team}`;
        const after = query.after === null ? empty : sql`AND id > ${query.after}`;
        const rows = await db.query<ReportCaseFields>(sql`
          SELECT id, "number", team, topic, customer_id AS "customerId", created_at AS "createdAt", policy
          FROM cases
          WHERE created_at < ${query.to.getTime()} ${team} AND updated_at >= ${query.from.getTime()} ${after}
          ORDER BY id LIMIT ${Math.max(0, Math.floor(query.size))}`);
        // A team's cases share a few policies: each distinct snapshot is decoded once per page.
        const policies = new Map<string, ReportCase['policy']>();
        const policyOf = (text: string) => {
          let policy = policies.get(text);
          if (!policy) {
            const { clock, calendar } = rowToPolicy(text);
            policy = { clock, calendar };
            policies.set(text, policy);
          }
          return policy;
        };
        const cases: ReportCase[] = rows.map((r) => ({
          id: r.id,
          number: Number(r.number),
          team: r.team,
          topic: r.topic,
          customer: { id: r.customerId },
          createdAt: fromMs(r.createdAt),
          policy: policyOf(r.policy),
        }));
        const events = await eventsOf(
          db,
          cases.map((c) => c.id),
        );
        return cases.map((c) => ({ case: c, events: events.get(c.id) ?? [] }));
      }),

    timeline: (caseId) =>
      read(async () => {
        const [row] = await db.query<CaseFields>(
          sql`SELECT ${raw(CASE_FIELDS)} FROM cases WHERE id = ${caseId}`,
        );
        if (row === undefined) return null;
        const events = await db.query<EventFields>(
          sql`SELECT ${raw(EVENT_FIELDS)} FROM case_events WHERE case_id = ${caseId} ORDER BY seq`,
        );
        const notices = await db.query<OutboxFields>(
          sql`SELECT ${raw(OUTBOX_FIELDS)} FROM outbox WHERE case_id = ${caseId} ORDER BY created_at, seq`,
        );
        return {
          case: rowToCase(row),
          events: events.map(rowToEvent),
          notices: notices.map(rowToOutboxEntry),
        };
      }),
  };
}
