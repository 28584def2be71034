// Renders a core notice as a Slack message: the catalog text in the reader's language and zone,
// with every user-provided value neutralised first (adapters/shared/params.ts says which), and the
// notice's actions as buttons. A text longer than a section allows is cut, with a button that opens
// the rest.
import {
  actionLabelKey,
  type Locale,
  type Notice,
  type NoticeAction,
  renderText,
} from '../../../src/core/index.ts';
import { sharedLabel } from '../../shared/labels.ts';
import { noticeText as sharedNoticeText } from '../../shared/params.ts';
import {
  actions,
  type Block,
  type ButtonId,
  button,
  context,
  fallbackText,
  LIMITS,
  section,
  truncate,
} from './block-kit.ts';
import { neutralise } from './escape.ts';
import { type LabelKey, label } from './labels.ts';

export interface RenderedMessage {
  text: string;
  blocks: Block[];
  /** The whole body when it had to be cut (kept so "Show full text" can open it). */
  fullText?: string;
}

/** The notice's text as mrkdwn; throws when the key is not in the catalog (a programming error). */
export const noticeText = (notice: Pick<Notice, 'key' | 'params' | 'locale' | 'timeZone'>): string =>
  sharedNoticeText(notice, neutralise);

const STYLE: Partial<Record<ButtonId, 'primary' | 'danger'>> = {
  claim: 'primary',
  accept: 'primary',
  approve: 'primary',
  confirm: 'primary',
};

const ADAPTER_BUTTONS = {
  reply: 'reply_action',
  close: 'close_action',
  record_outside: 'outside_action',
} as const satisfies Record<string, LabelKey>;

export function actionButton(action: NoticeAction | { id: ButtonId; caseId: string }, locale: Locale) {
  const id = action.id;
  const text =
    id === 'more'
      ? sharedLabel(locale, 'show_full_text')
      : id === 'ask_colleague'
        ? sharedLabel(locale, 'ask_colleague')
        : id === 'reply' || id === 'close' || id === 'record_outside'
          ? label(locale, ADAPTER_BUTTONS[id])
          : renderText(actionLabelKey(id), { locale, timeZone: 'UTC' });
  // `a` carries the approval a decision is about, or the incident an incident button acts on.
  const { approvalId, incidentId } = action as Partial<NoticeAction>;
  const about = approvalId ?? incidentId;
  return button(action.id, text, { c: action.caseId, ...(about ? { a: about } : {}) }, STYLE[action.id]);
}

/**
 * The notice's text as one section (cut if needed, with "Show full text"), an optional hint line,
 * then its buttons.
 */
export function renderNotice(
  notice: Notice,
  buttons: readonly NoticeAction[],
  hint?: string,
): RenderedMessage {
  const body = noticeText(notice);
  const { text, cut } = truncate(body, LIMITS.sectionText);
  const more = cut
    ? [button('more', sharedLabel(notice.locale, 'show_full_text'), { c: notice.caseId, n: notice.id })]
    : [];
  const elements = [...buttons.map((a) => actionButton(a, notice.locale)), ...more];
  const blocks: Block[] = [section(text), ...(hint ? [context(hint)] : []), ...actions(elements)];
  return { text: fallbackText(body), blocks, ...(cut ? { fullText: body } : {}) };
}
