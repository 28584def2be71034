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
  rowToCase,
  rowToEvent,
  rowToOutboxEntry,
} from './rows.ts';
import type { SqlStoreContext } from './sql-context.ts';
import type { SqlRunner } from './sql-db.ts';

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
        const { page } = query;
        // Pages walk the primary key: the team is only a filter there (see SqlDialect.filterOnly).
        const teamColumn = page ? dialect.filterOnly(raw('team')) : raw('team');
        const team = query.team === undefined ? empty : sql`AND ${teamColumn} = ${query.team}`;
        const limit = query.limit === undefined ? empty : sql`LIMIT ${Math.max(0, Math.floor(query.limit))}`;
        const from = query.from.getTime();
        const counted = query.changedOnly
          ? sql`updated_at >= ${from}`
          : sql`(status IN (${join([...ACTIVE_STATUSES])}) OR updated_at >= ${from})`;
        const after = page?.after ? sql`AND id > ${page.after}` : empty;
        const order = page
          ? sql`ORDER BY id LIMIT ${Math.max(0, Math.floor(page.size))}`
          : sql`ORDER BY created_at DESC, "number" DESC ${limit}`;
        const rows = await db.query<CaseFields>(sql`
          SELECT ${raw(CASE_FIELDS)} FROM cases
          WHERE created_at < ${query.to.getTime()} ${team} AND ${counted} ${after} ${order}`);
        const cases: Case[] = rows.map(rowToCase);
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
