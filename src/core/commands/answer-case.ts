import type { Change } from '../change.ts';
import { type Actor, requireRole, STAFF } from '../roles.ts';
import { waitOnCustomer } from '../steps.ts';
import { requireActive, requireText } from './guards.ts';

/**
 * Staff reply to the customer, relayed in their conversation. The promise is kept: the window
 * closes and the case waits on the customer (check-in, then automatic close). While a supervisor's
 * decision is pending, the decision window stays: a reply does not decide the escalation.
 * `reusable` (true only) offers the answer to the answer bank: the store keeps it as an entry for
 * the case's topic and language. `fromAnswer` names the answer bank entry the text was sent from
 * (the triage card's "Send this answer"), which the reports count as deflection once the case ends.
 */
export function answerCase(
  change: Change,
  actor: Actor,
  text: unknown,
  reusable: unknown = false,
  fromAnswer?: unknown,
): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, STAFF);
  requireActive(c);
  const body = requireText(text);
  if (c.ownerId === null && c.status !== 'awaiting_approval') c.ownerId = actor.id;
  waitOnCustomer(change, 'kept');
  const entry = answerRef(fromAnswer);
  change.event('answered', actor.id, {
    text: body,
    ...(reusable === true ? { reusable: true as const } : {}),
    ...(entry ? { fromAnswer: entry } : {}),
  });
  change.toCustomer('customer.reply', { fromName: change.nameOf(actor.id), text: body }, [
    'add_details',
    'mark_resolved',
    'ask_supervisor',
  ]);
}

/**
 * An answer bank entry's id as an adapter passes it back from a button (an event id), or undefined
 * for anything else: a malformed reference is not recorded, and never refuses the answer itself.
 */
export function answerRef(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w:.-]{1,100}$/.test(value) ? value : undefined;
}

/**
 * Staff ask the customer for something; the window's clock stops until they reply (and the
 * customer's wait starts). While a supervisor's decision is pending, the decision window runs on.
 */
export function askCustomer(change: Change, actor: Actor, text: unknown): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, STAFF);
  requireActive(c);
  const body = requireText(text);
  if (c.ownerId === null && c.status !== 'awaiting_approval') c.ownerId = actor.id;
  waitOnCustomer(change, 'paused');
  change.event('asked_customer', actor.id, { text: body });
  change.toCustomer('customer.question', { fromName: change.nameOf(actor.id), text: body }, ['add_details']);
}

/** An internal note: reaches the team's triage thread, never the customer. */
export function addNote(change: Change, actor: Actor, text: unknown): void {
  requireRole(actor.id, change.next, change.config, STAFF);
  const body = requireText(text);
  change.event('note_added', actor.id, { text: body });
  change.toTriage('triage.note', { authorName: change.nameOf(actor.id), text: body });
}
