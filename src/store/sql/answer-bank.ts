// The answer bank in SQL (see AnswerBank in src/core/ports.ts). Entries are written by a trigger on
// case_events (migration 20261211000000_answer_bank); this reads, edits and retires them. The search
// itself is the dialect's (SQLite FTS5, PostgreSQL tsvector): both get the query's words from
// searchTerms, never the customer's text, so no text can be an operator of their search syntax.
import { join, raw, type Sql, sqltag as sql } from './sql-tag.ts';
import type { Locale } from '../../core/model.ts';
import type { AnswerBank, AnswerEntry, AnswerMatch, AnswerSearch } from '../../core/ports.ts';
import { coverage, searchTerms } from '../answer-terms.ts';
import { ERASED } from '../redaction.ts';
import { fromMs, toMs } from './rows.ts';
import { type SqlStoreContext, where } from './sql-context.ts';
import type { SqlRunner } from './sql-db.ts';

const COLUMNS = {
  id: 'id',
  caseId: 'case_id',
  topic: 'topic',
  team: 'team',
  locale: 'locale',
  text: 'text',
  source: 'source',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  retiredAt: 'retired_at',
  editedBy: 'edited_by',
};

/** The select list of an entry, from the table aliased `alias`. */
export const answerFields = (alias = 'a'): Sql =>
  raw(
    Object.entries(COLUMNS)
      .map(([field, column]) => `${alias}."${column}" AS "${field}"`)
      .join(', '),
  );

type Int = bigint | number | string;

export interface AnswerFields {
  id: string;
  caseId: string;
  topic: string;
  team: string;
  locale: string;
  text: string;
  source: string;
  createdAt: Int;
  updatedAt: Int;
  retiredAt: Int | null;
  editedBy: string | null;
}

export const rowToAnswer = (r: AnswerFields): AnswerEntry => ({
  id: r.id,
  caseId: r.caseId,
  topic: r.topic,
  team: r.team,
  locale: r.locale as Locale,
  text: r.text,
  source: r.source as AnswerEntry['source'],
  createdAt: fromMs(BigInt(r.createdAt)),
  updatedAt: fromMs(BigInt(r.updatedAt)),
  retiredAt: r.retiredAt === null ? null : fromMs(BigInt(r.retiredAt)),
  editedBy: r.editedBy,
});

/**
 * The dialect's search, run on `db`: live entries sharing words with `terms` (non-empty, letters
 * and digits only), filtered by the query's topic and locale, the database's best first, at most
 * `limit`, selected with answerFields().
 */
export type AnswerSearchStatement = (
  db: SqlRunner,
  terms: readonly string[],
  query: AnswerSearch,
  limit: number,
) => Promise<AnswerFields[]>;

/** Candidates fetched per match asked for, re-ranked by coverage (see AnswerBank.similar). */
const CANDIDATES_PER_MATCH = 4;

/** The topic and locale filters of a search, on the table aliased `a`. */
export function answerFilters(query: AnswerSearch): Sql[] {
  const conditions = [sql`a.retired_at IS NULL`];
  if (query.topic !== undefined) conditions.push(sql`a.topic = ${query.topic}`);
  if (query.locale !== undefined) conditions.push(sql`a.locale = ${query.locale}`);
  return conditions;
}

const byId = async (db: SqlRunner, id: string): Promise<AnswerEntry | null> => {
  const [row] = await db.query<AnswerFields>(
    sql`SELECT ${answerFields()} FROM answer_bank a WHERE a.id = ${id}`,
  );
  return row ? rowToAnswer(row) : null;
};

/**
 * The matches in the order AnswerBank.similar promises: the larger share of the query covered
 * first, ties in the order given (the database's ranking); at most `limit`.
 */
export function rankByCoverage(
  terms: readonly string[],
  entries: readonly AnswerEntry[],
  limit: number,
): AnswerMatch[] {
  return entries
    .map((entry) => ({ entry, score: coverage(terms, entry.text) }))
    .sort((a, b) => b.score - a.score) // stable: ties keep the database's order
    .slice(0, limit);
}

export function sqlAnswerBank(context: SqlStoreContext, search: AnswerSearchStatement): AnswerBank {
  const { db, turn, read } = context;
  return {
    similar: (query) =>
      read(async (): Promise<AnswerMatch[]> => {
        const terms = searchTerms(query.text);
        const limit = Math.max(0, Math.floor(query.limit));
        if (terms.length === 0 || limit === 0) return [];
        const rows = await search(db, terms, query, limit * CANDIDATES_PER_MATCH);
        return rankByCoverage(terms, rows.map(rowToAnswer), limit);
      }),

    get: (id) => read(() => byId(db, id)),

    edit: (id, text, by, at) =>
      turn(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`
            UPDATE answer_bank SET text = ${text}, edited_by = ${by}, updated_at = ${toMs(at)}
            WHERE id = ${id}`);
          return byId(tx, id);
        }),
      ),

    retire: (id, by, at) =>
      turn(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`
            UPDATE answer_bank SET retired_at = ${toMs(at)}, edited_by = ${by}, updated_at = ${toMs(at)}
            WHERE id = ${id} AND retired_at IS NULL`);
          return byId(tx, id);
        }),
      ),

    list: (query) =>
      read(async () => {
        const conditions: Sql[] = [];
        if (!query.withRetired) conditions.push(sql`a.retired_at IS NULL`);
        if (query.topic !== undefined) conditions.push(sql`a.topic = ${query.topic}`);
        if (query.team !== undefined) conditions.push(sql`a.team = ${query.team}`);
        if (query.locale !== undefined) conditions.push(sql`a.locale = ${query.locale}`);
        const limit = Math.max(0, Math.floor(query.limit));
        const rows = await db.query<AnswerFields>(sql`
          SELECT ${answerFields()} FROM answer_bank a ${where(conditions)} ORDER BY a.seq DESC LIMIT ${limit}`);
        return rows.map(rowToAnswer);
      }),
  };
}

/**
 * Inside an erasure's transaction: entries drawn from these cases or these events get their text
 * erased and are retired (they leave the search index); already erased ones are left as they are.
 */
export async function eraseAnswers(
  tx: SqlRunner,
  from: { caseIds: readonly string[]; eventIds: readonly string[]; at: Date; by: string },
): Promise<void> {
  const sources: Sql[] = [];
  if (from.caseIds.length > 0) sources.push(sql`case_id IN (${join([...from.caseIds])})`);
  if (from.eventIds.length > 0) sources.push(sql`id IN (${join([...from.eventIds])})`);
  if (sources.length === 0) return;
  const at = toMs(from.at);
  await tx.execute(sql`
    UPDATE answer_bank SET text = ${ERASED}, retired_at = coalesce(retired_at, ${at}), updated_at = ${at},
      edited_by = ${from.by}
    WHERE (${join(sources, ' OR ')}) AND text <> ${ERASED}`);
}
