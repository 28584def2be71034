// The answer bank's suggestions for a new case, alike on every platform: the three closest past
// answers for staff (on the triage card, each with "Send this answer") and, when the best is strong
// enough for the audience (config `answerBank.suggestToCustomers`), up to two for the customer
// (under the acknowledgement, each with "This solved it").
//
// Why here and not in the core: the suggestions are a read, looked up when the new case's first
// notices are delivered (the card and the acknowledgement), so intake stays one transaction with
// no search in it and the core stays free of the bank; a failed search costs the suggestions,
// never the card or the acknowledgement. The entry's id travels in the button; the desk records it
// (`fromAnswer`) so the reports can count deflection.
import {
  type Actor,
  type AnswerBank,
  type Audience,
  type Case,
  type CommandResult,
  CoreError,
  type Desk,
  type Locale,
} from '../../src/core/index.ts';
import { ANSWER_BANK_DEFAULTS, type AppConfig } from '../../src/platform/adapter.ts';

export interface Suggestion {
  /** The entry's id, sent back by its button. */
  id: string;
  text: string;
  /** The share of the case's words the entry covers (AnswerMatch.score). */
  score: number;
}

/** What a case is searched with. */
export interface SuggestionQuery {
  words: string;
  topic: string;
  locale: Locale;
}

export const STAFF_SUGGESTIONS = 3;
export const CUSTOMER_SUGGESTIONS = 2;
/** A suggestion's text is shown up to this many characters (the whole of it is sent). */
export const SUGGESTION_PREVIEW = 280;

/**
 * The closest past answers in the case's language: its topic's first, then any topic's to fill up
 * to `limit`. Empty when the search fails (the card goes out without them).
 */
export async function similarAnswers(
  answers: AnswerBank,
  q: SuggestionQuery,
  limit = STAFF_SUGGESTIONS,
): Promise<Suggestion[]> {
  try {
    const base = { text: q.words, locale: q.locale, limit };
    const sameTopic = await answers.similar({ ...base, topic: q.topic });
    const rest = sameTopic.length < limit ? await answers.similar(base) : [];
    const seen = new Set<string>();
    return [...sameTopic, ...rest]
      .filter((m) => !seen.has(m.entry.id) && seen.add(m.entry.id))
      .slice(0, limit)
      .map((m) => ({ id: m.entry.id, text: m.entry.text, score: m.score }));
  } catch {
    return [];
  }
}

/** The score from which the audience's customers are offered answers; null: never. */
export function customerThreshold(config: Pick<AppConfig, 'answerBank'>, audience: Audience): number | null {
  return (config.answerBank ?? ANSWER_BANK_DEFAULTS).suggestToCustomers[audience];
}

/**
 * What the customer is offered: up to two of `found` when the best reaches the threshold, each of
 * them at least at the threshold too (a weak second answer is no help); none when off.
 */
export function forCustomer(found: readonly Suggestion[], threshold: number | null): Suggestion[] {
  if (threshold === null) return [];
  return [...found]
    .sort((a, b) => b.score - a.score)
    .filter((s) => s.score >= threshold)
    .slice(0, CUSTOMER_SUGGESTIONS);
}

/** The text shown for a suggestion: its first SUGGESTION_PREVIEW characters, cut at a word. */
export function suggestionPreview(text: string, max = SUGGESTION_PREVIEW): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What a new case is searched with: the customer's words, topic and language. */
export const queryOf = (c: Pick<Case, 'words' | 'topic' | 'customer'>): SuggestionQuery => ({
  words: c.words,
  topic: c.topic,
  locale: c.customer.locale,
});

/**
 * Suggestions as kept with a card (a reference), so a redrawn card shows them again: their ids and
 * scores only, never their text, so an entry erased or retired later leaves no copy behind (see
 * liveSuggestions).
 */
export const suggestionsToKeep = (list: readonly Suggestion[]): string =>
  JSON.stringify(list.map((s) => ({ id: s.id, score: s.score })));

/** Kept suggestions made whole again from the bank: their text now; retired or gone ones left out. */
export async function liveSuggestions(
  answers: Pick<AnswerBank, 'get'>,
  kept: readonly Pick<Suggestion, 'id' | 'score'>[],
): Promise<Suggestion[]> {
  const found = await Promise.all(
    kept.map(async (k) => {
      const entry = await answers.get(k.id).catch(() => null);
      return entry && entry.retiredAt === null ? { id: k.id, text: entry.text, score: k.score } : null;
    }),
  );
  return found.filter((s): s is Suggestion => s !== null);
}

/** The suggestions kept with a card (ids and scores); none for anything else. */
export function keptSuggestions(raw: string | null): Pick<Suggestion, 'id' | 'score'>[] {
  let value: unknown;
  try {
    value = raw === null ? [] : JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (s): s is Pick<Suggestion, 'id' | 'score'> =>
        typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.score === 'number',
    )
    .map((s) => ({ id: s.id, score: s.score }));
}

/**
 * "Send this answer": the entry's whole text (as it is now, edits included) goes to the customer as
 * this staff member's answer, recording the entry (`fromAnswer`). An entry retired or erased since
 * the card was drawn is refused (`error.answer_gone`); the desk decides the rest (who may answer).
 */
export async function sendSuggestedAnswer(
  desk: Pick<Desk, 'answer'>,
  answers: Pick<AnswerBank, 'get'>,
  input: { caseId: string; actor: Actor; entryId: unknown },
): Promise<CommandResult> {
  const entry = typeof input.entryId === 'string' ? await answers.get(input.entryId) : null;
  if (!entry || entry.retiredAt !== null) throw new CoreError('not_found', 'error.answer_gone');
  return desk.answer({ caseId: input.caseId, actor: input.actor, text: entry.text, fromAnswer: entry.id });
}
