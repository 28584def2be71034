import type { Change } from '../change.ts';
import { teamOf } from '../directory.ts';
import { CoreError } from '../errors.ts';
import type { Level } from '../model.ts';
import { type Actor, requireRole } from '../roles.ts';
import { backToWork } from '../steps.ts';
import { customerWrote, tellHolder } from './add-details.ts';
import { optionalText, requireStatus, requireText } from './guards.ts';

const MINUTE = 60_000;

/** Level 4 stays visible as level 3 once the case is worked again after a reopen. */
const reopenedLevel = (level: Level): Level => (level === 4 ? 3 : level);

/** The customer (or a supervisor) reopens a resolved or closed case; it goes back to its owner. */
export function reopenCase(change: Change, actor: Actor, text: unknown = ''): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['customer', 'supervisor']);
  requireStatus(c, ['resolved', 'closed']);
  const words = optionalText(text);
  c.resolvedAt = null;
  c.closedAt = null;
  backToWork(change, c.ownerId, { level: reopenedLevel(c.level) });
  change.event('reopened', actor.id, { text: words });
  change.toCustomer('customer.reopened');
  const params = { customerName: c.customer.name };
  if (c.ownerId !== null) change.toPerson(c.ownerId, 'owner.reopened', params);
  else change.toTriage('owner.reopened', params);
}

/** When the case finished (closed, else resolved), or null while it is still in progress. */
export const finishedAt = (c: Change['next']): Date | null => c.closedAt ?? c.resolvedAt;

/** True when a message from the customer at `now` still reopens the finished case (reopenWithin). */
export function reopensOnMessage(c: Change['next'], now: Date): boolean {
  const at = finishedAt(c);
  if (at === null) return false;
  return now.getTime() - at.getTime() <= c.policy.reopenWithinMinutes * MINUTE;
}

/**
 * The customer writes on their resolved or closed case within the policy's `reopenWithin`: it
 * reopens with a new first-response window, held by the same person first, and their words go to
 * that person as details.
 */
export function reopenOnMessage(change: Change, actor: Actor, text: unknown): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['customer']);
  requireStatus(c, ['resolved', 'closed']);
  const body = requireText(text);
  if (!reopensOnMessage(c, change.now)) {
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  }
  c.resolvedAt = null;
  c.closedAt = null;
  backToWork(change, c.ownerId, { level: reopenedLevel(c.level), kind: 'first_response' });
  const window = c.window;
  change.event('reopened', actor.id, { text: body, byMessage: true });
  change.event('details_added', actor.id, { text: body });
  change.toCustomer('customer.reopened_by_message', { dueAt: (window?.dueAt ?? change.now).toISOString() });
  tellHolder(change, body);
  customerWrote(change, body);
}

/**
 * The customer rates a resolved or closed case, 1 to 5, with an optional comment. The holder is
 * told; a low rating (1 or 2) reaches the team's supervisors too, and so do kind words (4 or 5 with
 * a comment), which the holder reads as such (`owner.kind_words`, `supervisors.kind_words`).
 */
export function rateCase(change: Change, actor: Actor, score: unknown, comment: unknown = ''): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['customer']);
  requireStatus(c, ['resolved', 'closed']);
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5)
    throw new CoreError('invalid_input', 'error.rating_range');
  const words = optionalText(comment);
  c.rating = { score, comment: words };
  change.event('rated', actor.id, { score, comment: words });
  change.toCustomer('customer.rating_thanks', { score });
  const params = { customerName: c.customer.name, score, comment: words };
  if (score >= 4 && words !== '') {
    // A holder who supervises the team reads the supervisors' copy, once.
    const supervises = c.ownerId !== null && teamOf(change.config, c.team)?.supervisors.includes(c.ownerId);
    if (c.ownerId !== null && !supervises) change.toPerson(c.ownerId, 'owner.kind_words', params);
    change.toSupervisors('supervisors.kind_words', {
      ...params,
      holderName: c.ownerId === null ? '' : change.nameOf(c.ownerId),
    });
    return;
  }
  if (c.ownerId !== null) change.toPerson(c.ownerId, 'owner.rating', params);
  if (score <= 2) change.toSupervisors('owner.rating', params);
}
