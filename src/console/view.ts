// What every console page is rendered with: the reader's language and zone, the instant the page
// is built (from deps.clock), where the console is mounted, and who is looking.
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppConfig } from '../config/load-config.ts';
import type { Locale } from '../core/model.ts';
import { type ConsoleTextKey, consoleText } from './texts.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * Who is looking: the local playground (no sign-in), the token's holder, a supervisor, or someone
 * not signed in yet (only the sign-in pages render for them).
 */
export type Viewer =
  { kind: 'open' } | { kind: 'token' } | { kind: 'person'; personId: string } | { kind: 'anonymous' };

export interface View {
  locale: Locale;
  /** IANA zone instants are shown in. */
  timeZone: string;
  now: Date;
  /** Where the console is mounted ('' at the root): every link starts with it. */
  base: string;
  /** The request's path (with the mount), for the language switch. */
  path: string;
  viewer: Viewer;
  config: AppConfig;
  /** Whether countdowns tick down in the browser (off for a simulated clock). */
  liveCountdown: boolean;
  t(key: ConsoleTextKey, params?: Readonly<Record<string, string | number>>): string;
}

export function makeView(options: Omit<View, 't'>): View {
  return { ...options, t: (key, params) => consoleText(options.locale, key, params) };
}

/** A person's name from the directory, else the id as given. */
export function personName(config: AppConfig, id: string | null): string {
  if (id === null) return '—';
  return config.desk.directory.people[id]?.name ?? id;
}

export function teamName(config: AppConfig, id: string): string {
  return config.desk.directory.teams[id]?.name ?? id;
}

export function topicName(config: AppConfig, id: string, locale: Locale): string {
  const names = config.desk.directory.topics[id]?.names;
  return names ? (names[locale] ?? names.en) : id;
}

/** The zone a team works in (its calendar's), for its own times. */
export function teamZone(config: AppConfig, teamId: string): string | undefined {
  const calendar = config.desk.directory.teams[teamId]?.calendar;
  return calendar ? config.desk.directory.calendars[calendar]?.timeZone : undefined;
}
