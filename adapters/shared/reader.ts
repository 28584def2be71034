// Whom a text is for: the language and time zone an adapter answers a person in.
import type { Locale } from '../../src/core/index.ts';

export interface Reader {
  locale: Locale;
  /** IANA zone; instants in the text are shown in it. */
  timeZone: string;
}

/** A platform's language tag (Slack `fr-FR`, Discord `fr`, `en-GB`, `lt`) as one of the bot's languages. */
export function localeFromTag(tag: string | null | undefined): Locale {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return language === 'fr' || language === 'lt' ? language : 'en';
}
