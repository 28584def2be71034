// Buttons as Discord API JSON: the notice's actions, the panel's "Open a case", "Show the full text".
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  type APIComponentInMessageActionRow,
  ComponentType,
} from 'discord.js';
import {
  type ActionId,
  actionLabelKey,
  type Locale,
  type NoticeAction,
  renderText,
} from '../../../src/core/index.ts';
import { sharedLabel } from '../../shared/labels.ts';
import {
  actionCustomId,
  HAND_OVER_ALL_ID,
  handOverCustomId,
  moreCustomId,
  OPEN_CASE_ID,
  type StaffAction,
  staffCustomId,
} from '../ids.ts';
import { adapterText } from './labels.ts';
import { truncate } from './markdown.ts';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

const STYLE: Partial<Record<ActionId, ButtonStyle>> = {
  claim: ButtonStyle.Primary,
  accept: ButtonStyle.Primary,
  approve: ButtonStyle.Success,
  confirm: ButtonStyle.Success,
  resolve: ButtonStyle.Success,
  mark_resolved: ButtonStyle.Success,
  decline: ButtonStyle.Danger,
  cannot_resolve: ButtonStyle.Danger,
};

const button = (
  customId: string,
  label: string,
  style: ButtonStyle,
  disabled = false,
): APIButtonComponent => ({
  type: ComponentType.Button,
  custom_id: customId,
  label: truncate(label, 80).text,
  style: style as ButtonStyle.Primary,
  ...(disabled ? { disabled: true } : {}),
});

/** Discord allows 5 buttons per row and 5 rows per message. */
function rows(buttons: APIButtonComponent[]): ActionRow[] {
  const out: ActionRow[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += 5) {
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
  }
  return out;
}

export function actionRows(
  actions: readonly NoticeAction[],
  locale: Locale,
  options: { disabled?: boolean; extra?: APIButtonComponent[] } = {},
): ActionRow[] {
  const buttons = actions.map((a) =>
    button(
      actionCustomId(a),
      renderText(actionLabelKey(a.id), { locale, timeZone: 'UTC' }),
      STYLE[a.id] ?? ButtonStyle.Secondary,
      options.disabled,
    ),
  );
  return rows([...buttons, ...(options.extra ?? [])]);
}

/** A staff control the triage card adds to the core's buttons (see STAFF_ACTIONS in ids.ts). */
export const staffButton = (
  action: StaffAction,
  caseId: string,
  locale: Locale,
  disabled = false,
): APIButtonComponent =>
  button(
    staffCustomId(action, caseId),
    adapterText(`staff.${action}`, locale),
    action === 'close' ? ButtonStyle.Danger : ButtonStyle.Secondary,
    disabled,
  );

export const showAllButton = (caseId: string, locale: Locale): APIButtonComponent =>
  button(moreCustomId(caseId), sharedLabel(locale, 'show_full_text'), ButtonStyle.Secondary);

/** Going away: "Hand over #n" per held case (at most 19), then "Hand over all". */
export const handOverRows = (held: readonly { id: string; number: number }[], locale: Locale): ActionRow[] =>
  rows([
    ...held
      .slice(0, 19)
      .map((c) =>
        button(
          handOverCustomId(c.id),
          sharedLabel(locale, 'hand_over', { number: c.number }),
          ButtonStyle.Secondary,
        ),
      ),
    button(HAND_OVER_ALL_ID, sharedLabel(locale, 'hand_over_all'), ButtonStyle.Primary),
  ]);

export const panelRows = (locale: Locale): ActionRow[] =>
  rows([button(OPEN_CASE_ID, adapterText('panel.button', locale), ButtonStyle.Primary)]);

/** Approve or Decline on a list of several cases (`/support queue`): the label names the case. */
export const decisionButton = (
  customId: string,
  action: 'approve' | 'decline',
  number: number,
  locale: Locale,
): APIButtonComponent =>
  button(
    customId,
    adapterText('queue.button', locale, {
      action: renderText(actionLabelKey(action), { locale, timeZone: 'UTC' }),
      number,
    }),
    STYLE[action] ?? ButtonStyle.Secondary,
  );
