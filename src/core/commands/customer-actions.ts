import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import type { Level } from '../model.ts';
import { type Actor, requireRole } from '../roles.ts';
import { backToWork } from '../steps.ts';
import { requireStatus } from './guards.ts';

/** The customer (or a supervisor) reopens a resolved or closed case; it goes back to its owner. */
export function reopenCase(change: Change, actor: Actor, text = ''): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['customer', 'supervisor']);
  requireStatus(c, ['resolved', 'closed']);
  const level: Level = c.level === 4 ? 3 : c.level;
  c.resolvedAt = null;
  c.closedAt = null;
  backToWork(change, level, c.ownerId);
  change.event('reopened', actor.id, { text: text.trim() });
  change.toCustomer('customer.reopened');
  const params = { customerName: c.customer.name };
  if (c.ownerId !== null) change.toPerson(c.ownerId, 'owner.reopened', params);
  else change.toTriage('owner.reopened', params);
}

/** The customer rates a resolved or closed case, 1 to 5, with an optional comment. */
export function rateCase(change: Change, actor: Actor, score: number, comment = ''): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['customer']);
  requireStatus(c, ['resolved', 'closed']);
  if (!Number.isInteger(score) || score < 1 || score > 5)
    throw new CoreError('invalid_input', 'error.rating_range');
  c.rating = { score, comment: comment.trim() };
  change.event('rated', actor.id, { score, comment: comment.trim() });
  change.toCustomer('customer.rating_thanks', { score });
  const params = { customerName: c.customer.name, score, comment: comment.trim() };
  if (c.ownerId !== null) change.toPerson(c.ownerId, 'owner.rating', params);
  if (score <= 2) change.toSupervisors('owner.rating', params);
}
