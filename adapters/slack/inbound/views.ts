// Form submissions. The desk command runs before the acknowledgement so that a refusal (an empty
// apology, a callback time outside policy) is shown inside the form, on the field at fault, with the
// core's own words; the intake form closes at once and the case is opened after. The Reply form
// answers the customer, or asks them a question when its box is ticked; the outside form records
// that the customer went over everyone's head (level 4).
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { type Actor, CoreError, isCoreError, PRIORITIES, type Priority } from '../../../src/core/index.ts';
import {
  ASK_CUSTOMER,
  REUSABLE,
  FORM_PREFIX,
  FORMS,
  type FormName,
  formValues,
  isFormName,
  OUTSIDE_CHANNELS,
} from '../render/forms.ts';
import { label } from '../render/labels.ts';
import { submitIncidentForm } from '../../shared/incidents.ts';
import { ASK_COLLEAGUE_FIELDS, COLLEAGUE_ANSWER_FIELD } from '../../shared/colleagues.ts';
import { submitRecovery } from '../../shared/recovery.ts';
import { type Inbound, logFailure, refusalText } from './context.ts';
import type { SlackUser } from './identity.ts';
import { openCaseFromSlack, startThread } from './intake.ts';
import { parseJson, parseOrLog, viewSubmission } from './payloads.ts';

const formMeta = z.object({ c: z.string().optional(), a: z.string().optional(), ch: z.string().optional() });
type Meta = z.infer<typeof formMeta>;
type Values = Record<string, string | undefined>;
type Submit = (inb: Inbound, meta: Meta, actor: Actor, values: Values, u: SlackUser) => Promise<unknown>;

/** The Reply form's box "this is a question" ticked. */
const asks = (values: Values) => (values.ask ?? '').split(',').includes(ASK_CUSTOMER);
/** The Reply form's box "Reusable" ticked: the answer goes to the answer bank too. */
const reusable = (values: Values) => (values.reusable ?? '').split(',').includes(REUSABLE);

/** Where the customer went, in the words of the person who recorded it (the notices quote it). */
async function outsideChannel(inb: Inbound, u: SlackUser, code: string | undefined): Promise<string> {
  const name = code !== undefined && Object.hasOwn(OUTSIDE_CHANNELS, code) ? code : undefined;
  if (!name) return code ?? '';
  const { locale } = await inb.identity.reader(u);
  return label(locale, OUTSIDE_CHANNELS[name as keyof typeof OUTSIDE_CHANNELS]);
}

function caseOf(meta: Meta): string {
  if (!meta.c) throw new CoreError('not_found', 'error.not_found', { number: '?' });
  return meta.c;
}

