// The abuse shield's words: insults and threats in English, French and Lithuanian, found in a
// customer's message so staff read it masked and flagged (see README "Abuse shield"). Pure.
//
// A message is cut into words; each word is compared in a plain form (lower case, accents off,
// a little leetspeak undone: `1d10t` → `idiot`, runs of three or more letters shortened). An entry
// matches a whole word (`dumb`), or the start of one when it ends in `*` (`idiot*`: idiots,
// idiotic; Lithuanian inflects, so its entries are stems: `kvail*` finds kvailys, kvailiai,
// kvailė). Never inside a word: "Scunthorpe", "class" and "Kalėdos" stay clean. Words that are
// ordinary in another context ("kill" a process, "con" in French and in English) count only in a
// phrase: `te|vous ^tuer`, a `|` between alternatives and `^` on the word(s) that are masked.
import type { Locale } from './model.ts';
import type { TextKey } from './texts/en.ts';
import type { Params } from './texts/params.ts';

export type AbuseKind = 'insult' | 'threat';

/** One abusive word (or phrase word) in the original text: `text.slice(start, end)`. */
export interface AbuseHit {
  start: number;
  end: number;
  kind: AbuseKind;
  locale: Locale;
}

type Lists = Readonly<Record<Locale, Readonly<Record<AbuseKind, readonly string[]>>>>;

/** Tested tables: test/core/abuse.test.ts (positives and negatives in each language). */
export const ABUSE_WORDS: Lists = {
  en: {
    insult: [
      'idiot*',
      'moron*',
      'stupid*',
      'imbecil*',
      'cretin*',
      'dumb',
      'dumbass*',
      'fuck*',
      'fck*',
      'fuk',
      'fucker*',
      'motherfuck*',
      'shit',
      'shits',
      'shitty',
      'bullshit',
      'bastard*',
      'bitch*',
      'asshole*',
      'arsehole*',
      'dickhead*',
      'retard',
      'retards',
      'retarded',
      'wanker*',
      'twat*',
      'cunt*',
      'scumbag*',
      'loser',
      'losers',
      'piece of ^shit|crap',
    ],
    threat: [
      '^kill|killing|murder|hurt|shoot|stab|strangle you|ya|u',
      'hope you ^die',
      'i|we ^know where you live',
      '^watch your back',
      'you ll|will ^regret',
    ],
  },
  fr: {
    insult: [
      'idiot*',
      'imbecil*',
      'cretin*',
      'connard*',
      'connass*',
      'abruti*',
      'debile*',
      'salaud*',
      'salope',
      'salopes',
      'salopard*',
      'merde*',
      'putain',
      'pute',
      'putes',
      'encule*',
      'bouffon*',
      'batard*',
      'espece|bande de ^con|cons|conne|connes',
      'gros|pauvre|sale ^con|cons|conne|connes',
      'ta|ferme ^gueule',
    ],
    threat: [
      'te|vous ^tuer|buter|frapper|egorger|cogner',
      'je|on ^tuerai|buterai|frapperai',
      'vous allez|va le ^regretter',
      'tu vas le ^regretter',
      'sais ou tu|vous ^habites|habitez',
    ],
  },
  lt: {
    insult: [
      'idiot*',
      'kvail*',
      'debilas',
      'debile',
      'debilai',
      'debilu',
      'durn*',
      'mulk*',
      'asilas',
      'asilai',
      'asilu',
      'bukagalv*',
      'nevykel*',
      'nieks*',
      'sudas',
      'zioply*',
      'galvij*',
      'kale',
      'kales',
      'pyder*',
      'lochas',
      'lochai',
      'nachui',
      'nachuj',
      'bliat',
      'blet',
      'blyat',
      'uzsiciaup*',
    ],
    threat: [
      'nuzud*',
      'uzmus*',
      'nusausiu',
      'papjau*',
      'primusiu',
      'sudeginsiu',
      'susidorosiu',
      'pasigailesi*',
      'zinau kur ^gyveni|gyvenate',
    ],
  },
};

interface Word {
  start: number;
  end: number;
  plain: string;
}

interface Part {
  options: readonly string[];
  masked: boolean;
}

/** Letters and digits; `@` and `$` too, as they stand for letters in "@sshole" and "$hit". */
const WORD = /[\p{L}\p{N}@$]+/gu;
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** A word as compared: lower case, no accents, leetspeak undone when it holds letters too. */
export function plainWord(word: string): string {
  let plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/\p{L}/u.test(plain.replace(/[@$]/g, ''))) plain = plain.replace(/[013457@$]/g, (ch) => LEET[ch] ?? ch);
  return plain.replace(/(\p{L})\1{2,}/gu, '$1');
}

function wordsOf(text: string): Word[] {
  return Array.from(text.matchAll(WORD), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    plain: plainWord(m[0]),
  }));
}

const matchesOption = (plain: string, option: string): boolean =>
  option.endsWith('*') ? plain.startsWith(option.slice(0, -1)) : plain === option;

