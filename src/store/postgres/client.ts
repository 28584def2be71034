// The PostgreSQL store's connection: node-postgres (pg) directly, a pool of connections, each
// transaction on its own pooled connection (BEGIN … COMMIT). The statements are the same tagged
// SQL as before ($1, $2, … placeholders, values always bound by the driver, never spliced); only
// the client changed. Through Prisma's interactive transactions each statement cost ~1 ms of
// JavaScript and the transaction held the workspace's case counter row that much longer, which
// capped intake at ~0.2 × a raw pg program writing the same rows (bench/intake.ts). Durability is
// PostgreSQL's own: an operation is answered only after its COMMIT has returned (synchronous_commit
// as the server is configured; concurrent commits share WAL flushes on the server, which is
// PostgreSQL's group commit).
import pg from 'pg';
import type { SqlDb, SqlRunner } from '../sql/sql-db.ts';

/** Waiting for a pooled connection, in ms (a full pool fails the operation after this). */
export const CONNECT_TIMEOUT_MS = 10_000;
/** A transaction running longer than this is rolled back at its next statement, in ms. */
export const TRANSACTION_TIMEOUT_MS = 20_000;

// BIGINT (int8) columns come back as bigint, as the row mappers expect (rows.ts), and as Prisma
// handed them; pg's default is a string.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (value: string) => BigInt(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** pg binds bigint as text itself; undefined is stored as NULL. */
const bindable = (values: readonly unknown[]) => values.map((v) => (v === undefined ? null : v));

const runnerOf = (client: pg.Pool | pg.PoolClient, check: () => void = () => {}): SqlRunner => ({
  query: async <T>(statement: { text: string; values: unknown[] }) => {
    check();
    const result = await client.query({ text: statement.text, values: bindable(statement.values) });
    return result.rows as T[];
  },
  execute: async (statement) => {
    check();
    const result = await client.query({ text: statement.text, values: bindable(statement.values) });
    return result.rowCount ?? 0;
  },
});

export function postgresDb(config: pg.PoolConfig): SqlDb {
  const pool = new pg.Pool({ ...config, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server ended (restart, terminated backend) leaves the pool by itself;
  // without a listener the error would end the process.
  pool.on('error', () => {});
  return {
    ...runnerOf(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      const deadline = performance.now() + TRANSACTION_TIMEOUT_MS;
      const check = () => {
        if (performance.now() > deadline) {
          throw new Error(`transaction ran longer than ${TRANSACTION_TIMEOUT_MS} ms: rolled back`);
        }
      };
      // A connection whose ROLLBACK failed (it broke mid-transaction) is dropped, not reused.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(runnerOf(client, check));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
