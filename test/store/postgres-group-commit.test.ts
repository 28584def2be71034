// The PostgreSQL connection's group commit (src/store/postgres/client.ts): transactions asked for
// together share one database transaction, each in its own savepoint, and none is answered before
// that transaction has committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDb } from '../../src/store/postgres/client.ts';
import { postgresConnection } from '../../src/store/postgres/connection.ts';
import { sqltag as sql } from '../../src/store/sql/sql-tag.ts';
import { createSchema, PG_SKIP, pgTitle, type TestSchema } from '../fixtures/postgres.ts';

describe.skipIf(PG_SKIP !== null)(pgTitle('group commit (PostgreSQL)'), () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createSchema();
    await schema.query('CREATE TABLE t (x INTEGER PRIMARY KEY)');
  });
  afterAll(async () => {
    await schema?.drop();
  });
  const open = () => postgresDb(postgresConnection(schema.url).pool);
  // What another connection sees: only committed rows.
  const committed = async () =>
    (await schema.query<{ x: number }>('SELECT x FROM t ORDER BY x')).map((r) => r.x);
  const insert = (db: ReturnType<typeof open>, x: number) =>
    db.transaction((tx) => tx.execute(sql`INSERT INTO t (x) VALUES (${x})`));

  it('answers each transaction only once its group is committed, in few groups', async () => {
    await schema.query('DELETE FROM t');
    const db = open();
    try {
      const seen: number[][] = [];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          insert(db, i + 1).then(async () => seen.push(await committed())),
        ),
      );
      for (const rows of seen) expect(rows.length).toBeGreaterThanOrEqual(1);
      // Every answer came after its own row was committed: the first answer already saw a group.
      expect(seen[0]?.length).toBeGreaterThan(1);
      expect(await committed()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(db.stats().operations).toBe(20);
      expect(db.stats().groups).toBeLessThan(20);
    } finally {
      await db.close();
    }
  });

  it('rolls back a failing transaction alone; the rest of its group commits', async () => {
    await schema.query('DELETE FROM t');
    const db = open();
    try {
      const outcomes = await Promise.allSettled([
        insert(db, 1),
        db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO t (x) VALUES (${2})`);
          await tx.execute(sql`INSERT INTO t (x) VALUES (${1})`); // duplicate key: fails
        }),
        insert(db, 3),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await committed()).toEqual([1, 3]);
    } finally {
      await db.close();
    }
  });

  it('reads BIGINT columns as bigint', async () => {
    const db = open();
    try {
      const [row] = await db.query<{ n: unknown }>(sql`SELECT CAST(9007199254740993 AS BIGINT) AS n`);
      expect(row?.n).toBe(9007199254740993n);
    } finally {
      await db.close();
    }
  });
});
