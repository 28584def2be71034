// The SQLite store's connection: better-sqlite3 directly, with prepared statements cached by their
// text, and GROUP COMMIT. Every store operation takes its turn on the one connection; the turns
// that queue up while the previous group is being written run together in ONE transaction, each
// inside its own savepoint (a failing operation rolls back alone), and none of them is answered
// before that transaction has committed. Durability stays WAL + synchronous=FULL (an fsync per
// commit); under load one fsync serves every operation of the group instead of one each. An idle
// store (no group for IDLE_AFTER_MS) does not wait a turn of the event loop for company: its next
// operation runs right after the task that asked.
//
// The statements are tagged SQL (sql-tag.ts; the same text the PostgreSQL store runs through Prisma);
// only the execution is direct: a Prisma raw query costs ~0.15 ms of JavaScript on this path,
// a cached better-sqlite3 statement a few microseconds.
import Database from 'better-sqlite3';
import type { Sql, SqlDb, SqlRunner } from '../sql/sql-db.ts';
import { BACKSTOP_PAGES, type Checkpointer, startCheckpointer } from './checkpointer.ts';

/** How long a connection waits for another process's write lock before failing, in ms. */
export const BUSY_TIMEOUT_MS = 5_000;
/**
 * A store whose last group ended longer ago than this is idle: its next operation runs at once
 * rather than after a turn of the event loop spent waiting for others to share its commit.
 */
export const IDLE_AFTER_MS = 2;
/** Groups committed before the checkpoint worker starts: small and idle stores never need one. */
export const CHECKPOINTER_AFTER_GROUPS = 200;

