// Which forms a pane shows on a case: the same controls Slack and Discord give that person now
// (adapters/shared decides the customer's buttons, the triage card's and the live approval ones).
// Showing a form is a hint, not a permission: the desk still decides when it is posted.
import {
  type ActionId,
  type Case,
  type DeskConfig,
  type Notice,
  openRecovery,
  rolesOf,
} from '../../src/core/index.ts';
import { customerActions, isInProgress, TRIAGE_CARD_ACTIONS } from '../shared/customer-actions.ts';
import type { CaseFormName } from './forms.ts';
import { abuseButtons } from '../shared/abuse.ts';

/** The abuse shield's buttons as the platforms show them (adapters/shared/abuse.ts). */
const abuseForms = (c: Case, supervisor: boolean): CaseFormName[] => abuseButtons(c, supervisor);

/** A customer button's form (Mark as resolved is the desk's resolve, as on both platforms). */
const CUSTOMER_FORM: Partial<Record<ActionId, CaseFormName>> = {
  add_details: 'add_details',
  ask_supervisor: 'ask_supervisor',
  mark_resolved: 'mark_resolved',
  confirm: 'confirm',
  reopen: 'reopen',
  rate: 'rate',
};

/**
 * The customer's controls: the buttons under the newest message they got about the case (or, with
 * none of its own, those that fit the case now), and writing in the case, which is always there.
 */
export function customerForms(c: Case, newest: Pick<Notice, 'actions'> | undefined): CaseFormName[] {
  const buttons = customerActions(newest ?? { actions: [] }, c)
    .map((a) => CUSTOMER_FORM[a.id])
    .filter((f): f is CaseFormName => f !== undefined);
  return [...new Set<CaseFormName>(['write', ...buttons])];
}

/** A staff member's or a supervisor's controls on a case in progress, by their roles on it. */
export function staffForms(personId: string, c: Case, config: DeskConfig): CaseFormName[] {
  const roles = rolesOf(personId, c, config);
  // Level 4: the recovery is owed by the supervisors even once the case is finished.
  const recovery = roles.has('supervisor') && openRecovery(c.recovery);
  if (!isInProgress(c)) return recovery ? ['write_recovery'] : [];
  const frontLine = roles.has('front_line');
  const supervisor = roles.has('supervisor');
  const expertOfCase = c.expertId === personId;
  const pending = c.approval?.status === 'pending';
  const forms: CaseFormName[] = [];
  if (supervisor && pending) forms.push('approve', 'decline');
  // The triage card's buttons (claim, escalate, resolve, ask_supervisor), for the team.
  const card: readonly ActionId[] = frontLine || supervisor ? TRIAGE_CARD_ACTIONS : [];
  if (card.includes('claim') && c.ownerId === null) forms.push('claim');
  if (expertOfCase && c.status === 'waiting_on_expert') forms.push('accept', 'cannot_resolve');
  forms.push('reply', 'note');
  // Ask a colleague: the holder or a supervisor asks; a colleague asked answers or takes the case.
  if (c.ownerId === personId || supervisor) forms.push('ask_colleague');
  if (c.colleagues.includes(personId)) {
    forms.push('colleague_answer');
    if (c.ownerId !== personId && !pending) forms.push('colleague_take');
  }
  if (frontLine && c.level === 1) forms.push('escalate');
  if (expertOfCase || supervisor) forms.push('reassign');
  if (!pending) forms.push('ask_supervisor');
  forms.push('resolve');
  if (c.ownerId === personId || supervisor) forms.push('close');
  if (c.ownerId === personId) forms.push('hand_over');
  // Heavy cases (as the triage card's button and the supervisors' message offer them).
  const staff = (frontLine || supervisor || roles.has('expert')) && !roles.has('customer');
  if (staff && c.heavy === null) forms.push('mark_heavy');
  if (supervisor && c.heavy !== null && c.ownerId !== personId) {
    if (!c.heavy.with.includes(personId)) forms.push('pair_up');
    if (!pending) forms.push('take_over');
  }
  if (frontLine || supervisor) forms.push('record_outside');
  forms.push(...abuseForms(c, supervisor && !roles.has('customer')));
  if (recovery) forms.push('write_recovery');
  if (supervisor)
    forms.push(
      ...(c.incident === null
        ? (['incident_declare'] as const)
        : (['incident_update', 'incident_resolve'] as const)),
    );
  return forms;
}
