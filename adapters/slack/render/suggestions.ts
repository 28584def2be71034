// The answer bank's suggestions in Block Kit: on the triage card, each past answer with "Send this
// answer" (front line); under the customer's acknowledgement, each with "This solved it". The
// entry's id rides in the button's value (`a`); the text shown is escaped and cut.
import type { Locale } from '../../../src/core/index.ts';
import { type Suggestion, suggestionPreview } from '../../shared/answer-suggestions.ts';
import { sharedLabel } from '../../shared/labels.ts';
import { type Block, button, context, LIMITS, type SuggestionButtonId, truncate } from './block-kit.ts';
import { neutralise } from './escape.ts';

function suggestionBlocks(
  caseId: string,
  list: readonly Suggestion[],
  locale: Locale,
  heading: string,
  id: SuggestionButtonId,
): Block[] {
  if (list.length === 0) return [];
  const label = sharedLabel(locale, id === 'send_answer' ? 'send_answer' : 'solved_it');
  return [
    context(`*${heading}*`),
    ...list.map((s): Block => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`> ${neutralise(suggestionPreview(s.text))}`, LIMITS.sectionText).text,
        verbatim: true,
      },
      accessory: button(id, label, { c: caseId, a: s.id }),
    })),
  ];
}

/** The triage card's part: up to three past answers, each with "Send this answer". */
export const staffSuggestionBlocks = (caseId: string, list: readonly Suggestion[], locale: Locale) =>
  suggestionBlocks(caseId, list, locale, sharedLabel(locale, 'suggestions_title'), 'send_answer');

/** Under the acknowledgement: "answers that helped others", each with "This solved it". */
export const customerSuggestionBlocks = (caseId: string, list: readonly Suggestion[], locale: Locale) =>
  suggestionBlocks(caseId, list, locale, sharedLabel(locale, 'helped_others'), 'solved_it');
