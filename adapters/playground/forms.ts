// Form posts → desk commands: the playground's inbound half. Each form names a command and carries
// its fields; who acts is the person the pane plays. The desk decides whether they may (a
// refusal is a CoreError, shown kindly in the pane), exactly as for a click in Slack or Discord.
import { DateTime } from 'luxon';
import { type Actor, CoreError, type Desk, PRIORITIES, type Priority } from '../../src/core/index.ts';
import { ASK_COLLEAGUE_FIELDS, COLLEAGUE_ANSWER_FIELD } from '../shared/colleagues.ts';
import { type IncidentForm, submitIncidentForm } from '../shared/incidents.ts';
import { RECOVERY_FIELD, submitRecovery } from '../shared/recovery.ts';
import type { PlaygroundLabelKey } from './labels.ts';

/** The longest text a form takes (Discord's modal allows 4,000; Slack's 3,000). */
export const MAX_TEXT = 4_000;

/** A form the playground refuses itself, before the desk: its words are one of the playground's labels. */
export class FormError extends Error {
  constructor(
    readonly labelKey: PlaygroundLabelKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(labelKey);
  }
}

/** A posted form's fields, read as text (a file field counts as missing). */
export class Fields {
  constructor(private readonly body: Readonly<Record<string, unknown>>) {}
  /** The field's text, trimmed ('' when missing); longer than MAX_TEXT is refused. */
  text(name: string): string {
    const value = this.body[name];
    if (typeof value !== 'string') return '';
    if (value.length > MAX_TEXT) throw new FormError('too_long', { max: MAX_TEXT });
    return value.trim();
  }
  checked(name: string): boolean {
    return this.text(name) !== '';
  }
}

export interface FormInput {
  desk: Desk;
  actor: Actor;
  caseId: string;
  fields: Fields;
  /** The actor's zone: a time typed in the form is read in it. */
  timeZone: string;
}

type Run = (input: FormInput) => Promise<unknown>;

/** `YYYY-MM-DDTHH:MM` from a datetime-local field, read in `zone`; empty: none. */
function localTime(value: string, zone: string): Date | undefined {
  if (value === '') return undefined;
  const at = DateTime.fromISO(value, { zone });
  if (!at.isValid) throw new CoreError('invalid_input', 'error.invalid_time');
  return at.toJSDate();
}

