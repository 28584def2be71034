// Block Kit building blocks and Slack's limits: at most 50 blocks per message (ours have three at
// most) and 100 in a modal or the Home tab, 3000 characters per section text, 75 per button label,
// 24 per modal title.
import type { types } from '@slack/bolt';
import type { ActionId } from '../../../src/core/index.ts';

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

/** Adapter-only buttons next to the core's actions: "show full text" and "reply to customer". */
export type ButtonId = ActionId | 'more' | 'reply';
export const ACTION_PREFIX = 'ladder:';
export const actionIdOf = (id: ButtonId): string => `${ACTION_PREFIX}${id}`;

/** What a button carries back: the case, and the approval or notice it is about. */
export interface ButtonValue {
  c: string;
  a?: string | undefined;
  n?: string | undefined;
}

const ELLIPSIS = '…';

/**
 * Cuts mrkdwn text to at most `max` characters (ellipsis included), at a space when one is near,
 * never inside an escape like `&amp;`.
 */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  if (space > end - 200 && space > 0) end = space;
  const amp = text.lastIndexOf('&', end);
  if (amp >= 0 && text.indexOf(';', amp) >= end && end - amp < 8) end = amp;
  return { text: `${text.slice(0, end).trimEnd()}${ELLIPSIS}`, cut: true };
}

/** Splits text into pieces of at most `max` characters (for showing a long text in a modal). */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let end = max;
    const newline = rest.lastIndexOf('\n', end);
    const space = rest.lastIndexOf(' ', end);
    const at = newline > max / 2 ? newline : space > max / 2 ? space : end;
    end = at;
    const amp = rest.lastIndexOf('&', end);
    if (amp >= 0 && rest.indexOf(';', amp) >= end && end - amp < 8) end = amp;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end).replace(/^[ \n]/, '');
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

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

export function button(id: ButtonId, text: string, value: ButtonValue, style?: 'primary' | 'danger') {
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
