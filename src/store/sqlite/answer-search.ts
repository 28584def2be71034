// The answer bank's search on SQLite: FTS5 (the external-content table answer_bank_fts of migration
// 20261211000000_answer_bank, which indexes live entries only), ranked by bm25.
//
// FTS5 ranks every row a MATCH finds before it can keep the best few, so a query holding one common
// word ranks thousands of entries (5 to 12 ms at 100,000 entries for "any of the words", see
// bench/answer-bank.ts). The search therefore counts first how many entries each word is in
// (stopping at RARE_CAP, through the index) and matches on the rarest words only: those that tell
// entries apart, as bm25's weights would anyway. When every word is common, entries holding the two rarest together are the candidates
// (an intersection the index walks quickly), and, fewer than asked, those holding the rarest one.
// The caller re-ranks the candidates by how much of the whole query each covers.
import { join, raw, type Sql, sqltag as sql } from '../sql/sql-tag.ts';
import type { AnswerSearch } from '../../core/ports.ts';
import { type AnswerFields, answerFields, answerFilters } from '../sql/answer-bank.ts';
import type { SqlRunner } from '../sql/sql-db.ts';

/** Words in more entries than this count as common (0.2% of a 100,000-entry bank). */
export const RARE_CAP = 200;
/** At most this many of the rarest words are matched, as long as they are in RARE_CAP entries together. */
export const RARE_WORDS = 4;

/**
 * An FTS5 MATCH expression finding any of the words: each a quoted string (a double quote inside
 * doubled), so nothing in them is read as an operator (AND, OR, NOT, NEAR, *, -, ^, :, parentheses).
 */
export const ftsMatch = (terms: readonly string[], operator: 'OR' | 'AND' = 'OR'): string =>
  terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(` ${operator} `);

/** How many live entries hold each word, counted up to RARE_CAP (one statement). */
export const wordCounts = (terms: readonly string[]): Sql =>
  sql`SELECT ${join(
    terms.map(
      (term, i) => sql`(SELECT count(*) FROM (SELECT 1 FROM answer_bank_fts
        WHERE answer_bank_fts MATCH ${ftsMatch([term])} LIMIT ${RARE_CAP})) AS ${raw(`"n${i}"`)}`,
    ),
    ', ',
  )}`;

/** The words found at all, the rarest first, with their counts (capped at RARE_CAP). */
export const byRarity = (terms: readonly string[], counts: readonly number[]) =>
  terms
    .map((term, i) => ({ term, n: counts[i] ?? 0 }))
    .filter((w) => w.n > 0)
    .sort((a, b) => a.n - b.n);

/** The rarest words found at all: the first, then more while they stay rare together. */
export function rarest(terms: readonly string[], counts: readonly number[]): string[] {
  const found = byRarity(terms, counts);
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
export function candidates(match: string, query: AnswerSearch, limit: number): Sql {
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
  const counts = terms.map((_, i) => Number(row?.[`n${i}`] ?? 0));
  const [first, second] = byRarity(terms, counts);
  if (first === undefined) return [];
  const both =
    first.n >= RARE_CAP && second !== undefined
      ? await db.query<AnswerFields>(candidates(ftsMatch([first.term, second.term], 'AND'), query, limit))
      : [];
  if (both.length >= query.limit) return both;
  const rarer = await db.query<AnswerFields>(candidates(ftsMatch(rarest(terms, counts)), query, limit));
  const seen = new Set(both.map((r) => r.id));
  return [...both, ...rarer.filter((r) => !seen.has(r.id))].slice(0, limit);
}
