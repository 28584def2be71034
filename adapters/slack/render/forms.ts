// Modals: intake, escalate (confirm the topic), add details, accept (optional new callback time),
// cannot resolve, approve (apology and plan), decline, resolve, rate, reply (or ask the customer a
// question), outside (where the customer took the matter, level 4), and "show full text".
// Each input block's id is the field name; every input's action id is `value`.
import type { types } from '@slack/bolt';
import { type Locale, PRIORITIES, renderText, type Topic } from '../../../src/core/index.ts';
import { sharedLabel } from '../../shared/labels.ts';
import {
  ASK_COLLEAGUE_FIELDS,
  COLLEAGUE_ANSWER_FIELD,
  type ColleagueChoice,
} from '../../shared/colleagues.ts';
import { INCIDENT_FIELD, type IncidentForm, incidentFormWords } from '../../shared/incidents.ts';
import { RECOVERY_FIELD, RECOVERY_MAX_CHARS, recoveryFormWords } from '../../shared/recovery.ts';
import { type LabelKey, label } from './labels.ts';
import { type Block, LIMITS, plain, section, splitText } from './block-kit.ts';

export type View = types.ModalView;

export const FORMS = {
  intake: ['topic', 'description', 'urgency'],
  escalate: ['topic'],
  details: ['text'],
  accept: ['callback'],
  cannot_resolve: ['reason'],
  approve: ['apology', 'plan'],
  decline: ['reason'],
  resolve: ['summary'],
  rate: ['score', 'comment'],
  reply: ['text', 'ask', 'reusable'],
  outside: ['channel', 'note'],
  incident_declare: ['title'],
  incident_update: ['text'],
  incident_resolve: ['summary'],
  ask_colleague: [ASK_COLLEAGUE_FIELDS.colleague, ASK_COLLEAGUE_FIELDS.question],
  colleague_answer: [COLLEAGUE_ANSWER_FIELD],
  recovery: ['text'],
} as const;
export type FormName = keyof typeof FORMS;
export const FORM_PREFIX = 'ladder:';
export const isFormName = (name: string): name is FormName => Object.hasOwn(FORMS, name);

/** What a form carries from the click to the submission. */
export interface FormMeta {
  /** Case id. */
  c?: string;
  /** Approval id. */
  a?: string;
  /** Team and channel where /support was typed (intake). */
  t?: string;
  ch?: string;
}

type Option = types.PlainTextOption;
const option = (value: string, text: string): Option => ({ text: plain(text, LIMITS.optionText), value });

function textInput(
  locale: Locale,
  field: string,
  name: LabelKey,
  opts: { multiline?: boolean; optional?: boolean; initial?: string } = {},
): types.InputBlock {
  const element: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: opts.multiline ?? true,
    max_length: LIMITS.sectionText,
  };
  if (opts.initial) element.initial_value = opts.initial;
  return {
    type: 'input',
    block_id: field,
    label: plain(label(locale, name), 2000),
    optional: opts.optional ?? false,
    element,
  };
}

function select(
  locale: Locale,
  field: string,
  name: LabelKey,
  options: Option[],
  initial?: Option,
): types.InputBlock {
  const element: types.StaticSelect = {
    type: 'static_select',
    action_id: 'value',
    options: options.slice(0, 100),
  };
  if (initial) element.initial_option = initial;
  return { type: 'input', block_id: field, label: plain(label(locale, name), 2000), element };
}

/** A form's modal: its title (a label key, or words already in the reader's language) and blocks. */
function modal(
  form: FormName,
  locale: Locale,
  title: LabelKey | { text: string },
  meta: FormMeta,
  blocks: Block[],
): View {
  const titleText = typeof title === 'string' ? label(locale, title) : title.text;
  return {
    type: 'modal',
    callback_id: `${FORM_PREFIX}${form}`,
    private_metadata: JSON.stringify(meta),
    title: plain(titleText, LIMITS.modalTitle),
    submit: plain(label(locale, 'submit'), LIMITS.modalTitle),
    close: plain(label(locale, 'close'), LIMITS.modalTitle),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** A free-text field whose label (and hint) are words already in the reader's language. */
function wordsInput(
  field: string,
  words: { label: string; hint?: string },
  opts: { multiline?: boolean; optional?: boolean; maxLength?: number } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: field,
    label: plain(words.label, 2000),
    ...(words.hint ? { hint: plain(words.hint, 2000) } : {}),
    ...(opts.optional !== undefined ? { optional: opts.optional } : {}),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: opts.multiline ?? true,
      max_length: Math.min(opts.maxLength ?? LIMITS.sectionText, LIMITS.sectionText),
    },
  };
}