const SUBMIT: Record<Exclude<FormName, 'intake'>, Submit> = {
  escalate: (inb, m, actor, v) =>
    inb.desk.escalate({ caseId: caseOf(m), actor, ...(v.topic ? { topic: v.topic } : {}) }),
  details: (inb, m, actor, v) => inb.desk.addDetails({ caseId: caseOf(m), actor, text: v.text ?? '' }),
  reply: (inb, m, actor, v) =>
    asks(v)
      ? inb.desk.askCustomer({ caseId: caseOf(m), actor, text: v.text ?? '' })
      : inb.desk.answer({
          caseId: caseOf(m),
          actor,
          text: v.text ?? '',
          ...(reusable(v) ? { reusable: true } : {}),
        }),
  outside: async (inb, m, actor, v, u) =>
    inb.desk.recordOutside({
      caseId: caseOf(m),
      actor,
      channel: await outsideChannel(inb, u, v.channel),
      note: v.note ?? '',
    }),
  cannot_resolve: (inb, m, actor, v) =>
    inb.desk.cannotResolve({ caseId: caseOf(m), actor, reason: v.reason ?? '' }),
  resolve: (inb, m, actor, v) =>
    inb.desk.resolve({ caseId: caseOf(m), actor, summary: (v.summary ?? '').trim() }),
  rate: (inb, m, actor, v) =>
    inb.desk.rate({ caseId: caseOf(m), actor, score: Number(v.score), comment: v.comment ?? '' }),
  accept: (inb, m, actor, v) => {
    // The datetimepicker gives unix seconds; empty keeps the promised time.
    const seconds = v.callback === undefined ? Number.NaN : Number(v.callback);
    const callbackBy = Number.isFinite(seconds) ? { callbackBy: new Date(seconds * 1000) } : {};
    return inb.desk.accept({ caseId: caseOf(m), actor, ...callbackBy });
  },
  approve: (inb, m, actor, v) =>
    inb.desk.approve({
      caseId: caseOf(m),
      actor,
      approvalId: m.a ?? '',
      apology: v.apology ?? '',
      plan: v.plan ?? '',
    }),
  decline: (inb, m, actor, v) =>
    inb.desk.decline({ caseId: caseOf(m), actor, approvalId: m.a ?? '', reason: v.reason ?? '' }),
  ask_colleague: (inb, m, actor, v) =>
    inb.desk.askColleague({
      caseId: caseOf(m),
      actor,
      colleagueId: v[ASK_COLLEAGUE_FIELDS.colleague] ?? '',
      question: v[ASK_COLLEAGUE_FIELDS.question] ?? '',
    }),
  colleague_answer: (inb, m, actor, v) =>
    inb.desk.answerColleague({ caseId: caseOf(m), actor, text: v[COLLEAGUE_ANSWER_FIELD] ?? '' }),
  recovery: (inb, m, actor, v) => submitRecovery(inb.desk, caseOf(m), actor, v.text ?? ''),
  // `a` is the incident (the button's); an incident declared from an alert names it too.
  incident_declare: (inb, m, actor, v) =>
    submitIncidentForm(
      inb.desk,
      'incident_declare',
      { caseId: caseOf(m), incidentId: m.a },
      actor,
      v.title ?? '',
    ),
  incident_update: (inb, m, actor, v) =>
    submitIncidentForm(
      inb.desk,
      'incident_update',
      { caseId: caseOf(m), incidentId: m.a },
      actor,
      v.text ?? '',
    ),
  incident_resolve: (inb, m, actor, v) =>
    submitIncidentForm(
      inb.desk,
      'incident_resolve',
      { caseId: caseOf(m), incidentId: m.a },
      actor,
      v.summary ?? '',
    ),
};

/** The fields a refusal belongs to, so Slack shows it under them. */
function fieldsAtFault(form: FormName, e: unknown, values: Values): readonly string[] {
  const key = isCoreError(e) ? e.textKey : '';
  if (key === 'error.apology_and_plan_required') {
    const blank = ['apology', 'plan'].filter((f) => (values[f] ?? '').trim() === '');
    return blank.length > 0 ? blank : ['apology'];
  }
  if (key === 'error.window_outside_policy') return ['callback'];
  if (key === 'error.rating_range') return ['score'];
  if (key === 'error.not_a_colleague' || key === 'error.colleague_away')
    return [ASK_COLLEAGUE_FIELDS.colleague];
  return [FORMS[form][0]];
}

async function submitIntake(inb: Inbound, u: SlackUser, meta: Meta, values: Values): Promise<void> {
  const thread = await startThread(inb, u, meta.ch ?? u.userId);
  if (!thread) return;
  const priority = PRIORITIES.find((p) => p === values.urgency) as Priority | undefined;
  await openCaseFromSlack(inb, {
    customer: u,
    by: u,
    thread,
    text: values.description ?? '',
    ...(values.topic ? { topic: values.topic } : {}),
    ...(priority ? { priority } : {}),
  });
}

export function registerViews(app: App, inb: Inbound): void {
  app.view(new RegExp(`^${FORM_PREFIX}`), async ({ ack, body }) => {
    const v = parseOrLog(viewSubmission, body, 'view_submission', inb.logger);
    const form = v?.view.callback_id.slice(FORM_PREFIX.length) ?? '';
    const meta = parseOrLog(formMeta, parseJson(v?.view.private_metadata), 'form metadata', inb.logger);
    if (!v || !meta || !isFormName(form)) {
      await ack();
      return;
    }
    const u = { teamId: v.team?.id ?? v.user.team_id ?? '', userId: v.user.id };
    const values = formValues(v.view.state.values);
    if (form === 'intake') {
      await ack();
      await submitIntake(inb, u, meta, values);
      return;
    }
    try {
      await SUBMIT[form](inb, meta, inb.identity.actor(u), values, u);
      await ack();
    } catch (e) {
      logFailure(inb, form, u, e);
      const text = refusalText(e, await inb.identity.reader(u));
      const errors = Object.fromEntries(fieldsAtFault(form, e, values).map((field) => [field, text]));
      await ack({ response_action: 'errors', errors });
    }
  });
}
