// The triage card (one per case, redrawn in place as the case moves) and the approval card's
// decided form (every copy shows the decision, without buttons). While the case is in progress the
// card offers the shared triage actions, Reply (or ask the customer), Ask a colleague, Close and Record outside
// contact; once resolved, Close (without waiting for the customer) and Record outside contact; once
// closed, Record outside contact only (a customer who goes outside reopens it for the supervisors).
import {
  type Case,
  type Directory,
  formatInstant,
  type Locale,
  renderText,
} from '../../../src/core/index.ts';
import type { Suggestion } from '../../shared/answer-suggestions.ts';
import { isInProgress, TRIAGE_CARD_ACTIONS } from '../../shared/customer-actions.ts';
import { shownName } from '../../shared/params.ts';
import { actions, type Block, type ButtonId, context, LIMITS, section, truncate } from './block-kit.ts';
import { neutralise } from './escape.ts';
import { label } from './labels.ts';
import { actionButton } from './notice.ts';
import { staffSuggestionBlocks } from './suggestions.ts';

const text = (locale: Locale, key: Parameters<typeof renderText>[0]) =>
  renderText(key, { locale, timeZone: 'UTC' });

/** "Status / Handled by / Next reply due / Risk / Level" as the reader would say it. */
export function caseFields(c: Case, directory: Directory, locale: Locale, timeZone: string): Block {
  const owner =
    c.ownerId === null
      ? text(locale, 'nobody')
      : shownName(directory.people[c.ownerId]?.name ?? c.ownerId, neutralise);
  const window = c.window;
  const due =
    window === null
      ? label(locale, 'no_due')
      : window.paused !== null
        ? label(locale, 'paused')
        : formatInstant(window.dueAt.toISOString(), locale, timeZone);
  const field = (name: Parameters<typeof label>[1], value: string) => ({
    type: 'mrkdwn' as const,
    text: truncate(`*${label(locale, name)}*\n${value}`, 2000).text,
  });
  return {
    type: 'section',
    fields: [
      field('field_status', text(locale, `status.${c.status}`)),
      field('field_owner', owner),
      field('field_due', due),
      field('field_risk', text(locale, `risk.${c.risk.band}`)),
      field('field_level', text(locale, `level.${c.level}`)),
    ],
  };
}

/** `suggestions`: the answer bank's closest past answers, shown while the case is in progress. */
export function triageCardBlocks(
  intro: string,
  c: Case,
  directory: Directory,
  locale: Locale,
  timeZone: string,
  suggestions: readonly Suggestion[] = [],
): Block[] {
  const ids: readonly ButtonId[] = isInProgress(c)
    ? [...TRIAGE_CARD_ACTIONS, 'reply', 'ask_colleague', 'close', 'record_outside']
    : c.status === 'resolved'
      ? ['close', 'record_outside']
      : ['record_outside'];
  const buttons = ids.map((id) => actionButton({ id, caseId: c.id }, locale));
  const past = isInProgress(c) ? staffSuggestionBlocks(c.id, suggestions, locale) : [];
  return [section(intro), caseFields(c, directory, locale, timeZone), ...actions(buttons), ...past];
}

export function decidedApprovalBlocks(body: string, outcome: string): Block[] {
  return [section(truncate(body, LIMITS.sectionText).text), context(`*${outcome}*`)];
}
