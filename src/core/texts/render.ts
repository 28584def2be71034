// Renders a catalog text in the reader's language and time zone. Pure: Intl only, no wall clock.
import type { ActionId, Locale } from '../model.ts';
import { en, type TextKey } from './en.ts';
import { fr } from './fr.ts';
import {
  INTL_LOCALE,
  parsePluralForms,
  plural,
  vocative,
  weekdayGenitive,
  withoutDoubledStops,
} from './grammar.ts';
import { lt } from './lt.ts';
import type { Params, VariantKey } from './params.ts';

export const CATALOGS: Readonly<Record<Locale, Readonly<Record<TextKey, string>>>> = { en, fr, lt };

export interface RenderOptions {
  locale: Locale;
  /** IANA zone the reader lives in; `*At` params are shown in it. */
  timeZone: string;
  params?: Params;
}

/** Params holding a code that must have a label (a missing label is a programming error). */
const LABELLED: Readonly<Record<string, string>> = {
  priority: 'priority',
  status: 'status',
  band: 'risk',
  level: 'level',
  role: 'role',
  decision: 'decision',
};

/** Params that may hold a known code (translated) or free text (shown as written). */
const MAYBE_CODED: Readonly<Record<string, string>> = { reason: 'reason' };

interface Variant {
  key: TextKey;
  use: TextKey;
  when: (p: Params) => boolean;
}

/**
 * `use` replaces `key` when `when` holds. Callers give `key`'s params, so `use` may show only
 * those: a variant showing a placeholder its base does not have does not compile.
 */
const variant = <K extends TextKey, V extends TextKey>(
  key: K,
  use: V & VariantKey<K, V>,
  when: (p: Params) => boolean,
): Variant => ({ key, use, when });

/** Keys that read better in another form for some param values, so callers need not choose. */
const VARIANTS: readonly Variant[] = [
  variant('customer.ack', 'customer.ack_next_in_line', (p) => Number(p.position) === 0),
  variant(
    'owner.rating',
    'owner.rating_no_comment',
    (p) => typeof p.comment === 'string' && p.comment.trim() === '',
  ),
  variant('supervisors.kind_words', 'supervisors.kind_words_no_holder', (p) => p.holderName === ''),
  variant('supervisors.abuse_repeated', 'supervisors.abuse_repeated_no_holder', (p) => p.holderName === ''),
  // A heavy case nobody holds yet, or marked without a note (checked in this order).
  variant(
    'supervisors.case_heavy',
    'supervisors.case_heavy_unheld_no_note',
    (p) => p.holderName === '' && p.note === '',
  ),
  variant('supervisors.case_heavy', 'supervisors.case_heavy_unheld', (p) => p.holderName === ''),
  variant('supervisors.case_heavy', 'supervisors.case_heavy_no_note', (p) => p.note === ''),
  variant('customer.status_line', 'customer.status_line_no_due', (p) => p.dueAt === ''),
  variant('customer.claimed', 'customer.claimed_no_due', (p) => p.dueAt === ''),
  // Asked for by the ladder itself (no expert, a missed window): no one to name.
  variant(
    'supervisors.approval_requested',
    'supervisors.approval_requested_auto',
    (p) => p.role === 'system',
  ),
];

/** `{name}`, or a counted one: `{position, one: # request, other: # requests}`. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?:,([^{}]*))?\}/g;
const formatters = new Map<string, Intl.DateTimeFormat>();

export const isTextKey = (key: string): key is TextKey => Object.hasOwn(en, key);

/** The label key of a button; fails to compile if an action has no label. */
export const actionLabelKey = (id: ActionId): TextKey => `action.${id}`;

/** The distinct placeholder names a template uses, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string))];
}

/**
 * An ISO instant as a full local date and time with its zone, e.g. "Wednesday 15 January at 10:00
 * EET". Lithuanian reads "pirmadienis, lapkričio 23 d., 15:15 GMT+2", with the weekday in the
 * genitive when `afterUntil` (the template says "iki {dueAt}").
 */
export function formatInstant(
  iso: string,
  locale: Locale,
  timeZone: string,
  options: { afterUntil?: boolean } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`formatInstant: not an ISO instant: "${iso}"`);
  const cacheKey = `${locale}|${timeZone}`;
  let format = formatters.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(cacheKey, format);
  }
  if (locale !== 'lt') return format.format(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const weekday = options.afterUntil ? weekdayGenitive(part('weekday')) : part('weekday');
  return `${weekday}, ${part('month')} ${part('day')} d., ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

export function renderText(key: TextKey, options: RenderOptions): string {
  const params = options.params ?? {};
  const variant = VARIANTS.find((v) => v.key === key && v.when(params));
  const shownKey = variant?.use ?? key;
  const template = CATALOGS[options.locale][shownKey];
  // Single pass: a param value that happens to contain "{x}" is never substituted again.
  const text = template.replace(PLACEHOLDER, (_, name: string, forms: string | undefined, at: number) => {
    const value = params[name];
    if (value === undefined) throw new Error(`renderText: text "${shownKey}" needs param "${name}"`);
    if (forms !== undefined) return plural(options.locale, Number(value), parsePluralForms(forms));
    const afterUntil = /\biki\s$/u.test(template.slice(Math.max(0, at - 5), at));
    return renderParam(shownKey, name, value, options, afterUntil);
  });
  // Customer words masked for staff (abuse.ts forStaffParams) are flagged above the text.
  const flag = params.abusive === 1 ? `${CATALOGS[options.locale]['flag.abusive']}\n` : '';
  return flag + withoutDoubledStops(text);
}

function renderParam(
  key: TextKey,
  name: string,
  value: string | number,
  options: RenderOptions,
  afterUntil: boolean,
): string {
  const catalog = CATALOGS[options.locale];
  const text = String(value);
  if (name.endsWith('At')) {
    try {
      return formatInstant(text, options.locale, options.timeZone, { afterUntil });
    } catch (e) {
      throw new Error(`renderText: text "${key}" param "${name}": ${(e as Error).message}`);
    }
  }
  const labelPrefix = LABELLED[name];
  if (labelPrefix !== undefined) {
    const labelKey = `${labelPrefix}.${text}`;
    if (!isTextKey(labelKey))
      throw new Error(`renderText: text "${key}" param "${name}": no label "${labelKey}"`);
    return catalog[labelKey];
  }
  const codePrefix = MAYBE_CODED[name];
  if (codePrefix !== undefined) return labelOr(catalog, `${codePrefix}.${text}`, text);
  // Lithuanian greets a person in the vocative: "Sveiki, Egle".
  if (name === 'name' && options.locale === 'lt') return vocative(text);
  if (name === 'signals') {
    return text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => labelOr(catalog, `signal.${s}`, s))
      .join(', ');
  }
  return text;
}

function labelOr(catalog: Readonly<Record<TextKey, string>>, labelKey: string, fallback: string): string {
  return isTextKey(labelKey) ? catalog[labelKey] : fallback;
}
