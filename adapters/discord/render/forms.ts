// The forms (modals) the adapter opens, as Discord API JSON. Choices use select menus inside the
// form (Label components), so opening a case is one step: topic, description and urgency together.
import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from 'discord.js';
import { type Directory, type Locale, PRIORITIES, renderText } from '../../../src/core/index.ts';
import { INCIDENT_FIELD, type IncidentForm, incidentFormWords } from '../../shared/incidents.ts';
import { RECOVERY_FIELD, RECOVERY_MAX_CHARS, recoveryFormWords } from '../../shared/recovery.ts';
import { sharedLabel } from '../../shared/labels.ts';
import {
  ASK_COLLEAGUE_FIELDS,
  COLLEAGUE_ANSWER_FIELD,
  type ColleagueChoice,
} from '../../shared/colleagues.ts';
import { type Form, formCustomId } from '../ids.ts';
import { type AdapterTextKey, adapterText } from './labels.ts';
import { truncate } from './markdown.ts';

export type ModalJson = APIModalInteractionResponseCallbackData;
type ModalComponents = ModalJson['components'];

/** Discord's limits: a title or a label is at most 45 characters, a text input 4,000. */
const short = (text: string) => truncate(text, 45).text;

function textField(
  customId: string,
  label: string,
  options: { paragraph?: boolean; required?: boolean; hint?: string; max?: number } = {},
) {
  return {
    type: ComponentType.Label,
    label: short(label),
    ...(options.hint ? { description: options.hint.slice(0, 100) } : {}),
    component: {
      type: ComponentType.TextInput,
      custom_id: customId,
      style: options.paragraph === false ? TextInputStyle.Short : TextInputStyle.Paragraph,
      required: options.required ?? true,
      ...(options.required === false ? {} : { min_length: 1 }),
      max_length: options.max ?? 4000,
    },
  };
}

function selectField(
  customId: string,
  label: string,
  choices: { value: string; label: string; default?: boolean }[],
) {
  return {
    type: ComponentType.Label,
    label: short(label),
    component: {
      type: ComponentType.StringSelect,
      custom_id: customId,
      required: true,
      min_values: 1,
      max_values: 1,
      options: choices.slice(0, 25).map((c) => ({
        value: c.value,
        label: c.label.slice(0, 100),
        ...(c.default ? { default: true } : {}),
      })),
    },
  };
}

/** The Reply form's box: the answer goes to the answer bank too (`reusable: true`). */
export const REUSABLE = 'reusable';

/** One optional box to tick (a checkbox group of one option). */
function checkboxField(customId: string, label: string, option: string) {
  return {
    type: ComponentType.Label,
    label: short(label),
    component: {
      type: ComponentType.CheckboxGroup,
      custom_id: customId,
      required: false,
      min_values: 0,
      max_values: 1,
      options: [{ value: customId, label: option.slice(0, 100) }],
    },
  };
}

export function intakeForm(directory: Directory, locale: Locale): ModalJson {
  const topics = Object.values(directory.topics).map((t) => ({
    value: t.id,
    label: t.names[locale] ?? t.names.en,
    default: t.id === directory.defaultTopic,
  }));
  const urgencies = PRIORITIES.map((p) => ({
    value: p,
    label: renderText(`priority.${p}`, { locale, timeZone: 'UTC' }),
    default: p === 'normal',
  }));
  return {
    custom_id: formCustomId({ form: 'intake' }),
    title: short(adapterText('form.intake.title', locale)),
    components: [
      selectField('topic', adapterText('form.intake.topic', locale), topics),
      textField('description', adapterText('form.intake.description', locale), {
        hint: adapterText('form.intake.description_hint', locale),
      }),
      selectField('urgency', adapterText('form.intake.urgency', locale), urgencies),
    ] as ModalComponents,
  };
}

/** Where a customer who went over everyone's head went (recorded in the reader's words). */
export const OUTSIDE_CHANNELS = ['email', 'phone', 'manager', 'public', 'other'] as const;

/** What a case form may need besides the language: the reader's time zone. */
export interface FormContext {
  timeZone: string;
  /** Pass to expert: the topics to choose from, the case's own first. */
  topics?: { directory: Directory; current: string };
  /** Ask a colleague: whom the form offers (adapters/shared/colleagues.ts). */
  colleagues?: readonly ColleagueChoice[];
}

