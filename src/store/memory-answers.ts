// The answer bank in memory (see AnswerBank in src/core/ports.ts): entries written as the SQL
// stores' trigger writes them, from the events a commit records; a search is a scan scored as
// every store scores (answer-terms.ts), the better-covered entry first.
import type { Case, CaseEvent } from '../core/model.ts';
import type { AnswerBank, AnswerEntry } from '../core/ports.ts';
import { coverage, searchTerms } from './answer-terms.ts';
import { ERASED } from './redaction.ts';

const clone = structuredClone;

/** The entry an event makes, as the migration's trigger on case_events does; null for most events. */
export function answerFrom(event: CaseEvent, c: Case): AnswerEntry | null {
  let text: string;
  let source: AnswerEntry['source'];
  if (event.type === 'resolved') {
    text = event.data.summary;
    source = 'resolution';
  } else if (event.type === 'answered' && event.data.reusable === true) {
    text = event.data.text;
    source = 'answer';
  } else return null;
  if (text.trim() === '') return null;
  return {
    // An incident's resolution, written on each of its cases, is one entry (the first case's).
    id:
      event.type === 'resolved' && event.data.incident !== undefined
        ? `incident:${event.data.incident}`
        : event.id,
    caseId: c.id,
    topic: c.topic,
    team: c.team,
    locale: c.customer.locale,
    text,
    source,
    createdAt: new Date(event.at),
    updatedAt: new Date(event.at),
    retiredAt: null,
    editedBy: null,
  };
}

export function createMemoryAnswers() {
  /** In the order written. */
  const entries: AnswerEntry[] = [];

  const update = (id: string, change: (e: AnswerEntry) => AnswerEntry | null): AnswerEntry | null => {
    const index = entries.findIndex((e) => e.id === id);
    const entry = entries[index];
    if (entry === undefined) return null;
    const next = change(entry);
    if (next) entries[index] = next;
    return clone(next ?? entry);
  };

  const bank: AnswerBank = {
    async similar(query) {
      const terms = searchTerms(query.text);
      if (terms.length === 0) return [];
      return entries
        .map((entry, seq) => ({ entry, seq, score: coverage(terms, entry.text) }))
        .filter(
          ({ entry, score }) =>
            score > 0 &&
            entry.retiredAt === null &&
            (query.topic === undefined || entry.topic === query.topic) &&
            (query.locale === undefined || entry.locale === query.locale),
        )
        .sort((a, b) => b.score - a.score || b.seq - a.seq)
        .slice(0, Math.max(0, Math.floor(query.limit)))
        .map(({ entry, score }) => ({ entry: clone(entry), score }));
    },

    get: async (id) => {
      const entry = entries.find((e) => e.id === id);
      return entry ? clone(entry) : null;
    },

    edit: async (id, text, by, at) =>
      update(id, (e) => ({ ...e, text, editedBy: by, updatedAt: new Date(at) })),

    retire: async (id, by, at) =>
      update(id, (e) =>
        e.retiredAt !== null
          ? null
          : { ...e, retiredAt: new Date(at), editedBy: by, updatedAt: new Date(at) },
      ),

    async list(query) {
      return clone(
        entries
          .filter(
            (e) =>
              (query.withRetired === true || e.retiredAt === null) &&
              (query.topic === undefined || e.topic === query.topic) &&
              (query.team === undefined || e.team === query.team) &&
              (query.locale === undefined || e.locale === query.locale),
          )
          .reverse()
          .slice(0, Math.max(0, Math.floor(query.limit))),
      );
    },
  };

  return {
    bank,
    /** Called by the store's commit, with the case as written, for the events it records. */
    record(events: readonly CaseEvent[], c: Case): void {
      for (const event of events) {
        const entry = event.caseId === c.id ? answerFrom(event, c) : null;
        if (entry && !entries.some((e) => e.id === entry.id)) entries.push(entry);
      }
    },
    /** As eraseAnswers in SQL: entries of these cases or events erased and retired. */
    erase(from: { caseIds: readonly string[]; eventIds: readonly string[]; at: Date; by: string }): void {
      entries.forEach((e, i) => {
        if (e.text === ERASED || !(from.caseIds.includes(e.caseId) || from.eventIds.includes(e.id))) return;
        entries[i] = {
          ...e,
          text: ERASED,
          retiredAt: e.retiredAt ?? new Date(from.at),
          updatedAt: new Date(from.at),
          editedBy: from.by,
        };
      });
    },
  };
}

export type MemoryAnswers = ReturnType<typeof createMemoryAnswers>;
