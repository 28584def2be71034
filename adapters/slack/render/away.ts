// Away's messages and controls (adapters/shared/away.ts): the answer to `/support away` with the
// offer to hand over each held case ("Hand over #n" beside it, "Hand over all" below), and App
// Home's Away / Back toggle.
import type { Case, Locale } from '../../../src/core/index.ts';
import { wordsForStaff } from '../../shared/abuse.ts';
import type { AwayAnswer } from '../../shared/away.ts';
import { sharedLabel } from '../../shared/labels.ts';
import { actions, type Block, button, section, truncate } from './block-kit.ts';
import { neutralise } from './escape.ts';

/** Cases listed with their own button; the rest are handed over with "Hand over all". */
export const OFFER_LIMIT = 20;

/** `c` of a button about no case (its value must name one). */
const NO_CASE = '-';

const heldLine = (c: Case, locale: Locale): Block => ({
  ...section(
    `*#${c.number}* ${neutralise(c.customer.name)}: “${truncate(neutralise(wordsForStaff(c.words, locale)), 140).text}”`,
  ),
  accessory: button('hand_over', sharedLabel(locale, 'hand_over', { number: c.number }), { c: c.id }),
});

export function awayMessage(answer: AwayAnswer, locale: Locale): { text: string; blocks: Block[] } {
  if (answer.held.length === 0) return { text: answer.text, blocks: [section(answer.text)] };
  return {
    text: `${answer.text}\n${answer.offer}`,
    blocks: [
      section(answer.text),
      section(answer.offer),
      ...answer.held.slice(0, OFFER_LIMIT).map((c) => heldLine(c, locale)),
      ...actions([button('hand_over_all', sharedLabel(locale, 'hand_over_all'), { c: NO_CASE }, 'primary')]),
    ],
  };
}

/** App Home's toggle: "I am away" while here, "I am back" while away. */
export const awayToggle = (away: boolean, locale: Locale): Block => ({
  ...section(sharedLabel(locale, away ? 'away_now' : 'here_now')),
  accessory: away
    ? button('come_back', sharedLabel(locale, 'come_back'), { c: NO_CASE }, 'primary')
    : button('go_away', sharedLabel(locale, 'go_away'), { c: NO_CASE }),
});
