// The answer bank's search on PostgreSQL: the `search` tsvector each entry has in its own language
// (migration 20261211000000_answer_bank) and its GIN index over live entries, ranked by ts_rank.
import { join, raw, type Sql, sqltag as sql } from '../sql/sql-tag.ts';
import type { AnswerSearch } from '../../core/ports.ts';
import { type AnswerFields, answerFields, answerFilters } from '../sql/answer-bank.ts';
import type { SqlRunner } from '../sql/sql-db.ts';

/** The text search configuration of each language; any other locale uses `simple`. */
const CONFIGS = { en: 'english', fr: 'french' } as const;
const OTHER = 'simple';

/**
 * A to_tsquery input finding any of the words: each quoted (a quote or backslash inside escaped),
 * joined by `|`. to_tsquery then stems each in the configuration and drops its stop words; a query
 * of stop words only becomes empty and matches nothing.
 */
export const anyOf = (terms: readonly string[]): string =>
  terms.map((t) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`).join(' | ');

const configOf = (locale: string | undefined): string =>
  locale !== undefined && locale in CONFIGS ? CONFIGS[locale as keyof typeof CONFIGS] : OTHER;

export const postgresAnswerSearch = (
  db: SqlRunner,
  terms: readonly string[],
  query: AnswerSearch,
  limit: number,
): Promise<AnswerFields[]> => db.query<AnswerFields>(searchStatement(terms, query, limit));

export function searchStatement(terms: readonly string[], query: AnswerSearch, limit: number): Sql {
  const words = anyOf(terms);
  // The configurations are constants of this file, written into the statement (planned once).
  const tsquery = (config: string) => sql`to_tsquery(${raw(`'${config}'::regconfig`)}, ${words})`;
  // Each entry is matched with the query stemmed in its own language: one GIN probe per language
  // when the locale is open, a single one when it is given.
  const languages = Object.entries(CONFIGS);
  const known = languages.map(([locale]) => locale);
  const matches =
    query.locale !== undefined
      ? sql`a.search @@ ${tsquery(configOf(query.locale))}`
      : sql`(${join(
          [
            ...languages.map(
              ([locale, config]) => sql`(a.locale = ${locale} AND a.search @@ ${tsquery(config)})`,
            ),
            sql`(a.locale NOT IN (${join(known)}) AND a.search @@ ${tsquery(OTHER)})`,
          ],
          ' OR ',
        )})`;
  const rank =
    query.locale !== undefined
      ? sql`ts_rank(a.search, ${tsquery(configOf(query.locale))})`
      : sql`ts_rank(a.search, CASE ${join(
          languages.map(([locale, config]) => sql`WHEN a.locale = ${locale} THEN ${tsquery(config)}`),
          ' ',
        )} ELSE ${tsquery(OTHER)} END)`;
  return sql`
    SELECT ${answerFields()} FROM answer_bank a
    WHERE ${matches} AND ${join(answerFilters(query), ' AND ')}
    ORDER BY ${rank} DESC, a.seq DESC LIMIT ${limit}`;
}
