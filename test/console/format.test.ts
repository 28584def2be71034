// The console's formatting: durations in the reader's words, the language picked from the query,
// the cookie or Accept-Language, and the CONSOLE_* settings read from the environment.
import { describe, expect, it } from 'vitest';
import { duration, pickLocale, remaining, shortInstant } from '../../src/console/format.ts';
import { CONSOLE_TEXTS, type ConsoleTextKey } from '../../src/console/texts.ts';
import { placeholdersOf } from '../../src/core/index.ts';
import { EnvError, readEnv } from '../../src/env.ts';

describe('duration and remaining', () => {
  it.each([
    [0, 'en', '0 s'],
    [45_000, 'en', '45 s'],
    [5 * 60_000 + 30_000, 'en', '5 min 30 s'],
    [2 * 3_600_000 + 5 * 60_000 + 59_000, 'en', '2 h 5 min'],
    [3 * 3_600_000, 'en', '3 h'],
    [26 * 3_600_000 + 60_000, 'fr', '1 j 2 h'],
    [3 * 3_600_000 + 30 * 60_000, 'lt', '3 val. 30 min.'],
  ] as const)('%i ms in %s: %s', (ms, locale, expected) => {
    expect(duration(ms, locale)).toBe(expected);
  });

  it('says "in" before the due time and "overdue by" after it', () => {
    expect(remaining(40 * 60_000, 'en')).toBe('in 40 min');
    expect(remaining(-5 * 60_000, 'en')).toBe('overdue by 5 min');
    expect(remaining(-5 * 60_000, 'fr')).toBe('en retard de 5 min');
    expect(remaining(40 * 60_000, 'lt')).toBe('po 40 min.');
  });
});

describe('pickLocale', () => {
  it('takes ?lang= first, then the cookie, then Accept-Language by weight, else English', () => {
    expect(pickLocale('lt', 'fr', 'fr')).toBe('lt');
    expect(pickLocale('xx', 'fr', 'lt')).toBe('fr');
    expect(pickLocale(undefined, undefined, 'de-DE, fr;q=0.5, lt;q=0.8')).toBe('lt');
    expect(pickLocale(undefined, undefined, 'fr-CA')).toBe('fr');
    expect(pickLocale(undefined, undefined, 'lt;q=0, de')).toBe('en');
    expect(pickLocale(undefined, undefined, undefined)).toBe('en');
    expect(pickLocale(undefined, undefined, ';;;,,,q=x'.repeat(1_000))).toBe('en');
  });
});

describe('CONSOLE_* settings', () => {
  const token = 'a-console-token-of-enough-length-0123456789';

  it('are off unless CONSOLE_PORT is set', () => {
    expect(readEnv({}).console).toBeNull();
    expect(readEnv({ CONSOLE_PORT: ' ', CONSOLE_TOKEN: token }).console).toBeNull();
  });

  it('listen on 127.0.0.1 and sign with the token unless told otherwise', () => {
    expect(readEnv({ CONSOLE_PORT: '8080', CONSOLE_TOKEN: token }).console).toEqual({
      host: '127.0.0.1',
      port: 8080,
      token,
      secret: token,
      publicUrl: undefined,
    });
    const secret = 'another-secret-of-enough-length-0123456789';
    expect(
      readEnv({
        CONSOLE_PORT: '0',
        CONSOLE_HOST: '0.0.0.0',
        CONSOLE_TOKEN: token,
        CONSOLE_SECRET: secret,
        CONSOLE_PUBLIC_URL: 'https://support.example.com',
      }).console,
    ).toEqual({ host: '0.0.0.0', port: 0, token, secret, publicUrl: 'https://support.example.com' });
  });

  it.each([
    [{ CONSOLE_PORT: 'eighty', CONSOLE_TOKEN: token }, /CONSOLE_PORT="eighty"/],
    [{ CONSOLE_PORT: '70000', CONSOLE_TOKEN: token }, /CONSOLE_PORT/],
    [{ CONSOLE_PORT: '8080' }, /CONSOLE_TOKEN must be set/],
    [{ CONSOLE_PORT: '8080', CONSOLE_TOKEN: 'short' }, /at least 32 characters/],
    [{ CONSOLE_PORT: '8080', CONSOLE_TOKEN: token, CONSOLE_SECRET: 'short' }, /CONSOLE_SECRET/],
    [
      { CONSOLE_PORT: '8080', CONSOLE_TOKEN: token, CONSOLE_PUBLIC_URL: 'support.example.com' },
      /CONSOLE_PUBLIC_URL/,
    ],
  ])('refuse %j, naming the variable', (env, message) => {
    expect(() => readEnv(env)).toThrow(EnvError);
    expect(() => readEnv(env)).toThrow(message);
  });
});

describe('shortInstant', () => {
  it('writes a date and time each language reads naturally', () => {
    const at = new Date('2026-11-23T12:10:00Z');
    expect(shortInstant(at, 'en', 'Europe/Vilnius')).toBe('23 Nov, 14:10 EET');
    expect(shortInstant(at, 'fr', 'Europe/Paris')).toBe('23 nov., 13:10 UTC+1');
    expect(shortInstant(at, 'lt', 'Europe/Vilnius')).toBe('lapkričio 23 d., 14:10 GMT+2');
  });
});

describe('the console’s catalogs', () => {
  it('use the same placeholders as English in every language, and no text is empty', () => {
    for (const locale of ['fr', 'lt'] as const) {
      for (const key of Object.keys(CONSOLE_TEXTS.en) as ConsoleTextKey[]) {
        expect(placeholdersOf(CONSOLE_TEXTS[locale][key]).sort(), `${locale} ${key}`).toEqual(
          placeholdersOf(CONSOLE_TEXTS.en[key]).sort(),
        );
        expect(CONSOLE_TEXTS[locale][key].trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });
});
