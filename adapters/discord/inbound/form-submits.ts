// Submitted forms. The intake form opens a case in a private thread; the others carry the words a
// desk command needs (an apology and a plan, a reason, a summary, details, a rating).
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import {
  type Actor,
  CoreError,
  type Desk,
  type Locale,
  PRIORITIES,
  type Priority,
} from '../../../src/core/index.ts';
import { INCIDENT_FIELD, type IncidentForm, submitIncidentForm } from '../../shared/incidents.ts';
import { ASK_COLLEAGUE_FIELDS, COLLEAGUE_ANSWER_FIELD } from '../../shared/colleagues.ts';
import type { Reader } from '../../shared/reader.ts';
import { RECOVERY_FIELD, submitRecovery } from '../../shared/recovery.ts';
import { readCallbackTime } from '../render/callback-time.ts';
import { type Form, parseFormId } from '../ids.ts';
import { whoIs, type Who } from './identity.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { OUTSIDE_CHANNELS, REUSABLE } from '../render/forms.ts';
import { displayNameOf } from './buttons.ts';
import { IntakeBlocked, IntakeNotSetUp, intakeReply, openInPrivateThread } from './intake.ts';
import { firstTime, runForActor, sayPrivately } from './replies.ts';

type Fields = {
  text(id: string): string;
  choice(id: string): string | undefined;
  /** A one-box checkbox group ticked (absent or malformed: not ticked). */
  ticked(id: string): boolean;
};
type CaseInput = { caseId: string; actor: Actor; approvalId?: string };

/** Where the customer went, in the words of whoever recorded it, and their note. */
function outside(f: Fields, locale: Locale): { channel: string; note: string } {
  const code = OUTSIDE_CHANNELS.find((c) => c === f.choice('channel'));
  return { channel: code ? adapterText(`outside.${code}`, locale) : '', note: f.text('note') };
}

/** What each case form does with its fields. */
const SUBMIT: Record<
  Exclude<Form, 'intake'>,
  (desk: Desk, x: CaseInput, f: Fields, by: { reader: Reader; now: Date }) => Promise<unknown>
> = {
  escalate: (desk, x, f) => {
    // The topic as chosen: a changed one is recorded and the case goes to that topic's expert.
    const topic = f.choice('topic');
    return desk.escalate({ ...x, ...(topic ? { topic } : {}) });
  },
  accept: (desk, x, f, { reader, now }) => {
    // Empty keeps the promised time; the desk refuses a time past the policy's longest window.
    const by = readCallbackTime(f.text('callback'), reader.timeZone, now);
    if (by === null) return Promise.reject(new CoreError('invalid_input', 'error.invalid_time', {}));
    return desk.accept({ ...x, ...(by ? { callbackBy: by } : {}) });
  },
  approve: (desk, x, f) =>
    desk.approve({ ...x, approvalId: x.approvalId ?? '', apology: f.text('apology'), plan: f.text('plan') }),
  decline: (desk, x, f) => desk.decline({ ...x, approvalId: x.approvalId ?? '', reason: f.text('reason') }),
  cannot_resolve: (desk, x, f) => desk.cannotResolve({ ...x, reason: f.text('reason') }),
  resolve: (desk, x, f) => desk.resolve({ ...x, summary: f.text('summary') }),
  add_details: (desk, x, f) => desk.addDetails({ ...x, text: f.text('text') }),
  ask_customer: (desk, x, f) => desk.askCustomer({ ...x, text: f.text('text') }),
  reply: (desk, x, f) =>
    desk.answer({ ...x, text: f.text('text'), ...(f.ticked(REUSABLE) ? { reusable: true } : {}) }),
  record_outside: (desk, x, f, { reader }) => desk.recordOutside({ ...x, ...outside(f, reader.locale) }),
  rate: (desk, x, f) => desk.rate({ ...x, score: Number(f.choice('score')), comment: f.text('comment') }),
  ask_colleague: (desk, x, f) =>
    desk.askColleague({
      ...x,
      colleagueId: f.choice(ASK_COLLEAGUE_FIELDS.colleague) ?? '',
      question: f.text(ASK_COLLEAGUE_FIELDS.question),
    }),
  colleague_answer: (desk, x, f) => desk.answerColleague({ ...x, text: f.text(COLLEAGUE_ANSWER_FIELD) }),
  write_recovery: (desk, x, f) => submitRecovery(desk, x.caseId, x.actor, f.text(RECOVERY_FIELD)),
  incident_declare: (desk, x, f) => incident(desk, 'incident_declare', x, f),
  incident_update: (desk, x, f) => incident(desk, 'incident_update', x, f),
  incident_resolve: (desk, x, f) => incident(desk, 'incident_resolve', x, f),
};

