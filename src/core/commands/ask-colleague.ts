// Ask a colleague: the holder (or a supervisor of the team) invites another staff member into the
// case's internal conversation with a question. Nothing changes for the customer: no notice, and
// the case's status, level and promise window stay exactly as they were (the question is an
// internal note). The colleague answers through the holder, or takes the case with one button.
import { isAway } from '../availability.ts';
import { isStaffMember, withAway } from '../away.ts';
import type { Change } from '../change.ts';
import { expertsOf, personOf, topicOf } from '../directory.ts';
import { CoreError } from '../errors.ts';
import type { AwayBook } from '../ports.ts';
import { type Actor, rolesOf } from '../roles.ts';
import { assignExpert } from '../steps.ts';
import { requireActive, requireText } from './guards.ts';

/** The longest question or answer (a platform's form allows 3,000 or 4,000; a DM carries it whole). */
export const MAX_COLLEAGUE_TEXT = 4_000;

/** Trimmed text for a colleague's DM: empty or too long is refused kindly. */
function colleagueText(text: unknown): string {
  const body = requireText(text);
  if (body.length > MAX_COLLEAGUE_TEXT) {
    throw new CoreError('invalid_input', 'error.colleague_text_too_long', { max: MAX_COLLEAGUE_TEXT });
  }
  return body;
}

/**
 * The holder or a supervisor of the case's team asks `colleagueId` (a staff member of the
 * directory, not the holder, not the asker, not the customer, not away now) `question`. The
 * colleague is told privately, with the customer's words and two buttons; the team's triage thread
 * keeps the note. Reads who is away at run time (`/support away`) beside the directory's absences.
 */
export async function askColleague(
  change: Change,
  store: Pick<AwayBook, 'listAway'>,
  actor: Actor,
  colleagueId: unknown,
  question: unknown,
): Promise<void> {
  const c = change.next;
  const roles = rolesOf(actor.id, c, change.config);
  if (!roles.has('owner') && !(roles.has('supervisor') && !roles.has('customer'))) {
    throw new CoreError('forbidden', 'error.colleague_holder_only', { number: c.number });
  }
  requireActive(c);
  const person = personOf(change.config, colleagueId);
  if (
    !person ||
    !isStaffMember(change.config, person.id) ||
    person.id === actor.id ||
    person.id === c.ownerId ||
    person.id === c.customer.id
  ) {
    throw new CoreError('invalid_input', 'error.not_a_colleague', { number: c.number });
  }
  const text = colleagueText(question);
  const config = withAway(change.config, await store.listAway(change.now));
  const now = personOf(config, person.id);
  if (now && isAway(now, change.now)) {
    throw new CoreError('invalid_input', 'error.colleague_away', {
      number: c.number,
      colleagueName: person.name,
    });
  }
  if (!c.colleagues.includes(person.id)) c.colleagues = [...c.colleagues, person.id];
  change.event('colleague_asked', actor.id, { colleagueId: person.id, question: text });
  const askerName = change.nameOf(actor.id);
  change.toTriage('triage.colleague_asked', { askerName, colleagueName: person.name, question: text });
  change.toPerson(
    person.id,
    'colleague.asked',
    {
      askerName,
      customerName: c.customer.name,
      words: c.words,
      topicName: change.topicName(person.locale),
      question: text,
    },
    ['colleague_answer', 'colleague_take'],
  );
}

/** The actor is a colleague asked about the case (Ask a colleague); anyone else is refused. */
function requireColleague(change: Change, actor: Actor): void {
  const c = change.next;
  if (!c.colleagues.includes(actor.id) || actor.id === c.customer.id) {
    throw new CoreError('forbidden', 'error.not_asked', { number: c.number });
  }
}

/**
 * The colleague answers the holder: an internal note delivered to whoever holds the case (the
 * triage thread when nobody does). The customer hears nothing; the window does not move.
 */
export function answerColleague(change: Change, actor: Actor, text: unknown): void {
  requireColleague(change, actor);
  const body = colleagueText(text);
  change.event('colleague_answered', actor.id, { text: body });
  change.toHolder('owner.colleague_answer', { colleagueName: change.nameOf(actor.id), text: body });
}

/**
 * The colleague takes the case. An expert of the case's topic takes it as a reassignment does
 * (assignExpert: a fresh callback window, the customer told who has it and by when); anyone else
 * takes the running promise as it stands (as a supervisor taking over a claimed case does), and
 * the customer is told who now looks after it. The previous holder is thanked. Not while a
 * supervisor's decision is pending (the supervisors have it then); taking one's own case is a no-op.
 */
export function takeFromColleague(change: Change, actor: Actor): boolean {
  const c = change.next;
  requireColleague(change, actor);
  requireActive(c);
  if (c.status === 'awaiting_approval') {
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  }
  if (c.ownerId === actor.id) return false;
  const from = c.ownerId;
  change.event('colleague_took', actor.id, { from });
  if (expertsOf(topicOf(change.config, c.topic)).includes(actor.id)) {
    assignExpert(change, actor.id, actor.id, 'customer.reassigned');
  } else {
    c.ownerId = actor.id;
    // With an expert's case in other hands, the case is no longer waiting on that expert.
    if (c.status === 'waiting_on_expert') c.status = 'open';
    const window = c.window;
    if (window !== null) window.holder = actor.id;
    const running = window !== null && window.paused === null;
    change.toCustomer('customer.claimed', {
      ownerName: change.nameOf(actor.id),
      dueAt: running ? window.dueAt.toISOString() : '',
    });
  }
  if (from !== null)
    change.toPerson(from, 'owner.colleague_took', { colleagueName: change.nameOf(actor.id) });
  return true;
}
