// Every text in every language, rendered with sample params the way a customer's words really end
// (a full stop, a question mark): what a native reader would sign. No doubled or stray punctuation,
// no placeholder left, counted nouns in the right form, Lithuanian names greeted in the vocative
// and weekdays after "iki" in the genitive.
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/core/model.ts';
import { en, placeholdersOf, renderText, type TextKey } from '../../src/core/texts/index.ts';
import { plural, vocative } from '../../src/core/texts/grammar.ts';

const KEYS = Object.keys(en) as TextKey[];
const INSTANT = '2026-11-23T13:15:00.000Z'; // a Monday

/** A sample value for a param, by its name, as the core would give it. */
function sample(name: string, ending: string): string | number {
  if (name.endsWith('At')) return INSTANT;
  const codes: Record<string, string | number> = {
    priority: 'high',
    status: 'waiting_on_expert',
    band: 'elevated',
    level: 2,
    role: 'customer',
    decision: 'approved',
    reason: 'no_expert',
    signals: 'keyword, missed_window',
    position: 2,
    misses: 2,
    score: 4,
    number: 12,
    earlierNumber: 7,
    name: 'Eglė',
    // Report figures, formatted by the caller (texts/numbers.ts) before they reach a text.
    percent: '88 %',
    kept: 7,
    missed: 1,
    p50: '25 min',
    p90: '3 h 10 min',
    average: '4,5',
    count: 3,
    left: 1,
    opened: 5,
    resolved: 4,
    atRisk: 2,
    before: 2,
    group: 'Billing',
    link: 'https://console.example/sign-in/abc',
  };
  if (name in codes) return codes[name]!;
  if (/Name$/.test(name)) return 'Jonas Petraitis';
  return `The invoice is wrong again${ending}`;
}

const render = (key: TextKey, locale: Locale, ending: string) =>
  renderText(key, {
    locale,
    timeZone: 'Europe/Vilnius',
    params: Object.fromEntries(placeholdersOf(en[key]).map((p) => [p, sample(p, ending)])),
  });

describe.each(LOCALES)('every text in %s', (locale) => {
  it.each(['.', '?', '!', ''])('reads cleanly when the quoted words end with "%s"', (ending) => {
    const problems: string[] = [];
    for (const key of KEYS) {
      const text = render(key, locale, ending);
      const flag = (what: string, pattern: RegExp) => {
        if (pattern.test(text)) problems.push(`${key}: ${what}: ${text}`);
      };
      flag('placeholder left', /[{}]|undefined|NaN|\bnull\b/);
      flag('doubled stop after a quotation', /[.!?…]\s?[”»“]\s?\./u);
      // Lithuanian dates abbreviate the day as "23 d.,": a full stop before a comma there is right.
      flag('doubled punctuation', /(?<!\.)\.\.(?!\.)|,,|;;|::|\?\?|(?<!\bd)\.,|,\./u);
      flag('space before a comma or full stop', / [,.]/);
      flag('double space or trailing space', / {2}|[ \t]$|[ \t]\n/m);
      if (locale === 'lt') {
        flag('nominative weekday after "iki"', /\biki \p{L}+dienis\b/u);
        flag('zone pasted with a semicolon', /; GMT/);
        flag('greeting not in the vocative', /(Sveiki|Ačiū), Eglė\b/u);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('counted nouns', () => {
  it.each([
    [1, 'yra 1 prašymas'],
    [2, 'yra 2 prašymai'],
    [5, 'yra 5 prašymai'],
    [10, 'yra 10 prašymų'],
    [11, 'yra 11 prašymų'],
    [21, 'yra 21 prašymas'],
    [22, 'yra 22 prašymai'],
  ])('Lithuanian: %i ahead of the case reads "%s"', (position, phrase) => {
    const text = renderText('triage.new_case', {
      locale: 'lt',
      timeZone: 'UTC',
      params: {
        number: 1,
        customerName: 'Ona',
        topicName: 'Sąskaitos',
        priority: 'normal',
        words: 'Sveiki',
        firstResponseAt: INSTANT,
        position,
      },
    });
    expect(text).toContain(`prieš jį ${phrase}.`);
  });

  it.each([
    ['en', 1, '1 case is ahead'],
    ['en', 3, '3 cases are ahead'],
    ['fr', 1, '1 demande la précède'],
    ['fr', 3, '3 demandes la précèdent'],
  ] as const)('%s: %i reads "%s"', (locale, position, phrase) => {
    const text = renderText('triage.new_case', {
      locale,
      timeZone: 'UTC',
      params: {
        number: 1,
        customerName: 'Ona',
        topicName: 'Billing',
        priority: 'normal',
        words: 'Hi',
        firstResponseAt: INSTANT,
        position,
      },
    });
    expect(text).toContain(phrase);
  });

  it('falls back to the "other" form and puts the number where # stands', () => {
    expect(plural('en', 7, { one: '# thing', other: '# things' })).toBe('7 things');
    expect(plural('lt', 1, { other: '# x' })).toBe('1 x');
  });
});

describe('Lithuanian vocative', () => {
  it.each([
    ['Eglė Žemaitė', 'Egle Žemaite'],
    ['Jonas Petraitis', 'Jonai Petraiti'],
    ['Marius', 'Mariau'],
    ['Kazys', 'Kazy'],
    ['Rasa Kazlauskienė', 'Rasa Kazlauskiene'],
    ['Marie Dubois', 'Marie Dubois'],
    ['Thomas Louis', 'Thomas Louis'],
    ['Paulius Kęstutis', 'Pauliau Kęstuti'],
    ['Noah', 'Noah'],
  ])('%s → %s', (name, addressed) => {
    expect(vocative(name)).toBe(addressed);
  });
});
