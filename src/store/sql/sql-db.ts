// The little a SQL store needs from a database client: run a statement, run a transaction.
// SQLite provides it with better-sqlite3 (sqlite/group-commit.ts), PostgreSQL with
// node-postgres with group commit (postgres/client.ts). Statements are tagged SQL (sql-tag.ts): each
// client renders the placeholders its database wants.
import type { Sql } from './sql-tag.ts';

export type { Sql };

export interface SqlRunner {
  query<T>(statement: Sql): Promise<T[]>;
  /** Returns the number of rows changed. */
  execute(statement: Sql): Promise<number>;
}

export interface SqlDb extends SqlRunner {
  /** Runs `work` in one transaction, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
