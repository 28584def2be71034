// The staff card (one embed per case in the team's triage channel, redrawn as the case moves) and
// the decided form of an approval request (every copy shows the decision, without buttons).
import type { APIEmbed } from 'discord.js';
import {
  type ActionId,
  type Case,
  CATALOGS,
  type Directory,
  type Locale,
  type TextKey,
} from '../../../src/core/index.ts';
import type { Suggestion } from '../../shared/answer-suggestions.ts';
import { actionRows, showAllButton, staffButton } from './components.ts';
import { adapterText } from './labels.ts';
import { LIMITS, neutralise, truncate } from './markdown.ts';
import { staffSuggestionParts } from './suggestions.ts';

/** What the card shows besides the case: its opening text and its buttons. */
export interface CardContent {
  /** The card's full text (the new-case notice), for "Show the full text". */
  text: string;
  actions: ActionId[];
  /** The answer bank's closest past answers (render/suggestions.ts), kept with the card. */
  suggestions?: Suggestion[];
}

const COLOURS = { low: 0x5865f2, elevated: 0xfee75c, high: 0xed4245, done: 0x57f287 } as const;

function label(locale: Locale, key: string): string {
  return CATALOGS[locale][key as TextKey] ?? key;
}

/** The card's live state; when it has not changed, the card is not edited. */
export const cardFingerprint = (c: Case): string =>
  [
    c.status,
    c.level,
    c.ownerId,
    c.window?.dueAt.toISOString(),
    c.window?.paused ? 'paused' : '',
    c.risk.band,
  ].join('|');

export function cardMessage(c: Case, card: CardContent, directory: Directory, locale: Locale) {
  const people = directory.people;
  const done = c.status === 'resolved' || c.status === 'closed';
  const description = truncate(card.text, LIMITS.embedDescription);
  const due = c.window && !c.window.paused ? Math.floor(c.window.dueAt.getTime() / 1000) : null;
  const owner = c.ownerId === null ? label(locale, 'nobody') : (people[c.ownerId]?.name ?? c.ownerId);
  const embed: APIEmbed = {
    title: truncate(`#${c.number} · ${neutralise(c.customer.name)}`, LIMITS.embedTitle).text,
    description: description.text,
    color: done ? COLOURS.done : COLOURS[c.risk.band],
    fields: [
      { name: adapterText('card.status', locale), value: label(locale, `status.${c.status}`), inline: true },
      { name: adapterText('card.level', locale), value: label(locale, `level.${c.level}`), inline: true },
      { name: adapterText('card.owner', locale), value: truncate(owner, 200).text, inline: true },
      {
        name: adapterText('card.due', locale),
        // Discord shows <t:...> in each reader's own time zone.
        value: due === null ? adapterText('card.none', locale) : `<t:${due}:f> (<t:${due}:R>)`,
        inline: true,
      },
      { name: adapterText('card.risk', locale), value: label(locale, `risk.${c.risk.band}`), inline: true },
    ],
  };
  const actions = card.actions.map((id) => ({ id, caseId: c.id }));
  // Staff controls beside the core's: a question to the customer and closing while it is in
  // progress; the customer gone outside even once finished (the desk reopens it for supervisors).
  const staff = [
    staffButton('reply', c.id, locale, done),
    staffButton('ask_customer', c.id, locale, done),
    staffButton('ask_colleague', c.id, locale, done),
    staffButton('record_outside', c.id, locale),
    staffButton('close', c.id, locale, c.status === 'closed'),
  ];
  const extra = [...(description.cut ? [showAllButton(c.id, locale)] : []), ...staff];
  // Past answers while the case is in progress (as on Slack); gone once it is finished.
  const past = staffSuggestionParts(c.id, done ? [] : (card.suggestions ?? []), locale, false);
  return {
    embeds: [embed, ...past.embeds],
    components: [...actionRows(actions, locale, { disabled: done, extra }), ...past.components],
  };
}

/** A copy of an approval request once decided (or no longer needed): the outcome, no buttons. */
export const decidedApprovalMessage = (outcome: string, approved: boolean) => ({
  components: [],
  embeds: [{ description: outcome, color: approved ? COLOURS.done : 0x99aab5 }],
});
