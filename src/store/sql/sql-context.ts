// What each part of the SQL store shares: the database, the dialect, and how operations take
// turns (SQLite queues them on its one connection; PostgreSQL runs them at once).
import { empty, join, type Sql, sqltag as sql } from './sql-tag.ts';
import type { ClaimedNotice, ClaimedTimer } from '../../core/model.ts';
import type { ClaimOptions } from '../../core/ports.ts';
import type { AnswerSearchStatement } from './answer-bank.ts';
import type { SqlDb, SqlRunner } from './sql-db.ts';

export interface SqlDialect {
  claimTimers(db: SqlDb, options: ClaimOptions): Promise<ClaimedTimer[]>;
  claimNotices(db: SqlDb, options: ClaimOptions): Promise<ClaimedNotice[]>;
  /** Runs one store operation; SQLite queues them (one connection), PostgreSQL runs them at once. */
  turn<T>(operation: () => Promise<T>): Promise<T>;
  /** Runs a read-only operation (SQLite may run it at once when nothing is queued); default: turn. */
  read?<T>(operation: () => Promise<T>): Promise<T>;
  /** A case's new rows written as one statement (data-modifying WITH: PostgreSQL); default false. */
  writesInOneStatement?: boolean;
  /** The larger of two values: SQLite's scalar max(a, b), PostgreSQL's GREATEST(a, b). */
  greatest(a: Sql, b: Sql): Sql;
  /**
   * A column compared as a filter only, never as a way into an index: SQLite's `+column` (its
   * planner would otherwise walk a team's index and sort every row it finds, where a long read in
   * pages should walk the primary key); PostgreSQL's planner weighs both, so the column as it is.
   */
  filterOnly(column: Sql): Sql;
  /** The answer bank's full-text search (SQLite FTS5, PostgreSQL tsvector). */
  searchAnswers: AnswerSearchStatement;
}

export interface SqlStoreContext {
  db: SqlDb;
  dialect: SqlDialect;
  turn: SqlDialect['turn'];
  read: NonNullable<SqlDialect['read']>;
}

/** INTEGER columns are 32-bit on both databases: larger comparison bounds are clamped. */
export const INT32_MAX = 2_147_483_647;
export const count = (rows: { n: bigint | number }[]) => Number(rows[0]?.n ?? 0);
/** What a `SELECT count(*) AS n …` statement counts. */
export const countOf = async (db: SqlRunner, statement: Sql): Promise<number> =>
  count(await db.query(statement));
/** The instant a `SELECT min(…) AS "at" …` statement finds (epoch ms), or null when none. */
export async function instantOf(db: SqlRunner, statement: Sql): Promise<Date | null> {
  const [row] = await db.query<{ at: bigint | number | string | null }>(statement);
  return row?.at === null || row?.at === undefined ? null : new Date(Number(row.at));
}
export const where = (conditions: Sql[]) =>
  conditions.length > 0 ? sql`WHERE ${join(conditions, ' AND ')}` : empty;