/** Every form of a case, by the name the page posts. */
export const CASE_FORMS = {
  // The customer's: writing in the case, and the buttons under the bot's messages.
  write: ({ desk, caseId, actor, fields }) => desk.followUp({ caseId, actor, text: fields.text('text') }),
  add_details: ({ desk, caseId, actor, fields }) =>
    desk.addDetails({ caseId, actor, text: fields.text('text') }),
  ask_supervisor: ({ desk, caseId, actor, fields }) => {
    const reason = fields.text('reason');
    return desk.askSupervisor({ caseId, actor, ...(reason ? { reason } : {}) });
  },
  mark_resolved: ({ desk, caseId, actor }) => desk.resolve({ caseId, actor }),
  confirm: ({ desk, caseId, actor }) => desk.confirm({ caseId, actor }),
  reopen: ({ desk, caseId, actor, fields }) => {
    const text = fields.text('text');
    return desk.reopen({ caseId, actor, ...(text ? { text } : {}) });
  },
  rate: ({ desk, caseId, actor, fields }) =>
    desk.rate({ caseId, actor, score: Number(fields.text('score')), comment: fields.text('comment') }),
  // Staff's: the triage card, the expert's direct message, the supervisor's approval.
  claim: ({ desk, caseId, actor }) => desk.claim({ caseId, actor }),
  reply: ({ desk, caseId, actor, fields }) => {
    const text = fields.text('text');
    return fields.checked('question')
      ? desk.askCustomer({ caseId, actor, text })
      : desk.answer({ caseId, actor, text, ...(fields.checked('reusable') ? { reusable: true } : {}) });
  },
  note: ({ desk, caseId, actor, fields }) => desk.addNote({ caseId, actor, text: fields.text('text') }),
  // Ask a colleague (adapters/shared/colleagues.ts): the question, the colleague's answer, taking it.
  ask_colleague: ({ desk, caseId, actor, fields }) =>
    desk.askColleague({
      caseId,
      actor,
      colleagueId: fields.text(ASK_COLLEAGUE_FIELDS.colleague),
      question: fields.text(ASK_COLLEAGUE_FIELDS.question),
    }),
  colleague_answer: ({ desk, caseId, actor, fields }) =>
    desk.answerColleague({ caseId, actor, text: fields.text(COLLEAGUE_ANSWER_FIELD) }),
  colleague_take: ({ desk, caseId, actor }) => desk.takeFromColleague({ caseId, actor }),
  escalate: ({ desk, caseId, actor, fields }) => {
    const topic = fields.text('topic');
    return desk.escalate({ caseId, actor, ...(topic ? { topic } : {}) });
  },
  accept: ({ desk, caseId, actor, fields, timeZone }) => {
    const callbackBy = localTime(fields.text('callbackBy'), timeZone);
    return desk.accept({ caseId, actor, ...(callbackBy ? { callbackBy } : {}) });
  },
  cannot_resolve: ({ desk, caseId, actor, fields }) =>
    desk.cannotResolve({ caseId, actor, reason: fields.text('reason') }),
  reassign: ({ desk, caseId, actor, fields }) => {
    const to = fields.text('to');
    return desk.reassign({ caseId, actor, ...(to ? { to } : {}) });
  },
  resolve: ({ desk, caseId, actor, fields }) => {
    const summary = fields.text('summary');
    return desk.resolve({ caseId, actor, ...(summary ? { summary } : {}) });
  },
  close: ({ desk, caseId, actor }) => desk.close({ caseId, actor }),
  hand_over: ({ desk, caseId, actor }) => desk.handOver({ caseId, actor }),
  // The abuse shield's buttons (README "Abuse shield").
  abuse_reply: ({ desk, caseId, actor }) => desk.sendAbuseReply({ caseId, actor }),
  abuse_take_over: ({ desk, caseId, actor }) => desk.takeOverAbusive({ caseId, actor }),
  abuse_stay: ({ desk, caseId, actor }) => desk.standWithHolder({ caseId, actor }),
  // Heavy cases: "This one is heavy" for staff; Pair up and Take over for the supervisors.
  mark_heavy: ({ desk, caseId, actor, fields }) => {
    const note = fields.text('note');
    return desk.markHeavy({ caseId, actor, ...(note ? { note } : {}) });
  },
  pair_up: ({ desk, caseId, actor }) => desk.pairUp({ caseId, actor }),
  take_over: ({ desk, caseId, actor }) => desk.takeOver({ caseId, actor }),
  record_outside: ({ desk, caseId, actor, fields }) =>
    desk.recordOutside({ caseId, actor, channel: fields.text('channel'), note: fields.text('note') }),
  approve: ({ desk, caseId, actor, fields }) =>
    desk.approve({
      caseId,
      actor,
      approvalId: fields.text('approvalId'),
      apology: fields.text('apology'),
      plan: fields.text('plan'),
    }),
  decline: ({ desk, caseId, actor, fields }) =>
    desk.decline({
      caseId,
      actor,
      approvalId: fields.text('approvalId'),
      reason: fields.text('reason'),
    }),
  // Level 4: a supervisor writes the recovery (adapters/shared/recovery.ts).
  write_recovery: ({ desk, caseId, actor, fields }) =>
    submitRecovery(desk, caseId, actor, fields.text(RECOVERY_FIELD)),
  // A supervisor's incident forms (adapters/shared/incidents.ts); `incidentId` is the case's.
  incident_declare: (input) => incident('incident_declare', input, 'title'),
  incident_update: (input) => incident('incident_update', input, 'text'),
  incident_resolve: (input) => incident('incident_resolve', input, 'summary'),
} as const satisfies Record<string, Run>;

function incident(form: IncidentForm, { desk, caseId, actor, fields }: FormInput, field: string) {
  const incidentId = fields.text('incidentId');
  return submitIncidentForm(
    desk,
    form,
    { caseId, ...(incidentId ? { incidentId } : {}) },
    actor,
    fields.text(field),
  );
}

export type CaseFormName = keyof typeof CASE_FORMS;

export const isCaseForm = (name: string): name is CaseFormName => Object.hasOwn(CASE_FORMS, name);

/** The urgency chosen in the open form; anything else is `normal`. */
export const priorityOf = (value: string): Priority =>
  (PRIORITIES as readonly string[]).includes(value) ? (value as Priority) : 'normal';