/** An incident form: its one field's words; the form's last id part is the incident. */
const incident = (desk: Desk, form: IncidentForm, x: CaseInput, f: Fields) =>
  submitIncidentForm(
    desk,
    form,
    { caseId: x.caseId, incidentId: x.approvalId },
    x.actor,
    f.text(INCIDENT_FIELD[form].id),
  );

/** Tolerant readers: a field missing from a malformed submission reads as empty. */
function fieldsOf(i: ModalSubmitInteraction): Fields {
  return {
    text(id) {
      try {
        return i.fields.getTextInputValue(id) ?? '';
      } catch {
        return '';
      }
    },
    choice(id) {
      try {
        return i.fields.getStringSelectValues(id)[0];
      } catch {
        return undefined;
      }
    },
    ticked(id) {
      try {
        return i.fields.getCheckboxGroup(id).includes(id);
      } catch {
        return false;
      }
    },
  };
}

export async function onFormSubmit(rt: DiscordRuntime, i: ModalSubmitInteraction): Promise<void> {
  const ref = parseFormId(i.customId);
  const who = whoIs(directoryOf(rt), i.user, { displayName: displayNameOf(i), locale: i.locale });
  if (!ref) {
    rt.ctx.logger.warn('discord.unknown_form', { interaction: i.id, customId: i.customId.slice(0, 100) });
    await sayPrivately(i, adapterText('unknown_button', who.reader.locale));
    return;
  }
  if (ref.form === 'intake') {
    await submitIntake(rt, i, who);
    return;
  }
  const submit = SUBMIT[ref.form];
  await i.deferUpdate();
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  const input: CaseInput = {
    caseId: ref.caseId ?? '',
    actor: who.actor,
    ...(ref.approvalId ? { approvalId: ref.approvalId } : {}),
  };
  await runForActor(rt, i, who.reader, ref.form, () =>
    submit(rt.ctx.desk, input, fieldsOf(i), { reader: who.reader, now: rt.ctx.clock.now() }),
  );
}

async function submitIntake(rt: DiscordRuntime, i: ModalSubmitInteraction, who: Who): Promise<void> {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  const fields = fieldsOf(i);
  const topic = fields.choice('topic');
  const urgency = fields.choice('urgency');
  const priority = PRIORITIES.find((p) => p === urgency) as Priority | undefined;
  await runForActor(rt, i, who.reader, 'intake', async () => {
    try {
      const opened = await openInPrivateThread(
        rt,
        {
          user: i.user,
          displayName: displayNameOf(i),
          locale: i.locale,
          text: fields.text('description'),
          ...(topic ? { topic } : {}),
          ...(priority ? { priority } : {}),
        },
        i.guildId,
      );
      const text = intakeReply(opened, who.reader.locale);
      await sayPrivately(i, text);
    } catch (error) {
      if (error instanceof IntakeBlocked) {
        await sayPrivately(i, adapterText('intake.blocked', who.reader.locale));
        return;
      }
      if (!(error instanceof IntakeNotSetUp)) throw error;
      rt.ctx.logger.error('discord.intake_not_set_up', { interaction: i.id, reason: error.message });
      await sayPrivately(i, adapterText('intake.not_set_up', who.reader.locale));
    }
  });
}
