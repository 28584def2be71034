import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import type { Actor } from '../roles.ts';
import { requireRole } from '../roles.ts';
import { openWindow } from '../windows.ts';
import { requireActive } from './guards.ts';

/**
 * A front-line responder (or supervisor) takes a level-1 case. Taking an untaken case is the first
 * response: that promise is kept, and the next one (a reply by the callback time) is the taker's.
 * A supervisor taking over from a colleague inherits the running promise as it stands. While a
 * supervisor's decision is pending the case cannot be taken.
 */
export function claimCase(change: Change, actor: Actor): void {
  const c = change.next;
  const roles = requireRole(actor.id, c, change.config, ['front_line', 'supervisor']);
  requireActive(c);
  if (c.level !== 1 || c.status === 'awaiting_approval')
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  if (c.ownerId === actor.id) return;
  if (c.ownerId !== null && !roles.has('supervisor')) {
    throw new CoreError('invalid_state', 'error.already_claimed', {
      number: c.number,
      ownerName: change.nameOf(c.ownerId),
    });
  }
  c.ownerId = actor.id;
  const window = c.window;
  if (window !== null && window.paused === null && window.kind === 'first_response') {
    openWindow(change, 'callback', actor.id);
  } else if (window !== null) {
    // The same promise, now the taker's: its timers stay (nudges go to whoever holds the case).
    window.holder = actor.id;
  }
  change.event('claimed', actor.id);
  const dueAt = c.window && c.window.paused === null ? c.window.dueAt.toISOString() : '';
  change.toCustomer('customer.claimed', { ownerName: change.nameOf(actor.id), dueAt });
}
