import type { Change } from '../change.ts';
import { type Actor, requireRole, STAFF } from '../roles.ts';
import { closeWindow } from '../windows.ts';
import { answerRef } from './answer-case.ts';
import { optionalText, requireActive, requireStatus } from './guards.ts';

/**
 * Staff mark the case resolved and the customer is asked to confirm or reopen. When the customer
 * marks it resolved themselves, that is their confirmation: the case closes; with `fromAnswer` (their
 * "This solved it" under an answer the acknowledgement suggested) the close records that entry.
 */
export function resolveCase(
  change: Change,
  actor: Actor,
  summary: unknown = '',
  fromAnswer?: unknown,
  incident?: string,
): void {
  const c = change.next;
  const roles = requireRole(actor.id, c, change.config, [...STAFF, 'customer']);
  requireActive(c);
  if (roles.has('customer') && roles.size === 1) {
    closeCase(change, actor, fromAnswer);
    return;
  }
  const words = optionalText(summary);
  finish(change, 'resolved');
  change.event(
    'resolved',
    actor.id,
    incident === undefined ? { summary: words } : { summary: words, incident },
  );
  change.toCustomer('customer.resolved', { summary: words }, ['confirm', 'reopen']);
}

/**
 * The case is finished: no window, no wait, no pending decision (a pending escalation is declined
 * with the reason `resolved` or `closed`).
 */
export function finish(change: Change, status: 'resolved' | 'closed'): void {
  const c = change.next;
  closeWindow(change);
  c.status = status;
  c.resolvedAt ??= change.now;
  if (status === 'closed') c.closedAt = change.now;
  if (c.approval?.status === 'pending')
    c.approval = { ...c.approval, status: 'declined', declineReason: status };
}

/** Closes the case for good (customer, owner or supervisor); the customer is invited to rate. */
export function closeCase(change: Change, actor: Actor, fromAnswer?: unknown): void {
  const c = change.next;
  const roles = requireRole(actor.id, c, change.config, ['customer', 'owner', 'supervisor']);
  requireStatus(c, ['open', 'waiting_on_customer', 'waiting_on_expert', 'awaiting_approval', 'resolved']);
  finish(change, 'closed');
  const entry = roles.has('customer') ? answerRef(fromAnswer) : undefined;
  change.event('closed', actor.id, entry ? { fromAnswer: entry } : {});
  change.toCustomer('customer.closed', {}, ['rate', 'reopen']);
  if (roles.has('customer') && c.ownerId !== null && c.ownerId !== actor.id) {
    change.toPerson(c.ownerId, 'owner.closed_by_customer', { customerName: c.customer.name });
  }
}

/** The customer confirms a resolution: closed. */
export function confirmResolution(change: Change, actor: Actor): void {
  requireRole(actor.id, change.next, change.config, ['customer']);
  requireStatus(change.next, ['resolved']);
  closeCase(change, actor);
}
