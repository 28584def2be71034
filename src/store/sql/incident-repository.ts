// Incidents in SQL, the same statements on SQLite and PostgreSQL: read, list, and the write that
// runs alone (saveIncident) or inside a case's commit (CaseChange.incident, writeIncident).
import { CoreError } from '../../core/errors.ts';
import type { Incident, IncidentStatus, IncidentUpdate } from '../../core/model.ts';
import type { IncidentRepository, IncidentWrite } from '../../core/ports.ts';
import { decodeJson, encodeJson } from './json-with-dates.ts';
import { type Columns, fromMs, toMs } from './rows.ts';
import type { SqlRunner } from './sql-db.ts';
import { type SqlStoreContext, where } from './sql-context.ts';
import { empty, join, raw, type Sql, sqltag as sql } from './sql-tag.ts';

type Int = bigint | number;

const FIELDS =
  'id, team, topic, status, title, words, burst, alerted_at AS "alertedAt", declared_at AS "declaredAt", ' +
  'declared_by AS "declaredBy", updates, resolved_at AS "resolvedAt", summary, version';

interface IncidentFields {
  id: string;
  team: string;
  topic: string;
  status: string;
  title: string;
  words: string;
  burst: Int;
  alertedAt: Int;
  declaredAt: Int | null;
  declaredBy: string | null;
  updates: string;
  resolvedAt: Int | null;
  summary: string;
  version: Int;
}

const orNull = (d: Date | null) => (d === null ? null : toMs(d));

function columnsOf(i: Incident): Columns {
  return {
    id: i.id,
    team: i.team,
    topic: i.topic,
    status: i.status,
    title: i.title,
    words: i.words,
    burst: i.burst,
    alerted_at: toMs(i.alertedAt),
    declared_at: orNull(i.declaredAt),
    declared_by: i.declaredBy,
    updates: encodeJson(i.updates),
    resolved_at: orNull(i.resolvedAt),
    summary: i.summary,
    version: i.version,
  };
}

function rowToIncident(r: IncidentFields): Incident {
  return {
    id: r.id,
    team: r.team,
    topic: r.topic,
    status: r.status as IncidentStatus,
    title: r.title,
    words: r.words,
    burst: Number(r.burst),
    alertedAt: fromMs(r.alertedAt),
    declaredAt: r.declaredAt === null ? null : fromMs(r.declaredAt),
    declaredBy: r.declaredBy,
    updates: decodeJson<IncidentUpdate[]>(r.updates),
    resolvedAt: r.resolvedAt === null ? null : fromMs(r.resolvedAt),
    summary: r.summary,
    version: Number(r.version),
  };
}

/** Inserts or updates at the version read, in the caller's transaction; `conflict` otherwise. */
export async function writeIncident(tx: SqlRunner, write: IncidentWrite): Promise<void> {
  const columns = columnsOf(write.incident);
  const names = Object.keys(columns);
  let count: number;
  if (write.expectedVersion === null) {
    count = await tx.execute(sql`
      INSERT INTO incidents (${join(names.map((n) => raw(`"${n}"`)))})
      VALUES (${join(names.map((n) => columns[n] ?? null))}) ON CONFLICT (id) DO NOTHING`);
  } else {
    const { id, ...rest } = columns;
    const sets = Object.entries(rest).map(([n, v]) => sql`${raw(`"${n}"`)} = ${v}`);
    count = await tx.execute(sql`
      UPDATE incidents SET ${join(sets)} WHERE id = ${id ?? ''} AND version = ${write.expectedVersion}`);
  }
  if (count !== 1) throw new CoreError('conflict', 'error.conflict');
}

export function sqlIncidentRepository({ db, turn, read }: SqlStoreContext): IncidentRepository {
  return {
    getIncident: (id) =>
      read(async () => {
        const [row] = await db.query<IncidentFields>(
          sql`SELECT ${raw(FIELDS)} FROM incidents WHERE id = ${id}`,
        );
        return row ? rowToIncident(row) : null;
      }),
    listIncidents: (query) =>
      read(async () => {
        if (query.statuses?.length === 0) return [];
        const conditions: Sql[] = [];
        if (query.team !== undefined) conditions.push(sql`team = ${query.team}`);
        if (query.topic !== undefined) conditions.push(sql`topic = ${query.topic}`);
        if (query.statuses !== undefined) conditions.push(sql`status IN (${join([...query.statuses])})`);
        const limit = query.limit !== undefined ? sql`LIMIT ${query.limit}` : empty;
        const rows = await db.query<IncidentFields>(
          sql`SELECT ${raw(FIELDS)} FROM incidents ${where(conditions)} ORDER BY alerted_at DESC, id DESC ${limit}`,
        );
        return rows.map(rowToIncident);
      }),
    saveIncident: (write) => turn(() => db.transaction((tx) => writeIncident(tx, write))),
  };
}