/** An entry as parts; a single word is a phrase of one, masked. */
function partsOf(entry: string): Part[] {
  const parts = entry.split(' ').map((p) => ({
    options: p.replace(/^\^/, '').split('|'),
    masked: p.startsWith('^'),
  }));
  if (parts.length === 1) parts[0]!.masked = true;
  return parts;
}

interface Entry {
  locale: Locale;
  kind: AbuseKind;
  parts: Part[];
}

const ENTRIES: Entry[] = (Object.keys(ABUSE_WORDS) as Locale[]).flatMap((locale) =>
  (['insult', 'threat'] as const).flatMap((kind) =>
    ABUSE_WORDS[locale][kind].map((entry) => ({ locale, kind, parts: partsOf(entry) })),
  ),
);

// Entries by their first word, so each word of a message is looked up, not compared with every
// entry: whole words in a map, stems by their first three letters (every stem has at least three).
const BY_WORD = new Map<string, Entry[]>();
const BY_STEM = new Map<string, { stem: string; entry: Entry }[]>();
for (const entry of ENTRIES) {
  for (const option of entry.parts[0]!.options) {
    if (!option.endsWith('*')) BY_WORD.set(option, [...(BY_WORD.get(option) ?? []), entry]);
    else {
      const stem = option.slice(0, -1);
      const key = stem.slice(0, 3);
      BY_STEM.set(key, [...(BY_STEM.get(key) ?? []), { stem, entry }]);
    }
  }
}

/** The entries whose first word this (plain) word can be. */
function startingWith(plain: string): Entry[] {
  const found = [...(BY_WORD.get(plain) ?? [])];
  for (const { stem, entry } of BY_STEM.get(plain.slice(0, 3)) ?? [])
    if (plain.startsWith(stem)) found.push(entry);
  return found;
}

/** Texts longer than this are read up to it: a message is never that long in practice. */
const MAX_READ = 20_000;

/** Every abusive word in the text, in order; empty when it is clean. */
export function findAbuse(text: string): AbuseHit[] {
  if (typeof text !== 'string' || text === '') return [];
  const words = wordsOf(text.slice(0, MAX_READ));
  const hits = new Map<number, AbuseHit>();
  for (let i = 0; i < words.length; i++) {
    for (const entry of startingWith(words[i]!.plain)) {
      const { parts } = entry;
      if (i + parts.length > words.length) continue;
      const rest = parts.every(
        (p, k) => k === 0 || p.options.some((o) => matchesOption(words[i + k]!.plain, o)),
      );
      if (!rest) continue;
      parts.forEach((p, k) => {
        const w = words[i + k]!;
        if (p.masked && !hits.has(w.start))
          hits.set(w.start, { start: w.start, end: w.end, kind: entry.kind, locale: entry.locale });
      });
    }
  }
  return [...hits.values()].sort((a, b) => a.start - b.start);
}

export const isAbusive = (text: string): boolean => findAbuse(text).length > 0;

/** Each abusive word as its first letter and bullets: "you idiot" → "you i••••". */
export function maskAbuse(text: string, hits: readonly AbuseHit[] = findAbuse(text)): string {
  let out = '';
  let at = 0;
  for (const hit of hits) {
    const [first = '', ...rest] = Array.from(text.slice(hit.start, hit.end));
    out += text.slice(at, hit.start) + first + '•'.repeat(rest.length);
    at = hit.end;
  }
  return out + text.slice(at);
}

/**
 * Customer words as staff read them: masked, and `abusive: 1` when anything was (the texts'
 * flagged variants, render.ts, show "⚠ abusive language"). Spread into a notice's params.
 */
export function forStaff(text: string): { text: string; abusive?: 1 } {
  const hits = findAbuse(text);
  return hits.length === 0 ? { text } : { text: maskAbuse(text, hits), abusive: 1 };
}

/** Params that always hold a customer's words where staff read them. */
const CUSTOMER_PARAMS: ReadonlySet<string> = new Set(['words', 'comment', 'reason']);
/** Texts whose `text` is the customer's (elsewhere `text` is staff's own: a note, an answer). */
const CUSTOMER_TEXT: ReadonlySet<TextKey> = new Set(['owner.customer_details', 'triage.customer_details']);

/**
 * A staff notice's params with the customer's words masked, and `abusive: 1` when any were, which
 * renderText shows as a flag above the text (`flag.abusive`). The same params when all is clean.
 */
export function forStaffParams(key: TextKey, params: Params): Params {
  let masked: Record<string, string | number> | null = null;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    if (!CUSTOMER_PARAMS.has(name) && !(name === 'text' && CUSTOMER_TEXT.has(key))) continue;
    const hits = findAbuse(value);
    if (hits.length === 0) continue;
    masked ??= { ...params };
    masked[name] = maskAbuse(value, hits);
  }
  return masked === null ? params : { ...masked, abusive: 1 };
}

/** The kinds found, each once, for the audit event. */
export const abuseKinds = (hits: readonly AbuseHit[]): AbuseKind[] => [...new Set(hits.map((h) => h.kind))];
