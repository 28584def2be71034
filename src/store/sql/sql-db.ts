// The little a SQL store needs from a database client: run a statement, run a transaction. Both
// Prisma clients (SQLite, PostgreSQL) provide it through their driver adapters (see */client.ts).
// Statements are Prisma's tagged SQL: placeholders are rendered per provider.
import type { Sql } from '@prisma/client/runtime/client';

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
