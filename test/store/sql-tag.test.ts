// Our tagged SQL against Prisma's (which the PostgreSQL store used to hand to $queryRaw): the same
// text with either placeholder style and the same values, for every construct the stores use.
import * as prisma from '@prisma/client/runtime/client';
import { describe, expect, it } from 'vitest';
import * as ours from '../../src/store/sql/sql-tag.ts';

type Tag = typeof ours | typeof prisma;

const statements = (t: Tag) => {
  const sql = t.sqltag;
  const where = sql`team = ${'finance'} AND level = ${1}`;
  return [
    sql`SELECT 1`,
    sql`SELECT * FROM cases WHERE id = ${'c1'}`,
    sql`SELECT * FROM cases WHERE ${where} ORDER BY "number" ${t.raw('DESC')} ${t.empty}`,
    sql`UPDATE cases SET ${t.join([sql`a = ${1}`, sql`b = ${null}`])} WHERE id = ${'x'} AND version = ${3n}`,
    sql`INSERT INTO t (a, b) VALUES ${t.join([sql`(${1}, ${'x'})`, sql`(${2}, ${'y'})`])}`,
    sql`SELECT ${t.join([1, 2, 3], ' + ', '(', ')')} AS n`,
    sql`${where}`,
    new t.Sql(['UPDATE t SET a = ', ' WHERE b < ', ''], [1, 2]),
  ];
};

describe('tagged SQL', () => {
  it('renders the same text and values as Prisma’s sqltag', () => {
    const expected = statements(prisma).map((s) => [s.sql, s.text, s.values]);
    expect(statements(ours).map((s) => [s.sql, s.text, s.values])).toEqual(expected);
  });

  it('refuses an empty join, as Prisma does', () => {
    expect(() => prisma.join([])).toThrow();
    expect(() => ours.join([])).toThrow('at least one value');
  });
});
