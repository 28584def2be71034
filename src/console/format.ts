// How the console shows instants, durations and the reader's language. Pure: the instant "now"
// always comes from the caller (deps.clock), never from the wall clock.
import { CATALOGS, type TextKey } from '../core/index.ts';
import { LOCALES, type Locale } from '../core/model.ts';
import { consoleText } from './texts.ts';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The reader's language: `?lang=` first, then the console's cookie, then the first language of
 * Accept-Language the console speaks, else English.
 */
export function pickLocale(
  query: string | undefined,
  cookie: string | undefined,
  accept: string | undefined,
): Locale {
  if (isLocale(query)) return query;
  if (isLocale(cookie)) return cookie;
  const wanted = (accept ?? '')
    .slice(0, 500)
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.map((w) => w.lang).find(isLocale) ?? 'en';
}

const INTL: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR', lt: 'lt-LT' };
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A short date and time in the reader's zone: "23 Nov, 10:15 EET", "23 nov., 10:15 UTC+2", and in
 * Lithuanian "lapkričio 23 d., 10:15 GMT+2" (Intl's own short Lithuanian form reads "11-23 10:15;
 * GMT+2", which no one writes).
 */
export function shortInstant(at: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL[locale], {
      day: 'numeric',
      month: locale === 'lt' ? 'long' : 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formats.set(key, format);
  }
  if (locale !== 'lt') return format.format(at);
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('day')} d., ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** A day as YYYY-MM-DD in a zone (charts bucket by the reader's day). */
export function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** "2 h 05 min", "3 d 4 h", "45 s": the two largest units, in the reader's language. */
export function duration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const units: [number, Parameters<typeof consoleText>[1]][] = [
    [Math.floor(total / 86_400), 'unit.day'],
    [Math.floor((total % 86_400) / 3600), 'unit.hour'],
    [Math.floor((total % 3600) / 60), 'unit.minute'],
    [total % 60, 'unit.second'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first === -1) return `0 ${consoleText(locale, 'unit.second')}`;
  // Seconds only matter when under an hour is left.
  const shown = units.slice(first, first + 2).filter(([n], i) => i === 0 || n > 0);
  return shown
    .filter(([, unit]) => unit !== 'unit.second' || first >= 2)
    .map(([n, unit]) => `${n} ${consoleText(locale, unit)}`)
    .join(' ');
}

/** "in 2 h 05 min" or "overdue by 5 min", from the remaining milliseconds. */
export function remaining(ms: number, locale: Locale): string {
  return ms >= 0
    ? consoleText(locale, 'time.in', { duration: duration(ms, locale) })
    : consoleText(locale, 'time.overdue_by', { duration: duration(ms, locale) });
}

/** A label from the core's catalog (status, level, priority, role, risk band), or the code itself. */
export function coreLabel(locale: Locale, key: string): string {
  const catalog = CATALOGS[locale] as Readonly<Record<string, string>>;
  return catalog[key as TextKey] ?? key.slice(key.indexOf('.') + 1);
}

export const percent = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value * 10) / 10} %`;

/** Milliseconds as a readable duration, or a dash when there is none. */
export const maybeDuration = (ms: number | null, locale: Locale): string =>
  ms === null ? '—' : duration(ms, locale);
