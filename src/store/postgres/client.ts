// The PostgreSQL store's connection: node-postgres (pg) directly, a pool of connections, and GROUP
// COMMIT for transactions. The statements are the same tagged SQL as before ($1, $2, …
// placeholders, values always bound by the driver, never spliced).
//
// Group commit, as on SQLite (sqlite/group-commit.ts): the transactions asked for while earlier
// groups are being written run together in ONE database transaction on one pooled connection, each
// inside its own savepoint (a failing one rolls back alone), and none is answered before that
// transaction's COMMIT has returned: nothing is acknowledged before it is committed. Up to
// GROUPS_AT_ONCE groups run at once, each on its own connection. Why: every new case takes its
// workspace's case counter row first and holds it until commit, so one transaction per case
// queues each case behind the previous one's round trips and commit; in a group the lock and the
// commit are taken once for the whole group. A savepoint that loses a deadlock to another group
// (or another replica) rolls back alone and its transaction runs again in a later group.
//
// Plain reads and single statements (claims) run on the pool at once, outside the groups.
import pg from 'pg';
import type { SqlDb, SqlRunner } from '../sql/sql-db.ts';

/** Waiting for a pooled connection, in ms (a full pool fails the operation after this). */
export const CONNECT_TIMEOUT_MS = 10_000;
/** A group running longer than this is rolled back at its next statement, in ms. */
export const TRANSACTION_TIMEOUT_MS = 20_000;
/** Groups in flight at once (each holds one pooled connection). */
export const GROUPS_AT_ONCE = 4;
/** A transaction that lost a deadlock runs again in a later group at most this many times. */
const DEADLOCK_RETRIES = 5;
/** PostgreSQL's deadlock_detected and lock_not_available. */
const RETRYABLE = new Set(['40P01', '55P03']);

// BIGINT (int8) columns come back as bigint, as the row mappers expect (rows.ts); pg's default is
// a string.
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

interface Waiting {
  work: (tx: SqlRunner) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  retries: number;
}

export interface PostgresDb extends SqlDb {
  /** Figures for tests and benchmarks: groups committed and transactions in them. */
  stats(): { groups: number; operations: number; largestGroup: number; retried: number };
}

export function postgresDb(config: pg.PoolConfig): PostgresDb {
  const pool = new pg.Pool({ ...config, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server ended (restart, terminated backend) leaves the pool by itself;
  // without a listener the error would end the process.
  pool.on('error', () => {});
  const counts = { groups: 0, operations: 0, largestGroup: 0, retried: 0 };
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  let closed = false;

  const schedule = () => {
    if (scheduled || closed || queue.length === 0 || inFlight >= GROUPS_AT_ONCE) return;
    scheduled = true;
    // After the current task: every transaction asked for in it joins the group.
    queueMicrotask(() => {
      scheduled = false;
      if (queue.length === 0 || inFlight >= GROUPS_AT_ONCE) return;
      const group = queue;
      queue = [];
      inFlight++;
      void runGroup(group).finally(() => {
        inFlight--;
        schedule();
      });
      schedule();
    });
  };

  const runGroup = async (group: Waiting[]) => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    const deadline = performance.now() + TRANSACTION_TIMEOUT_MS;
    const check = () => {
      if (performance.now() > deadline) {
        throw new Error(`transaction ran longer than ${TRANSACTION_TIMEOUT_MS} ms: rolled back`);
      }
    };
    const tx = runnerOf(client, check);
    const outcomes: { ok: boolean; value: unknown }[] = [];
    const again: Waiting[] = [];
    // A connection whose ROLLBACK failed (it broke mid-transaction) is dropped, not reused.
    let broken: Error | undefined;
    try {
      // Savepoint bookkeeping rides along in one round trip: BEGIN with the first savepoint, and
      // each release with the next savepoint (COMMIT takes the last one with it).
      await client.query('BEGIN; SAVEPOINT op');
      for (const [i, waiting] of group.entries()) {
        const next = i < group.length - 1;
        try {
          const value = await waiting.work(tx);
          if (next) await client.query('RELEASE SAVEPOINT op; SAVEPOINT op');
          outcomes.push({ ok: true, value });
        } catch (error) {
          await client.query(`ROLLBACK TO SAVEPOINT op; RELEASE SAVEPOINT op${next ? '; SAVEPOINT op' : ''}`);
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'string' && RETRYABLE.has(code) && waiting.retries < DEADLOCK_RETRIES) {
            waiting.retries++;
            counts.retried++;
            again.push(waiting);
            outcomes.push({ ok: false, value: undefined });
          } else {
            outcomes.push({ ok: false, value: error });
          }
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      // BEGIN, a savepoint or COMMIT failed (connection lost, server shutting down, timeout): the
      // transaction is rolled back as a whole, and every transaction of the group is told so.
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      client.release(broken);
      for (const waiting of group) waiting.reject(error);
      return;
    }
    client.release();
    counts.groups++;
    counts.operations += group.length - again.length;
    counts.largestGroup = Math.max(counts.largestGroup, group.length);
    group.forEach((waiting, i) => {
      if (again.includes(waiting)) return;
      const outcome = outcomes[i];
      if (outcome?.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome?.value);
    });
    if (again.length > 0) {
      queue.push(...again);
      schedule();
    }
  };

  return {
    ...runnerOf(pool),
    transaction: <T>(work: (tx: SqlRunner) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (closed) {
          reject(new Error('the PostgreSQL store is closed'));
          return;
        }
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject, retries: 0 });
        schedule();
      }),
    close: async () => {
      closed = true;
      for (const waiting of queue.splice(0)) waiting.reject(new Error('the PostgreSQL store is closed'));
      await pool.end();
    },
    stats: () => ({ ...counts }),
  };
}