export function intakeForm(
  locale: Locale,
  topics: readonly Topic[],
  defaultTopic: string,
  meta: FormMeta,
): View {
  const topicOptions = topics.map((t) => option(t.id, t.names[locale] ?? t.names.en));
  const urgency = PRIORITIES.map((p) => option(p, renderText(`priority.${p}`, { locale, timeZone: 'UTC' })));
  return modal('intake', locale, 'intake_title', meta, [
    select(
      locale,
      'topic',
      'topic',
      topicOptions,
      topicOptions.find((o) => o.value === defaultTopic),
    ),
    textInput(locale, 'description', 'description'),
    select(
      locale,
      'urgency',
      'urgency',
      urgency,
      urgency.find((o) => o.value === 'normal'),
    ),
  ]);
}

/** Front line passes the case to an expert, confirming or correcting its topic first. */
export function escalateForm(
  locale: Locale,
  topics: readonly Topic[],
  current: string,
  meta: FormMeta,
): View {
  const topicOptions = topics.map((t) => option(t.id, t.names[locale] ?? t.names.en));
  return modal('escalate', locale, 'escalate_title', meta, [
    select(
      locale,
      'topic',
      'topic',
      topicOptions,
      topicOptions.find((o) => o.value === current),
    ),
  ]);
}

export function acceptForm(locale: Locale, meta: FormMeta): View {
  const picker: types.DateTimepicker = { type: 'datetimepicker', action_id: 'value' };
  return modal('accept', locale, 'accept_title', meta, [
    {
      type: 'input',
      block_id: 'callback',
      optional: true,
      label: plain(label(locale, 'callback_time'), 2000),
      hint: plain(label(locale, 'callback_hint'), 2000),
      element: picker,
    },
  ]);
}

export function rateForm(locale: Locale, meta: FormMeta): View {
  const scores = ['1', '2', '3', '4', '5'].map((s) => option(s, `${'★'.repeat(Number(s))} ${s}/5`));
  return modal('rate', locale, 'rate_title', meta, [
    select(locale, 'score', 'score', scores),
    textInput(locale, 'comment', 'comment', { optional: true }),
  ]);
}

/** The checkbox of the Reply form that makes the message a question (`desk.askCustomer`). */
export const ASK_CUSTOMER = 'ask';
/** The checkbox of the Reply form that offers the answer to the answer bank (`reusable: true`). */
export const REUSABLE = 'reusable';

/**
 * Staff write to the customer: an answer (the promise is kept), or, with the box ticked, a question
 * (the promise pauses until the customer answers).
 */
export function replyForm(locale: Locale, meta: FormMeta): View {
  const ask: types.Checkboxes = {
    type: 'checkboxes',
    action_id: 'value',
    options: [{ text: plain(label(locale, 'ask_customer_option'), LIMITS.optionText), value: ASK_CUSTOMER }],
  };
  return modal('reply', locale, 'reply_title', meta, [
    textInput(locale, 'text', 'message'),
    {
      type: 'input',
      block_id: 'ask',
      optional: true,
      label: plain(label(locale, 'ask_customer'), 2000),
      element: ask,
    },
    {
      type: 'input',
      block_id: 'reusable',
      optional: true,
      label: plain(sharedLabel(locale, 'answer_bank'), 2000),
      element: {
        type: 'checkboxes',
        action_id: 'value',
        options: [
          { text: plain(sharedLabel(locale, 'reusable_option'), LIMITS.optionText), value: REUSABLE },
        ],
      },
    },
  ]);
}

/**
 * Ask a colleague: whom (a menu of the directory's staff, adapters/shared/colleagues.ts) and the
 * question; nothing of it reaches the customer.
 */
export function askColleagueForm(locale: Locale, choices: readonly ColleagueChoice[], meta: FormMeta): View {
  const element: types.StaticSelect = {
    type: 'static_select',
    action_id: 'value',
    options: choices.slice(0, 100).map((c) => option(c.value, c.label)),
  };
  return modal('ask_colleague', locale, { text: sharedLabel(locale, 'ask_colleague') }, meta, [
    {
      type: 'input',
      block_id: ASK_COLLEAGUE_FIELDS.colleague,
      label: plain(sharedLabel(locale, 'colleague'), 2000),
      element,
    },
    wordsInput(ASK_COLLEAGUE_FIELDS.question, { label: sharedLabel(locale, 'colleague_question') }),
  ]);
}

/** The colleague asked answers the holder (an internal note). */
export function colleagueAnswerForm(locale: Locale, meta: FormMeta): View {
  return modal('colleague_answer', locale, { text: sharedLabel(locale, 'colleague_answer_title') }, meta, [
    wordsInput(COLLEAGUE_ANSWER_FIELD, { label: sharedLabel(locale, 'colleague_answer') }),
  ]);
}

