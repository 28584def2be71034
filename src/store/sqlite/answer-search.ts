// The answer bank's search on SQLite: FTS5 (the external-content table answer_bank_fts of migration
// 20261211000000_answer_bank, which indexes live entries only), ranked by bm25.
//
// FTS5 ranks every row a MATCH finds before it can keep the best few, so a query holding one common
// word ranks thousands of entries (6 to 12 ms at 100,000 entries for "any of the words", bench/answer-bank.ts). The search
// therefore counts first how many entries each word is in (stopping at RARE_CAP, through the index)
// and matches on the rarest words only: those that tell entries apart, as bm25's weights would
// anyway. The caller re-ranks the candidates by how much of the whole query each covers.
import { join, raw, type Sql, sqltag as sql } from '../sql/sql-tag.ts';
import type { AnswerSearch } from '../../core/ports.ts';
import { type AnswerFields, answerFields, answerFilters } from '../sql/answer-bank.ts';
import type { SqlRunner } from '../sql/sql-db.ts';

/** Words in more entries than this count as common (0.5% of a 100,000-entry bank). */
export const RARE_CAP = 500;
/** At most this many of the rarest words are matched, as long as they are in RARE_CAP entries together. */
export const RARE_WORDS = 4;

/**
 * An FTS5 MATCH expression finding any of the words: each a quoted string (a double quote inside
 * doubled), so nothing in them is read as an operator (AND, OR, NOT, NEAR, *, -, ^, :, parentheses).
 */
export const ftsMatch = (terms: readonly string[]): string =>
  terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ');

/** How many live entries hold each word, counted up to RARE_CAP (one statement). */
export const wordCounts = (terms: readonly string[]): Sql =>
  sql`SELECT ${join(
    terms.map(
      (term, i) => sql`(SELECT count(*) FROM (SELECT 1 FROM answer_bank_fts
        WHERE answer_bank_fts MATCH ${ftsMatch([term])} LIMIT ${RARE_CAP})) AS ${raw(`"n${i}"`)}`,
    ),
    ', ',
  )}`;

/** The rarest words found at all: the first, then more while they stay rare together. */
export function rarest(terms: readonly string[], counts: readonly number[]): string[] {
  const found = terms
    .map((term, i) => ({ term, n: counts[i] ?? 0 }))
    .filter((w) => w.n > 0)
    .sort((a, b) => a.n - b.n);
  const chosen: string[] = [];
  let total = 0;
  for (const w of found) {
    if (chosen.length > 0 && (chosen.length === RARE_WORDS || total + w.n > RARE_CAP)) break;
    chosen.push(w.term);
    total += w.n;
  }
  return chosen;
}

/**
 * The candidates' statement: entries holding any of `words`, best bm25 first. Without a topic or
 * locale the best are picked in the index before the entries are read (only live entries are
 * indexed); with one, each match is read to be filtered.
 */
export function candidates(words: readonly string[], query: AnswerSearch, limit: number): Sql {
  const match = ftsMatch(words);
  const filters = join(answerFilters(query), ' AND ');
  if (query.topic === undefined && query.locale === undefined) {
    return sql`
      SELECT ${answerFields()} FROM (
        SELECT rowid, rank FROM answer_bank_fts WHERE answer_bank_fts MATCH ${match} ORDER BY rank LIMIT ${limit}
      ) f JOIN answer_bank a ON a.seq = f.rowid
      WHERE ${filters} ORDER BY f.rank`;
  }
  return sql`
    SELECT ${answerFields()} FROM answer_bank_fts f JOIN answer_bank a ON a.seq = f.rowid
    WHERE answer_bank_fts MATCH ${match} AND ${filters}
    ORDER BY f.rank LIMIT ${limit}`;
}

export async function sqliteAnswerSearch(
  db: SqlRunner,
  terms: readonly string[],
  query: AnswerSearch,
  limit: number,
): Promise<AnswerFields[]> {
  const [row] = await db.query<Record<string, bigint | number>>(wordCounts(terms));
  const words = rarest(
    terms,
    terms.map((_, i) => Number(row?.[`n${i}`] ?? 0)),
  );
  if (words.length === 0) return [];
  return db.query<AnswerFields>(candidates(words, query, limit));
}
