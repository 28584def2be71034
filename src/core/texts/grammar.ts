// What a native reader expects beyond the words of the catalog: counted nouns in the right plural
// form (Intl.PluralRules), Lithuanian names in the vocative when greeted and weekdays in the
// genitive after "iki" (until), and no doubled punctuation after a quoted request. Pure.
import type { Locale } from '../model.ts';

export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr', lt: 'lt' };

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * The form of `forms` for `count` in `locale` ('one', 'few', 'many', 'other' as Intl.PluralRules
 * names them), falling back to 'other'; `#` in the form stands for the number.
 */
export function plural(locale: Locale, count: number, forms: Readonly<Record<string, string>>): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[locale]);
    pluralRules.set(locale, rules);
  }
  const form = forms[rules.select(count)] ?? forms.other ?? '#';
  return form.replaceAll('#', String(count));
}

/** `one: # request, other: # requests` → { one: '# request', other: '# requests' }. */
export function parsePluralForms(spec: string): Record<string, string> {
  const forms: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon > 0) forms[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return forms;
}

// Lithuanian vocative endings: Jonas → Jonai, Marius → Mariau, Petraitis → Petraiti, Kazys →
// Kazy, Eglė → Egle. Names ending otherwise (Rasa, Noah) stay as they are.
const VOCATIVE: readonly [ending: string, vocative: string][] = [
  ['as', 'ai'],
  ['us', 'au'],
  ['is', 'i'],
  ['ys', 'y'],
  ['ė', 'e'],
];

/**
 * Words that look Lithuanian: only letters of its alphabet, none of the spellings other languages
 * use (Thomas, Dubois, Louis), and a consonant before `-is`. A heuristic: a foreign name is left
 * as it is rather than declined wrongly.
 */
const LITHUANIAN_WORD = /^[a-pr-vyząčęėįšųūž]+$/iu;
const FOREIGN_SPELLING = /th|ph|ou|oi|eau|[aeiouy]is$/iu;

/** A Lithuanian name as it is addressed ("Sveiki, Egle"), word by word. */
export function vocative(name: string): string {
  return name.replace(/\p{L}+/gu, (word) => {
    const capitalised = word.length >= 3 && word === word[0]!.toUpperCase() + word.slice(1);
    if (!capitalised || !LITHUANIAN_WORD.test(word) || FOREIGN_SPELLING.test(word)) return word;
    const rule = VOCATIVE.find(([ending]) => word.endsWith(ending));
    return rule ? word.slice(0, -rule[0].length) + rule[1] : word;
  });
}

const LT_WEEKDAY_GENITIVE: Readonly<Record<string, string>> = {
  pirmadienis: 'pirmadienio',
  antradienis: 'antradienio',
  trečiadienis: 'trečiadienio',
  ketvirtadienis: 'ketvirtadienio',
  penktadienis: 'penktadienio',
  šeštadienis: 'šeštadienio',
  sekmadienis: 'sekmadienio',
};

/** A Lithuanian weekday in the genitive, as "iki" (until) requires: pirmadienis → pirmadienio. */
export const weekdayGenitive = (weekday: string): string => LT_WEEKDAY_GENITIVE[weekday] ?? weekday;

/**
 * Removes the full stop a template puts after a quotation whose quoted words already end a
 * sentence: `“Is it fixed?”.` → `“Is it fixed?”`, in the three languages' quotation marks.
 */
export const withoutDoubledStops = (text: string): string => text.replace(/([.!?…])(\s?[”»“])\./gu, '$1$2');
