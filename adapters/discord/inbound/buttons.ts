// Button clicks. Buttons that need words (approve, decline, resolve...) open a form; the others
// acknowledge at once (deferUpdate) and then run the desk command. The core decides; a refusal is
// shown only to the person who clicked.
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { type ActionId, type Actor, type Case, CoreError, type Desk } from '../../../src/core/index.ts';
import { colleagueChoices } from '../../shared/colleagues.ts';
import { wordsForStaff } from '../../shared/abuse.ts';
import { requireDecider } from '../../shared/deciders.ts';
import { INCIDENT_FORM_OF, type IncidentForm } from '../../shared/incidents.ts';
import { neutralise } from '../render/markdown.ts';
import { type Form, parseButtonId, type StaffAction } from '../ids.ts';
import { whoIs, type Who } from './identity.ts';
import { readCard } from '../delivery/triage-card.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { caseForm, incidentModal, intakeForm } from '../render/forms.ts';
import { onHandOver } from './away.ts';
import { parseSuggestionId } from '../render/suggestions.ts';
import { firstTime, refusalText, runForActor, sayPrivately } from './replies.ts';
import { onSuggestion } from './suggestions.ts';

type CaseInput = { caseId: string; actor: Actor };

/** Actions run as soon as they are clicked. */
const DIRECT: Partial<Record<ActionId, (desk: Desk, input: CaseInput) => Promise<unknown>>> = {
  claim: (desk, x) => desk.claim(x),
  ask_supervisor: (desk, x) => desk.askSupervisor(x),
  reassign: (desk, x) => desk.reassign(x),
  mark_resolved: (desk, x) => desk.resolve(x),
  confirm: (desk, x) => desk.confirm(x),
  reopen: (desk, x) => desk.reopen(x),
  colleague_take: (desk, x) => desk.takeFromColleague(x),
  abuse_reply: (desk, x) => desk.sendAbuseReply(x),
  abuse_take_over: (desk, x) => desk.takeOverAbusive(x),
  abuse_stay: (desk, x) => desk.standWithHolder(x),
  mark_heavy: (desk, x) => desk.markHeavy(x),
  pair_up: (desk, x) => desk.pairUp(x),
  take_over: (desk, x) => desk.takeOver(x),
};

/** Actions that need words first: the form they open. */
const FORM_OF: Partial<Record<ActionId, Exclude<Form, 'intake' | IncidentForm>>> = {
  accept: 'accept',
  escalate: 'escalate',
  resolve: 'resolve',
  cannot_resolve: 'cannot_resolve',
  approve: 'approve',
  decline: 'decline',
  add_details: 'add_details',
  rate: 'rate',
  colleague_answer: 'colleague_answer',
  // Level 4: the desk checks on submit that a supervisor of the team writes it.
  write_recovery: 'write_recovery',
};

/** The triage card's staff controls: a form, or a command run at once. */
const STAFF_FORM: Partial<Record<StaffAction, Exclude<Form, 'intake' | IncidentForm>>> = {
  reply: 'reply',
  ask_customer: 'ask_customer',
  ask_colleague: 'ask_colleague',
  record_outside: 'record_outside',
};
const STAFF_DIRECT: Partial<Record<StaffAction, (desk: Desk, input: CaseInput) => Promise<unknown>>> = {
  close: (desk, x) => desk.close(x),
};

/** The button a form is opened from: its case, and its approval for Approve and Decline. */
type FormSource = { action: string; caseId: string; approvalId?: string };

export const displayNameOf = (i: { member: unknown; user: { globalName: string | null } }): string | null => {
  const member = i.member as { displayName?: string; nick?: string | null } | null;
  return member?.displayName ?? member?.nick ?? i.user.globalName;
};