interface Waiting {
  operation: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitDb {
  db: SqlDb;
  /** Runs one store operation in the next group (see the header). */
  turn<T>(operation: () => Promise<T>): Promise<T>;
  /**
   * Runs a read-only operation: at once, in a read transaction of its own, when no group is
   * queued or being written (it sees only committed data, and nothing waits behind it); else in
   * the next group like any other.
   */
  read<T>(operation: () => Promise<T>): Promise<T>;
  /** Figures for tests and benchmarks: groups committed and operations in them. */
  stats(): { groups: number; operations: number; largestGroup: number };
}

export function openGroupCommitDb(file: string): GroupCommitDb {
  const connection = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  let checkpointer: Checkpointer | null = null;
  const statements = new Map<string, Database.Statement>();
  const prepare = (statement: Sql): Database.Statement => {
    let prepared = statements.get(statement.sql);
    if (!prepared) {
      prepared = connection.prepare(statement.sql);
      statements.set(statement.sql, prepared);
    }
    return prepared;
  };
  const values = (statement: Sql) => statement.values.map(bindable);

  let closed = false;
  let closeAfterGroup = false;
  let inGroup = false;
  let depth = 0;
  const checkOpen = () => {
    if (closed) throw new Error('the SQLite store is closed');
  };

  const runner: SqlRunner = {
    query: async <T>(statement: Sql) => {
      checkOpen();
      const prepared = prepare(statement);
      const args = values(statement);
      return (prepared.reader ? prepared.all(...args) : (prepared.run(...args), [])) as T[];
    },
    execute: async (statement) => {
      checkOpen();
      return prepare(statement).run(...values(statement)).changes;
    },
  };

  // A transaction inside a group is a nested savepoint; outside one (never, in the store: every
  // operation runs in a group) it would be a transaction of its own.
  const transaction = async <T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> => {
    checkOpen();
    const name = `tx${depth++}`;
    connection.exec(inGroup ? `SAVEPOINT ${name}` : 'BEGIN IMMEDIATE');
    try {
      const result = await work(runner);
      connection.exec(inGroup ? `RELEASE ${name}` : 'COMMIT');
      return result;
    } catch (error) {
      connection.exec(inGroup ? `ROLLBACK TO ${name}; RELEASE ${name}` : 'ROLLBACK');
      throw error;
    } finally {
      depth--;
    }
  };

  const closeNow = () => {
    closed = true;
    connection.close();
    void checkpointer?.stop();
  };

  let queue: Waiting[] = [];
  let scheduled = false;
  let running = false;
  const counts = { groups: 0, operations: 0, largestGroup: 0 };

  let reading = false;
  /** When the last group finished (performance.now()), to tell a busy store from an idle one. */
  let lastGroupEnd = Number.NEGATIVE_INFINITY;
  const schedule = () => {
    if (scheduled || running || queue.length === 0) return;
    scheduled = true;
    // Busy (a group ended moments ago): setImmediate, so every request that arrived with this poll
    // of the event loop queues its operation first and they share the group. Idle: nothing else is
    // coming to share it, so run right after the current task (whatever it queued joins) instead
    // of waiting a turn of the loop.
    if (performance.now() - lastGroupEnd < IDLE_AFTER_MS) setImmediate(() => void runGroup());
    else queueMicrotask(() => void runGroup());
  };

  const runGroup = async () => {
    scheduled = false;
    if (reading) {
      schedule(); // a read started outside the groups is still running: come back after it
      return;
    }
    running = true;
    const group = queue;
    queue = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      checkOpen();
      connection.exec('BEGIN IMMEDIATE');
      inGroup = true;
      for (const waiting of group) {
        if (closeAfterGroup) {
          outcomes.push({ ok: false, value: new Error('the SQLite store is closed') });
          continue;
        }
        connection.exec('SAVEPOINT op');
        try {
          const value = await waiting.operation();
          connection.exec('RELEASE op');
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (connection.inTransaction) connection.exec('ROLLBACK TO op; RELEASE op');
          outcomes.push({ ok: false, value: error });
        }
      }
      inGroup = false;
      connection.exec('COMMIT');
      group.forEach((waiting, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome?.value);
      });
      counts.groups++;
      counts.operations += group.length;
      counts.largestGroup = Math.max(counts.largestGroup, group.length);
      if (counts.groups === CHECKPOINTER_AFTER_GROUPS && !checkpointer) {
        connection.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
        checkpointer = startCheckpointer(file, BUSY_TIMEOUT_MS);
      }
    } catch (error) {
      // BEGIN or COMMIT failed (another process held the lock past the timeout, disk full, …):
      // nothing of this group was stored, and every operation in it is told so.
      inGroup = false;
      if (!closed && connection.inTransaction) connection.exec('ROLLBACK');
      for (const waiting of group) waiting.reject(error);
    } finally {
      running = false;
      lastGroupEnd = performance.now();
      if (closeAfterGroup && !closed) closeNow();
      if (closed)
        for (const waiting of queue.splice(0)) waiting.reject(new Error('the SQLite store is closed'));
      schedule();
    }
  };

  const db: SqlDb = {
    ...runner,
    transaction,
    close: async () => {
      if (closed) return;
      // Called as the group's last operation: the connection closes once the group has committed.
      if (inGroup) closeAfterGroup = true;
      else closeNow();
    },
  };

  const turnOf = <T>(operation: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      if (closed || closeAfterGroup) {
        reject(new Error('the SQLite store is closed'));
        return;
      }
      queue.push({ operation, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    });

  return {
    db,
    turn: turnOf,
    read: async <T>(operation: () => Promise<T>): Promise<T> => {
      if (closed || closeAfterGroup) throw new Error('the SQLite store is closed');
      if (running || scheduled || reading || queue.length > 0) return turnOf(operation);
      reading = true;
      connection.exec('BEGIN');
      try {
        return await operation();
      } finally {
        if (connection.inTransaction) connection.exec('COMMIT');
        reading = false;
      }
    },
    stats: () => ({ ...counts }),
  };
}

/** better-sqlite3 binds numbers, bigints, strings, buffers and null; booleans are stored as 0/1. */
function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  if (value instanceof Date) return BigInt(value.getTime());
  return value;
}
