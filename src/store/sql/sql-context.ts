// What each part of the SQL store shares: the database, the dialect, and how operations take
// turns (SQLite queues them on its one connection; PostgreSQL runs them at once).
import { empty, join, type Sql, sqltag as sql } from './sql-tag.ts';
import type { ClaimedNotice, ClaimedTimer } from '../../core/model.ts';
import type { ClaimOptions } from '../../core/ports.ts';
import type { SqlDb } from './sql-db.ts';

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

export interface SqlStoreContext {
  db: SqlDb;
  dialect: SqlDialect;
  turn: SqlDialect['turn'];
  read: NonNullable<SqlDialect['read']>;
}

/** INTEGER columns are 32-bit on both databases: larger comparison bounds are clamped. */
export const INT32_MAX = 2_147_483_647;
export const count = (rows: { n: bigint | number }[]) => Number(rows[0]?.n ?? 0);
export const where = (conditions: Sql[]) =>
  conditions.length > 0 ? sql`WHERE ${join(conditions, ' AND ')}` : empty;