/** Where a customer can take a matter over everyone's head, as the outside form offers them. */
export const OUTSIDE_CHANNELS = {
  email: 'outside_email',
  phone: 'outside_phone',
  manager: 'outside_manager',
  public: 'outside_public',
  other: 'outside_other',
} as const satisfies Record<string, LabelKey>;

/** A supervisor records that the customer went outside the team (level 4): where, and a note. */
export function outsideForm(locale: Locale, meta: FormMeta): View {
  const channels = Object.entries(OUTSIDE_CHANNELS).map(([value, name]) =>
    option(value, label(locale, name)),
  );
  return modal('outside', locale, 'outside_title', meta, [
    select(locale, 'channel', 'outside_channel', channels),
    textInput(locale, 'note', 'outside_note', { optional: true }),
  ]);
}

/** Forms made of text fields only. */
const TEXT_FORMS: Record<
  Exclude<
    FormName,
    | 'intake'
    | 'escalate'
    | 'accept'
    | 'rate'
    | 'reply'
    | 'outside'
    | 'ask_colleague'
    | 'colleague_answer'
    | 'recovery'
    | IncidentForm
  >,
  { title: LabelKey; fields: readonly [string, LabelKey, boolean][] }
> = {
  details: { title: 'details_title', fields: [['text', 'details', false]] },
  cannot_resolve: { title: 'cannot_title', fields: [['reason', 'reason', false]] },
  approve: {
    title: 'approve_title',
    fields: [
      ['apology', 'apology', false],
      ['plan', 'plan', false],
    ],
  },
  decline: { title: 'decline_title', fields: [['reason', 'decline_reason', false]] },
  resolve: { title: 'resolve_title', fields: [['summary', 'summary', true]] },
};

export function textForm(form: keyof typeof TEXT_FORMS, locale: Locale, meta: FormMeta): View {
  const spec = TEXT_FORMS[form];
  return modal(
    form,
    locale,
    spec.title,
    meta,
    spec.fields.map(([field, name, optional]) => textInput(locale, field, name, { optional })),
  );
}

/** An incident's one-field form (adapters/shared/incidents.ts); `meta.a` is the incident's id. */
export function incidentForm(form: IncidentForm, locale: Locale, meta: FormMeta): View {
  const words = incidentFormWords(form, locale);
  const field = INCIDENT_FIELD[form];
  return modal(form, locale, { text: words.title }, meta, [
    wordsInput(
      field.id,
      { label: words.field },
      { multiline: form !== 'incident_declare', optional: field.optional },
    ),
  ]);
}

/** Level 4: a supervisor writes the recovery the customer receives (adapters/shared/recovery.ts). */
export function recoveryForm(locale: Locale, meta: FormMeta): View {
  const words = recoveryFormWords(locale);
  return modal('recovery', locale, { text: words.title }, meta, [
    wordsInput(RECOVERY_FIELD, { label: words.field, hint: words.hint }, { maxLength: RECOVERY_MAX_CHARS }),
  ]);
}

export function fullTextView(locale: Locale, text: string): View {
  return {
    type: 'modal',
    title: plain(label(locale, 'full_text_title'), LIMITS.modalTitle),
    close: plain(label(locale, 'close'), LIMITS.modalTitle),
    blocks: splitText(text, LIMITS.sectionText).slice(0, LIMITS.viewBlocks).map(section),
  };
}

/**
 * The submitted values by field: text, the selected option's value, the ticked boxes' values (comma
 * separated; none is no value), or a picked time (unix seconds).
 */
export function formValues(
  values: Record<string, Record<string, unknown>>,
): Record<string, string | undefined> {
  const read = (input: unknown): string | undefined => {
    if (typeof input !== 'object' || input === null) return undefined;
    const v = input as {
      value?: unknown;
      selected_option?: { value?: unknown } | null;
      selected_options?: unknown;
      selected_date_time?: unknown;
    };
    if (typeof v.value === 'string') return v.value;
    if (typeof v.selected_option?.value === 'string') return v.selected_option.value;
    if (Array.isArray(v.selected_options)) {
      const ticked = v.selected_options
        .map((o: { value?: unknown } | null) => o?.value)
        .filter((value): value is string => typeof value === 'string');
      return ticked.length > 0 ? ticked.join(',') : undefined;
    }
    if (typeof v.selected_date_time === 'number') return String(v.selected_date_time);
    return undefined;
  };
  return Object.fromEntries(Object.entries(values).map(([field, inputs]) => [field, read(inputs.value)]));
}