/** An incident's one-field form; the incident's id rides where an approval's would. */
export function incidentModal(
  form: IncidentForm,
  locale: Locale,
  ref: { caseId: string; incidentId?: string },
): ModalJson {
  const words = incidentFormWords(form, locale);
  const field = INCIDENT_FIELD[form];
  return {
    custom_id: formCustomId({
      form,
      caseId: ref.caseId,
      ...(ref.incidentId ? { approvalId: ref.incidentId } : {}),
    }),
    title: short(words.title),
    components: [
      textField(field.id, words.field, {
        paragraph: form !== 'incident_declare',
        required: !field.optional,
        max: form === 'incident_declare' ? 200 : 4000,
      }),
    ] as ModalComponents,
  };
}

/** Forms that act on a case: their fields, by form. */
const CASE_FORMS: Record<
  Exclude<Form, 'intake' | IncidentForm>,
  (locale: Locale, x: FormContext) => unknown[]
> = {
  escalate: (l, x) => [
    selectField(
      'topic',
      adapterText('form.escalate.topic', l),
      Object.values(x.topics?.directory.topics ?? {}).map((t) => ({
        value: t.id,
        label: t.names[l] ?? t.names.en,
        default: t.id === x.topics?.current,
      })),
    ),
  ],
  accept: (l, x) => [
    textField('callback', adapterText('form.accept.callback', l), {
      paragraph: false,
      required: false,
      max: 40,
      hint: adapterText('form.accept.callback_hint', l, { zone: x.timeZone }),
    }),
  ],
  approve: (l) => [
    textField('apology', adapterText('form.approve.apology', l)),
    textField('plan', adapterText('form.approve.plan', l)),
  ],
  decline: (l) => [textField('reason', adapterText('form.decline.reason', l))],
  cannot_resolve: (l) => [textField('reason', adapterText('form.cannot_resolve.reason', l))],
  resolve: (l) => [textField('summary', adapterText('form.resolve.summary', l))],
  add_details: (l) => [textField('text', adapterText('form.add_details.text', l))],
  ask_customer: (l) => [textField('text', adapterText('form.ask_customer.text', l))],
  reply: (l) => [
    textField('text', adapterText('form.reply.text', l)),
    checkboxField(REUSABLE, adapterText('form.reply.reusable', l), sharedLabel(l, 'reusable_option')),
  ],
  record_outside: (l) => [
    selectField(
      'channel',
      adapterText('form.record_outside.channel', l),
      OUTSIDE_CHANNELS.map((c) => ({ value: c, label: adapterText(`outside.${c}`, l) })),
    ),
    textField('note', adapterText('form.record_outside.note', l), { required: false, max: 1000 }),
  ],
  ask_colleague: (l, x) => [
    selectField(ASK_COLLEAGUE_FIELDS.colleague, sharedLabel(l, 'colleague'), [...(x.colleagues ?? [])]),
    textField(ASK_COLLEAGUE_FIELDS.question, sharedLabel(l, 'colleague_question')),
  ],
  colleague_answer: (l) => [textField(COLLEAGUE_ANSWER_FIELD, sharedLabel(l, 'colleague_answer'))],
  write_recovery: (l) => {
    const words = recoveryFormWords(l);
    return [textField(RECOVERY_FIELD, words.field, { max: RECOVERY_MAX_CHARS, hint: words.hint })];
  },
  rate: (l) => [
    selectField(
      'score',
      adapterText('form.rate.score', l),
      (['5', '4', '3', '2', '1'] as const).map((s) => ({ value: s, label: adapterText(`rate.${s}`, l) })),
    ),
    textField('comment', adapterText('form.rate.comment', l), { required: false, max: 1000 }),
  ],
};

export function caseForm(
  form: Exclude<Form, 'intake' | IncidentForm>,
  locale: Locale,
  ref: { caseId: string; number: number; approvalId?: string },
  context: FormContext = { timeZone: 'UTC' },
): ModalJson {
  const title = adapterText(`form.${form}.title` as AdapterTextKey, locale, { number: ref.number });
  return {
    custom_id: formCustomId({
      form,
      caseId: ref.caseId,
      ...(ref.approvalId ? { approvalId: ref.approvalId } : {}),
    }),
    title: short(title),
    components: CASE_FORMS[form](locale, context) as ModalComponents,
  };
}