export async function onButton(rt: DiscordRuntime, i: ButtonInteraction): Promise<void> {
  const ref = parseButtonId(i.customId);
  const who = whoIs(directoryOf(rt), i.user, { displayName: displayNameOf(i), locale: i.locale });
  const suggestion = parseSuggestionId(i.customId);
  if (suggestion) {
    await onSuggestion(rt, i, who, suggestion);
    return;
  }
  if (!ref) {
    rt.ctx.logger.warn('discord.unknown_button', { interaction: i.id, customId: i.customId.slice(0, 100) });
    await i.reply({
      content: adapterText('unknown_button', who.reader.locale),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (ref.kind === 'open') {
    await i.showModal(intakeForm(directoryOf(rt), who.reader.locale));
    return;
  }
  if (ref.kind === 'more') {
    await showAll(rt, i, who, ref.caseId);
    return;
  }
  if (ref.kind === 'hand_over' || ref.kind === 'hand_over_all') {
    await onHandOver(rt, i, who, ref.kind === 'hand_over' ? ref.caseId : null);
    return;
  }
  const incident = ref.kind === 'action' ? INCIDENT_FORM_OF[ref.action] : undefined;
  if (incident && ref.kind === 'action') {
    // The desk checks who may on submit (a supervisor of the team), as for every case form.
    const about = ref.approvalId ? { incidentId: ref.approvalId } : {};
    await i.showModal(incidentModal(incident, who.reader.locale, { caseId: ref.caseId, ...about }));
    return;
  }
  const form = ref.kind === 'staff' ? STAFF_FORM[ref.action] : FORM_OF[ref.action];
  if (form) {
    await openForm(rt, i, who, ref, form);
    return;
  }
  const run = ref.kind === 'staff' ? STAFF_DIRECT[ref.action] : DIRECT[ref.action];
  if (!run) return;
  await i.deferUpdate();
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  await runForActor(rt, i, who.reader, ref.action, () =>
    run(rt.ctx.desk, { caseId: ref.caseId, actor: who.actor }),
  );
}

async function openForm(
  rt: DiscordRuntime,
  i: ButtonInteraction,
  who: Who,
  ref: FormSource,
  form: Exclude<Form, 'intake' | IncidentForm>,
): Promise<void> {
  // A case seen recently is enough to open the form at once; the desk decides on submit anyway.
  const recent = rt.recentCases.get(ref.caseId);
  const c = recent && mayOpen(rt, who, ref, form, recent) ? recent : await rt.ctx.desk.getCase(ref.caseId);
  if (!c) {
    await sayPrivately(
      i,
      refusalText(new CoreError('not_found', 'error.not_found', { number: '?' }), who.reader),
    );
    return;
  }
  try {
    checkDecider(rt, who, ref, form, c);
  } catch (error) {
    rt.ctx.logger.info('discord.refused', { interaction: i.id, what: ref.action, actor: who.actor.id });
    await sayPrivately(i, refusalText(error, who.reader));
    return;
  }
  const approvalId = ref.approvalId;
  const colleagues = colleagueChoices(rt.ctx.config.desk, c, who.actor.id, 25);
  if (form === 'ask_colleague' && colleagues.length === 0) {
    // Discord refuses an empty menu: with nobody to ask, say so instead of opening the form.
    const none = new CoreError('invalid_input', 'error.not_a_colleague', { number: c.number });
    await sayPrivately(i, refusalText(none, who.reader));
    return;
  }
  await i.showModal(
    caseForm(
      form,
      who.reader.locale,
      {
        caseId: c.id,
        number: c.number,
        ...(approvalId ? { approvalId } : {}),
      },
      {
        timeZone: who.reader.timeZone,
        topics: { directory: directoryOf(rt), current: c.topic },
        colleagues,
      },
    ),
  );
}

/** Approve and Decline: only the team's supervisors, only while the approval waits (adapters/shared/deciders.ts). */
function checkDecider(
  rt: DiscordRuntime,
  who: Who,
  ref: FormSource,
  form: Exclude<Form, 'intake' | IncidentForm>,
  c: Case,
): void {
  if (form === 'approve' || form === 'decline')
    requireDecider(who.actor.id, c, ref.approvalId, rt.ctx.config.desk);
}

const mayOpen = (...args: Parameters<typeof checkDecider>): boolean => {
  try {
    checkDecider(...args);
    return true;
  } catch {
    return false;
  }
};

/** "Show the full text" on a card whose text was too long for it. */
async function showAll(rt: DiscordRuntime, i: ButtonInteraction, who: Who, caseId: string): Promise<void> {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const card = await readCard(rt, caseId);
  const c = card ? null : await rt.ctx.desk.getCase(caseId);
  const text = card?.text ?? (c ? neutralise(wordsForStaff(c.words, who.reader.locale)) : undefined);
  if (text === undefined) {
    await sayPrivately(
      i,
      refusalText(new CoreError('not_found', 'error.not_found', { number: '?' }), who.reader),
    );
    return;
  }
  await sayPrivately(i, text);
}
