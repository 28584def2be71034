// The answer bank's search words, the same for every store: a query's words are taken out of the
// customer's text here (never passed to a search syntax as written), and a match's score is worked
// out here from the query and the entry's text, whichever database ranked it.

/** Letters (with their combining marks) and digits: anything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The most words a query searches for: a pasted log must not become a thousand-term search. */
export const MAX_TERMS = 12;

/** Words compared by this many first letters (no accents, lower case): connect, connection, connecting. */
const STEM_LENGTH = 6;

// Words too common to tell one answer from another, in the three languages the bot speaks. A query
// of these only finds nothing (PostgreSQL's english and french configurations drop theirs too).
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // en
    'a an and are as at be been but by can could did do does doing done for from had has have having',
    'he her here hers him his how i if in into is it its me my no nor not of off on once only or our',
    'ours out over please so some such than that the their them then there these they this those to',
    'too under until up very was we were what when where which while who whom why will with would you',
    'your yours hi hello thanks thank just get got still any all also am s t don didn doesn isn wasn',
    'won cannot cant',
    // fr
    'au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes',
    'moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un',
    'une vos votre vous c d j l m n y est sont suis etait ai as avons avez ont bonjour merci sil plait',
    'cela ca',
    // lt
    'ir ar bet o kad jog nes kai kur kas ko kam kuo su be apie del per pas prie nuo iki po uz is i ant',
    'tai tas ta tie tos jis ji jie jos as tu mes jus mano tavo savo yra buvo bus nera ne taip labas aciu',
    'prasau dar jau tik net gal',
  ]
    .join(' ')
    .split(' '),
);

/** Lower case, accents removed: how words are compared. */
const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The words a query searches for: lower case, in the order written, each once, stop words and
 * single letters left out, at most MAX_TERMS. Only letters and digits: safe to quote into any
 * search syntax. Empty when the text has no word worth searching.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const [word] of text.matchAll(WORD)) {
    const folded = fold(word);
    if (folded.length < 2 || STOP_WORDS.has(folded) || seen.has(folded)) continue;
    seen.add(folded);
    terms.push(word.toLowerCase());
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

const stem = (word: string): string => fold(word).slice(0, STEM_LENGTH);

/** The stems of a text's words, for matching in memory and for scores (the text folded once). */
export const stemsOf = (text: string): Set<string> =>
  new Set([...fold(text).matchAll(WORD)].map(([word]) => word.slice(0, STEM_LENGTH)));

/**
 * How much of the query `terms` (from searchTerms) the text covers, in [0, 1]: the share of the
 * terms whose stem one of the text's words has. 0 for no terms.
 */
export function coverage(terms: readonly string[], text: string): number {
  if (terms.length === 0) return 0;
  const stems = stemsOf(text);
  const wanted = new Set(terms.map(stem));
  let hits = 0;
  for (const s of wanted) if (stems.has(s)) hits += 1;
  return hits / wanted.size;
}
