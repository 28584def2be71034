// Block Kit building blocks and Slack's limits: at most 50 blocks per message (ours have three at
// most) and 100 in a modal or the Home tab, 3000 characters per section text, 75 per button label,
// 24 per modal title.
import type { types } from '@slack/bolt';
import type { ActionId } from '../../../src/core/index.ts';
import { truncate as cutText, splitText as splitLongText } from '../../shared/long-text.ts';
import { MRKDWN_ESCAPES } from './escape.ts';

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

export const LIMITS = {
  viewBlocks: 100,
  sectionText: 3000,
  buttonText: 75,
  optionText: 75,
  modalTitle: 24,
  /** The plain-text fallback shown in notifications. */
  fallbackText: 3000,
} as const;

/**
 * Adapter-only buttons next to the core's actions: "show full text", "reply to customer" (which can
 * also ask the customer a question), "close case", "record outside contact" (level 4) and "ask a
 * colleague" (adapters/shared/colleagues.ts).
 */
export type ButtonId = ActionId | 'more' | 'reply' | 'close' | 'record_outside' | 'ask_colleague';
/**
 * The answer bank's buttons (render/suggestions.ts): "Send this answer" on the triage card, "This
 * solved it" under the customer's acknowledgement; `a` carries the entry.
 */
export type SuggestionButtonId = 'send_answer' | 'solved_it';
/** Away's buttons (render/away.ts): hand one held case over (`c`), or all; App Home's toggle. */
export type AwayButtonId = 'hand_over' | 'hand_over_all' | 'go_away' | 'come_back';
export type AnyButtonId = ButtonId | SuggestionButtonId | AwayButtonId;
export const ACTION_PREFIX = 'ladder:';
export const actionIdOf = (id: AnyButtonId): string => `${ACTION_PREFIX}${id}`;

/** What a button carries back: the case, and the approval or notice it is about. */
export interface ButtonValue {
  c: string;
  a?: string | undefined;
  n?: string | undefined;
}

/** Cuts mrkdwn to at most `max` characters (ellipsis included), never inside an escape like `&amp;`. */
export const truncate = (text: string, max: number) => cutText(text, max, MRKDWN_ESCAPES);

/** Splits mrkdwn into pieces of at most `max` characters (a long text shown in a modal). */
export const splitText = (text: string, max: number) => splitLongText(text, max, MRKDWN_ESCAPES);

export const plain = (text: string, max: number = LIMITS.buttonText): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max).text,
  emoji: true,
});

/** A section of mrkdwn. `verbatim` stops Slack from turning words into links or mentions. */
export const section = (text: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText).text, verbatim: true },
});

export const context = (text: string): types.ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText).text, verbatim: true }],
});

export function button(id: AnyButtonId, text: string, value: ButtonValue, style?: 'primary' | 'danger') {
  const element: ButtonElement = {
    type: 'button',
    action_id: actionIdOf(id),
    text: plain(text),
    value: JSON.stringify(value),
  };
  if (style) element.style = style;
  return element;
}

/** Up to 25 buttons per actions block (Slack's limit); none gives no block. */
export function actions(buttons: readonly ButtonElement[], blockId?: string): types.ActionsBlock[] {
  if (buttons.length === 0) return [];
  const block: types.ActionsBlock = { type: 'actions', elements: buttons.slice(0, 25) };
  if (blockId) block.block_id = blockId;
  return [block];
}

/** Plain text for notifications and screen readers: mrkdwn without its emphasis marks. */
export const fallbackText = (text: string): string => truncate(text, LIMITS.fallbackText).text;
