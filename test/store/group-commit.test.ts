// The SQLite connection's group commit: operations that queue together share one transaction,
// each in its own savepoint, and none is answered before that transaction is on disk.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sqltag as sql } from '../../src/store/sql/sql-tag.ts';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  CHECKPOINTER_AFTER_GROUPS,
  IDLE_AFTER_MS,
  openGroupCommitDb,
} from '../../src/store/sqlite/group-commit.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'group-commit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function open() {
  const file = path.join(dir, `g${++files}.db`);
  const setup = new Database(file);
  setup.exec('CREATE TABLE t (x INTEGER PRIMARY KEY)');
  setup.close();
  const g = openGroupCommitDb(file);
  const insert = (x: number) => g.turn(() => g.db.execute(sql`INSERT INTO t (x) VALUES (${x})`));
  // What another connection (another process) sees: only committed rows.
  const committed = () => {
    const reader = new Database(file, { readonly: true });
    try {
      return (reader.prepare('SELECT x FROM t ORDER BY x').all() as { x: number }[]).map((r) => r.x);
    } finally {
      reader.close();
    }
  };
  return { g, insert, committed, file };
}

describe('group commit (SQLite)', () => {
  it('writes operations queued together in one transaction', async () => {
    const { g, insert, committed } = open();
    await Promise.all([1, 2, 3, 4, 5].map(insert));
    expect(g.stats()).toEqual({ groups: 1, operations: 5, largestGroup: 5 });
    await insert(6);
    expect(g.stats()).toMatchObject({ groups: 2, operations: 6 });
    expect(committed()).toEqual([1, 2, 3, 4, 5, 6]);
    await g.turn(() => g.db.close());
  });

  it('answers each operation only once its group is committed', async () => {
    const { g, insert, committed } = open();
    const seen: number[][] = [];
    await Promise.all([1, 2, 3].map((x) => insert(x).then(() => seen.push(committed()))));
    expect(seen).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
    await g.turn(() => g.db.close());
  });

  it('rolls back a failing operation alone; the rest of its group commits', async () => {
    const { g, insert, committed } = open();
    const results = await Promise.allSettled([
      insert(1),
      g.turn(async () => {
        await g.db.execute(sql`INSERT INTO t (x) VALUES (${2})`);
        await g.db.execute(sql`INSERT INTO t (x) VALUES (${1})`); // duplicate key
      }),
      insert(3),
      g.turn(() =>
        g.db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO t (x) VALUES (${4})`);
          throw new Error('changed my mind');
        }),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(committed()).toEqual([1, 3]);
    expect(g.stats().groups).toBe(1);
    await g.turn(() => g.db.close());
  });

  it('runs a read at once when nothing is queued, and behind queued writes when something is', async () => {
    const { g, insert } = open();
    const xs = () =>
      g.read(async () => (await g.db.query<{ x: number }>(sql`SELECT x FROM t ORDER BY x`)).map((r) => r.x));
    await insert(1);
    expect(await xs()).toEqual([1]);
    expect(g.stats().groups).toBe(1); // no group of its own
    const writing = insert(2);
    expect(await xs()).toEqual([1, 2]); // waited for the write queued before it
    await writing;
    expect(g.stats()).toMatchObject({ groups: 2, largestGroup: 2 });
    await g.turn(() => g.db.close());
  });

  it('idle, runs an operation right after its task; busy, lets the next tasks of that turn join it', async () => {
    // Only performance.now() is faked: the event loop's turns stay real.
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const { g, insert } = open();
      /** Two inserts from two tasks of the same turn of the event loop; the groups they made. */
      const fromTwoTasks = async (a: number, b: number) => {
        const before = g.stats();
        const done: Promise<unknown>[] = [];
        await new Promise<void>((resolve) => {
          setImmediate(() => done.push(insert(a)));
          setImmediate(() => {
            done.push(insert(b));
            resolve();
          });
        });
        await Promise.all(done);
        return g.stats().groups - before.groups;
      };
      vi.advanceTimersByTime(IDLE_AFTER_MS + 1); // idle since opening
      expect(await fromTwoTasks(1, 2)).toBe(2); // the first did not wait for the second
      expect(await fromTwoTasks(3, 4)).toBe(1); // a group just ended: the second joined the first
      expect(g.stats().largestGroup).toBe(2);
      await g.turn(() => g.db.close());
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes after the group that asked, and refuses later operations kindly', async () => {
    const { g, insert, committed } = open();
    const before = insert(1);
    const closing = g.turn(() => g.db.close());
    await expect(insert(2)).rejects.toThrow('the SQLite store is closed');
    await before;
    await closing;
    expect(committed()).toEqual([1]);
    await expect(insert(3)).rejects.toThrow('the SQLite store is closed');
  });

  it('checkpoints the WAL on a worker once the store is busy, off the event loop', async () => {
    const { g, file } = open();
    const filler = 'x'.repeat(3000);
    const write = (x: number) =>
      g.turn(() => g.db.execute(sql`INSERT INTO big (x, y) VALUES (${x}, ${filler})`));
    await g.turn(() => g.db.execute(sql`CREATE TABLE big (x INTEGER PRIMARY KEY, y TEXT)`));
    const before = statSync(file).size;
    // One group at a time, each a commit; far below SQLite's own 1,000-page checkpoint.
    for (let x = 1; x <= CHECKPOINTER_AFTER_GROUPS + 50; x++) await write(x);
    expect(statSync(file).size).toBe(before);
    // Only the worker moves pages into the database file now.
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 100 * 4096), {
      timeout: 5_000,
      interval: 50,
    });
    await g.turn(() => g.db.close());
  });
});
