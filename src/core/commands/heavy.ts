// "This one is heavy": any staff member who works the team may say a case weighs on whoever handles
// it. The team's supervisors are told privately, with Pair up (a supervisor joins the holder) and
// Take over (a supervisor takes the case). A heavy case counts double in its holder's load, and
// two heavy assignments in a row earn a rest from the next one (fairness.ts). The customer is
// never told any of it.
import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import { type Actor, rolesOf, STAFF } from '../roles.ts';
import { claimCase } from './claim-case.ts';
import { optionalText, requireActive, requireSupervisorNotCustomer } from './guards.ts';

/** The note a marker may add for the supervisors, at most this many characters (longer is cut). */
export const HEAVY_NOTE_MAX = 1_000;

/**
 * A staff member (front line, expert, supervisor, or whoever holds it) marks an active case heavy,
 * with an optional note. A customer is refused kindly, and so is a staff member on their own
 * request; a case already heavy is refused with who marked it, having written nothing.
 */
export function markHeavy(change: Change, actor: Actor, note: unknown = ''): void {
  const c = change.next;
  const roles = rolesOf(actor.id, c, change.config);
  if (roles.has('customer') || !STAFF.some((r) => roles.has(r))) {
    throw new CoreError('forbidden', 'error.heavy_staff_only', { number: c.number });
  }
  requireActive(c);
  if (c.heavy !== null) {
    throw new CoreError('invalid_state', 'error.already_heavy', {
      number: c.number,
      markedByName: change.nameOf(c.heavy.by),
    });
  }
  const words = optionalText(note).slice(0, HEAVY_NOTE_MAX);
  c.heavy = { by: actor.id, at: change.now, note: words, with: [] };
  change.event('marked_heavy', actor.id, { note: words });
  change.toSupervisors(
    'supervisors.case_heavy',
    {
      customerName: c.customer.name,
      markedByName: change.nameOf(actor.id),
      holderName: change.nameOf(c.ownerId),
      note: words,
    },
    ['pair_up', 'take_over'],
  );
  // A supervisor who marked it reads the supervisors' copy; anyone else is thanked privately.
  if (!roles.has('supervisor')) change.toPerson(actor.id, 'staff.marked_heavy');
}

/**
 * A supervisor pairs up with the holder of a heavy case: recorded on the case and in the audit log,
 * and the holder is told who is with them. Pairing twice, or on a case they hold, is refused kindly.
 */
export function pairUp(change: Change, actor: Actor): void {
  const c = change.next;
  requireSupervisorNotCustomer(change, actor);
  requireActive(c);
  const heavy = c.heavy;
  if (heavy === null) throw new CoreError('invalid_state', 'error.not_heavy', { number: c.number });
  if (c.ownerId === actor.id)
    throw new CoreError('invalid_state', 'error.already_yours', { number: c.number });
  if (heavy.with.includes(actor.id)) {
    throw new CoreError('invalid_state', 'error.already_paired', { number: c.number });
  }
  c.heavy = { ...heavy, with: [...heavy.with, actor.id] };
  change.event('paired_up', actor.id, { holder: c.ownerId ?? '' });
  if (c.ownerId !== null) {
    change.toPerson(c.ownerId, 'owner.paired_up', { supervisorName: change.nameOf(actor.id) });
  }
}

/**
 * A supervisor takes the case over from whoever holds it. At level 1 it is the front line's claim
 * (claimCase: a supervisor may take a colleague's case); higher up the supervisor becomes its
 * holder with the running promise as it stands (the expert stays on record). The customer is told
 * who looks after them now; the previous holder is thanked. Not while a decision is pending (the
 * supervisors decide it with Approve or Decline).
 */
export function takeOver(change: Change, actor: Actor): void {
  const c = change.next;
  requireSupervisorNotCustomer(change, actor);
  requireActive(c);
  if (c.status === 'awaiting_approval') {
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  }
  if (c.ownerId === actor.id)
    throw new CoreError('invalid_state', 'error.already_yours', { number: c.number });
  const from = c.ownerId;
  if (c.level === 1) {
    claimCase(change, actor);
  } else {
    c.ownerId = actor.id;
    c.supervisorId = actor.id;
    if (c.status === 'waiting_on_expert') c.status = 'open';
    if (c.window !== null) c.window.holder = actor.id;
    const dueAt = c.window && c.window.paused === null ? c.window.dueAt.toISOString() : '';
    change.toCustomer('customer.claimed', { ownerName: change.nameOf(actor.id), dueAt });
  }
  change.event('taken_over', actor.id, { from: from ?? '' });
  if (from !== null) change.toPerson(from, 'expert.taken_over', { supervisorName: change.nameOf(actor.id) });
}
