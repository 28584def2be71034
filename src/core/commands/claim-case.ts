import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import type { Actor } from '../roles.ts';
import { requireRole } from '../roles.ts';
import { closeWindow } from '../windows.ts';
import { requireActive } from './guards.ts';

/** A front-line responder (or supervisor) takes an unowned level-1 case: the first response. */
export function claimCase(change: Change, actor: Actor): void {
  const c = change.next;
  const roles = requireRole(actor.id, c, change.config, ['front_line', 'supervisor']);
  requireActive(c);
  if (c.level !== 1)
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  if (c.ownerId === actor.id) return;
  if (c.ownerId !== null && !roles.has('supervisor')) {
    throw new CoreError('invalid_state', 'error.already_claimed', {
      number: c.number,
      ownerName: change.nameOf(c.ownerId),
    });
  }
  c.ownerId = actor.id;
  if (c.window?.kind === 'first_response') closeWindow(change);
  change.event('claimed', actor.id);
  change.toCustomer('customer.claimed', { ownerName: change.nameOf(actor.id) });
}
