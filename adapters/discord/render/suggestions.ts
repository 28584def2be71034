// The answer bank's suggestions on Discord: on the triage card, an embed of the closest past
// answers with a "Send this answer" button each (front line); beside the customer's
// acknowledgement, "answers that helped others" with "This solved it" each. A button's custom id is
// `answer:<send|solved>:<case>:<entry>`: its own prefix, so ids.ts's other ids are untouched. An
// entry id may hold colons itself (an incident's resolution is `incident:<id>`): all after the case.
import { type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import type { Locale } from '../../../src/core/index.ts';
import { type Suggestion, suggestionPreview } from '../../shared/answer-suggestions.ts';
import { sharedLabel } from '../../shared/labels.ts';
import type { ActionRow } from './components.ts';
import { LIMITS, neutralise, truncate } from './markdown.ts';

export type SuggestionKind = 'send' | 'solved';
export interface SuggestionRef {
  kind: SuggestionKind;
  caseId: string;
  entryId: string;
}

/** Discord's longest custom id. */
const CUSTOM_ID_MAX = 100;
const PART = /^[\w.-]{1,60}$/;
const ENTRY = /^[\w.:-]{1,60}$/;

export const suggestionCustomId = (kind: SuggestionKind, caseId: string, entryId: string): string =>
  `answer:${kind}:${caseId}:${entryId}`;

/** A suggestion button's id, or null for any other or malformed custom id. */
export function parseSuggestionId(customId: string): SuggestionRef | null {
  if (customId.length > CUSTOM_ID_MAX) return null;
  const [prefix, kind, caseId, ...entryParts] = customId.split(':');
  const entryId = entryParts.join(':');
  if (prefix !== 'answer' || (kind !== 'send' && kind !== 'solved')) return null;
  if (!caseId || !PART.test(caseId) || !ENTRY.test(entryId)) return null;
  return { kind, caseId, entryId };
}

/** Only suggestions whose button id fits Discord's limit (ids are UUIDs: they always do). */
const fitting = (kind: SuggestionKind, caseId: string, list: readonly Suggestion[]) =>
  list.filter((s) => suggestionCustomId(kind, caseId, s.id).length <= CUSTOM_ID_MAX && ENTRY.test(s.id));

/** The numbered previews under a heading, as an embed. */
function suggestionEmbed(heading: string, list: readonly Suggestion[]): APIEmbed {
  const lines = list.map((s, n) => `**${n + 1}.** ${neutralise(suggestionPreview(s.text))}`);
  return { title: heading, description: truncate(lines.join('\n\n'), LIMITS.embedDescription).text };
}

function suggestionRow(
  kind: SuggestionKind,
  caseId: string,
  list: readonly Suggestion[],
  locale: Locale,
  disabled: boolean,
): ActionRow {
  const label = sharedLabel(locale, kind === 'send' ? 'send_answer' : 'solved_it');
  const buttons: APIButtonComponent[] = list.map((s, n) => ({
    type: ComponentType.Button,
    custom_id: suggestionCustomId(kind, caseId, s.id),
    label: truncate(`${label} (${n + 1})`, 80).text,
    style: kind === 'solved' ? ButtonStyle.Success : ButtonStyle.Secondary,
    ...(disabled ? { disabled: true } : {}),
  }));
  return { type: ComponentType.ActionRow, components: buttons };
}

/** The triage card's part: an embed and a row of "Send this answer", none without suggestions. */
export function staffSuggestionParts(
  caseId: string,
  list: readonly Suggestion[],
  locale: Locale,
  disabled: boolean,
): { embeds: APIEmbed[]; components: ActionRow[] } {
  const shown = fitting('send', caseId, list);
  if (shown.length === 0) return { embeds: [], components: [] };
  return {
    embeds: [suggestionEmbed(sharedLabel(locale, 'suggestions_title'), shown)],
    components: [suggestionRow('send', caseId, shown, locale, disabled)],
  };
}

/** The message beside the acknowledgement: "answers that helped others" with "This solved it". */
export function customerSuggestionMessage(caseId: string, list: readonly Suggestion[], locale: Locale) {
  const shown = fitting('solved', caseId, list);
  if (shown.length === 0) return null;
  return {
    embeds: [suggestionEmbed(sharedLabel(locale, 'helped_others'), shown)],
    components: [suggestionRow('solved', caseId, shown, locale, false)],
  };
}
