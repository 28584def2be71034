// The web console's own words in en, fr and lt (the catalogs in words/; English is the reference
// and the others are typed against its keys, so a missing word does not compile), and how they are
// filled in. Statuses, levels, priorities, roles and risk bands come from the core's catalogs
// (src/core/texts).
import type { Locale, NoticeStatus, WindowKind } from '../core/model.ts';
import { type Catalog, type ConsoleTextKey, en } from './words/en.ts';
import { EVENTS } from './words/events.ts';
import { fr } from './words/fr.ts';
import { lt } from './words/lt.ts';

export type { ConsoleTextKey };

export const CONSOLE_TEXTS: Readonly<Record<Locale, Catalog>> = { en, fr, lt };

export function eventLabel(locale: Locale, type: string): string {
  const labels = EVENTS[locale] as Readonly<Record<string, string>>;
  return labels[type] ?? type;
}

/** A console text with `{name}` placeholders filled (values are plain text: the template escapes). */
export function consoleText(
  locale: Locale,
  key: ConsoleTextKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return CONSOLE_TEXTS[locale][key].replace(/\{([a-z_]+)\}/gi, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export const windowLabel = (locale: Locale, kind: WindowKind): string =>
  consoleText(locale, `window.${kind}`);

/** A notice's delivery in the console's four words. */
export function deliveryKey(status: NoticeStatus): ConsoleTextKey {
  if (status === 'sent') return 'delivery.sent';
  if (status === 'ambiguous') return 'delivery.ambiguous';
  if (status === 'failed' || status === 'parked') return 'delivery.failed';
  return 'delivery.pending';
}
