// The answer bank's search on SQLite: FTS5 (the external-content table answer_bank_fts of migration
// 20261211000000_answer_bank, which indexes live entries only), ranked by bm25.
import { join, type Sql, sqltag as sql } from '../sql/sql-tag.ts';
import type { AnswerSearch } from '../../core/ports.ts';
import { answerFields, answerFilters } from '../sql/answer-bank.ts';

/**
 * An FTS5 MATCH expression finding any of the words: each a quoted string (a double quote inside
 * doubled), so nothing in them is read as an operator (AND, OR, NOT, NEAR, *, -, ^, :, parentheses).
 */
export const ftsMatch = (terms: readonly string[]): string =>
  terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ');

/** The statement the bench times against the raw FTS query. */
export function sqliteAnswerSearch(terms: readonly string[], query: AnswerSearch): Sql {
  return sql`
    SELECT ${answerFields()} FROM answer_bank_fts f JOIN answer_bank a ON a.seq = f.rowid
    WHERE answer_bank_fts MATCH ${ftsMatch(terms)} AND ${join(answerFilters(query), ' AND ')}
    ORDER BY f.rank LIMIT ${query.limit}`;
}
