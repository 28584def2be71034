// The abuse shield on a case (README "Abuse shield"): a customer's message with insults or threats
// is counted; the first brings the holder a ready reply in the customer's language, the second
// tells the team's supervisors, who may take the case over or stay with the holder. Nothing here
// touches the case's status, level, priority or promise window: the customer's case goes on.
import { abuseKinds, findAbuse, maskAbuse } from '../abuse.ts';
import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import { type Actor, requireRole, STAFF } from '../roles.ts';
import { renderText } from '../texts/render.ts';
import { requireActive, requireSupervisorNotCustomer } from './guards.ts';

/** The ready reply, in the customer's language: courteous and firm. */
const readyReply = (change: Change): string => {
  const { customer } = change.next;
  return renderText('customer.abuse_reply', { locale: customer.locale, timeZone: customer.timeZone });
};

/**
 * Counts a customer's message when it is abusive. The first: the holder (the triage queue when
 * nobody holds it) gets the ready reply with "Send this reply". The second: the supervisors are
 * told, with "Take over" and "Stay with them". Later ones are masked and flagged, no more.
 */
export function noteAbuse(change: Change, text: string): void {
  const hits = findAbuse(text);
  if (hits.length === 0) return;
  const c = change.next;
  const count = (c.abuse?.count ?? 0) + 1;
  c.abuse = { count, lastAt: change.now, repliedAt: c.abuse?.repliedAt ?? null };
  change.event('abusive_message', c.customer.id, { count, kinds: abuseKinds(hits) });
  const customerName = c.customer.name;
  if (count === 1) {
    change.toHolder('owner.abuse_reply_ready', { customerName, reply: readyReply(change) }, ['abuse_reply']);
  } else if (count === 2) {
    change.toSupervisors(
      'supervisors.abuse_repeated',
      {
        customerName,
        count,
        holderName: change.nameOf(c.ownerId),
        text: maskAbuse(text, hits),
      },
      ['abuse_take_over', 'abuse_stay'],
    );
  }
}

/** The case has had an abusive message, or `error.no_abuse`. */
function requireAbuse(change: Change): NonNullable<Change['next']['abuse']> {
  const { abuse, number } = change.next;
  if (abuse === null) throw new CoreError('invalid_state', 'error.no_abuse', { number });
  return abuse;
}

/**
 * "Send this reply": staff send the ready reply to the customer in their name, as an answer reads.
 * It is not the answer: the promise window runs on, the status stays. Once per abusive message.
 */
export function sendAbuseReply(change: Change, actor: Actor): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, STAFF);
  requireActive(c);
  const abuse = requireAbuse(change);
  if (abuse.repliedAt !== null && abuse.repliedAt.getTime() >= abuse.lastAt.getTime())
    throw new CoreError('invalid_state', 'error.abuse_replied', { number: c.number });
  const text = readyReply(change);
  c.abuse = { ...abuse, repliedAt: change.now };
  change.event('abuse_reply_sent', actor.id, { text });
  change.toCustomer('customer.reply', { fromName: change.nameOf(actor.id), text }, [
    'add_details',
    'ask_supervisor',
    'mark_resolved',
  ]);
}

/** A supervisor of the team, on an active case that had abuse; not on their own case. */
function supervisorOnAbuse(change: Change, actor: Actor): void {
  requireSupervisorNotCustomer(change, actor);
  requireActive(change.next);
  requireAbuse(change);
}

/**
 * "Take over": the supervisor holds the case from now on, under the same promise (its due time
 * unchanged; a pending decision stays as it is). The holder before is told they may step back.
 */
export function takeOverAbusive(change: Change, actor: Actor): void {
  supervisorOnAbuse(change, actor);
  const c = change.next;
  const from = c.ownerId;
  c.ownerId = actor.id;
  c.supervisorId = actor.id;
  if (c.window !== null && c.window.kind !== 'approval') c.window = { ...c.window, holder: actor.id };
  change.event('abuse_taken_over', actor.id, { from });
  const params = { supervisorName: change.nameOf(actor.id), customerName: c.customer.name };
  if (from === actor.id) return;
  if (from !== null) change.toPerson(from, 'owner.abuse_taken_over', params);
  else change.toTriage('owner.abuse_taken_over', params);
}

/** "Stay with them": recorded, and the holder (or the triage queue) hears their supervisor has their back. */
export function standWithHolder(change: Change, actor: Actor): void {
  supervisorOnAbuse(change, actor);
  const c = change.next;
  change.event('abuse_supported', actor.id, { holder: c.ownerId });
  if (c.ownerId === actor.id) return;
  const params = { supervisorName: change.nameOf(actor.id), customerName: c.customer.name };
  change.toHolder('owner.abuse_supported', params);
}
