// Figures in the reader's language: percentages, durations and averages, through Intl (no wall
// clock). Reports give milliseconds and fractions; these are what a reader sees.
import type { Locale } from '../model.ts';
import { INTL_LOCALE } from './grammar.ts';

const MINUTE_MS = 60_000;
const formats = new Map<string, Intl.NumberFormat>();

function format(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let f = formats.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    formats.set(cacheKey, f);
  }
  return f;
}

/** A percentage from 0 to 100, whole: "88%", "88 %" (French and Lithuanian put a space). */
export const formatPercent = (percent: number, locale: Locale): string =>
  format(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);

/** A number with at most one decimal, in the reader's notation: "4.3", "4,3". */
export const formatDecimal = (n: number, locale: Locale): string =>
  format(locale, 'decimal', { maximumFractionDigits: 1 }).format(n);

const unit = (locale: Locale, name: 'day' | 'hour' | 'minute', n: number): string =>
  format(locale, name, { style: 'unit', unit: name, unitDisplay: 'short' }).format(n);

/**
 * A duration in its two largest units, rounded to the minute: "45 mins", "3 hrs 20 mins",
 * "2 days 4 hrs"; French "3 h 20 min", Lithuanian "3 val. 20 min.".
 */
export function formatDuration(ms: number, locale: Locale): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return unit(locale, 'minute', minutes);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  const [big, small] =
    days > 0
      ? [unit(locale, 'day', days), hours > 0 ? unit(locale, 'hour', hours) : '']
      : [unit(locale, 'hour', hours), rest > 0 ? unit(locale, 'minute', rest) : ''];
  return small === '' ? big : `${big} ${small}`;
}
