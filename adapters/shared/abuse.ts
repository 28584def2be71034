// The abuse shield as every platform shows it (README "Abuse shield"): which of its buttons still
// fit a case, and a case's words as staff read them (masked, flagged). The core decides each click.
import { type ActionId, type Case, forStaff, type Locale, renderText } from '../../src/core/index.ts';

/** The abuse shield's buttons that still fit the case for a staff member (a supervisor of its team or not). */
export function abuseButtons(
  c: Case,
  supervisor: boolean,
): Extract<ActionId, 'abuse_reply' | 'abuse_take_over' | 'abuse_stay'>[] {
  const abuse = c.abuse;
  if (abuse === null) return [];
  const replied = abuse.repliedAt !== null && abuse.repliedAt.getTime() >= abuse.lastAt.getTime();
  return [
    ...(replied ? [] : (['abuse_reply'] as const)),
    ...(supervisor && abuse.count >= 2 ? (['abuse_take_over', 'abuse_stay'] as const) : []),
  ];
}

/**
 * A customer's words (the case's request) as staff read them outside a notice: abusive words masked,
 * with the flag before them when any were.
 */
export function wordsForStaff(words: string, locale: Locale): string {
  const shown = forStaff(words);
  if (shown.abusive === undefined) return words;
  return `${renderText('flag.abusive', { locale, timeZone: 'UTC' })} ${shown.text}`;
}
