// The checklist items a case's trail can show: each a pure function of the case and its audit
// events (oldest first), ticked the moment the trail holds what it asks. Items no event can show
// ("don't argue back") are the trainee's own ticks (scenarios.ts leaves their `check` out).
import type { Case, CaseEvent, CaseEventType } from '../../core/index.ts';

export interface Trail {
  case: Pick<Case, 'customer'>;
  /** In the order they were written. */
  events: readonly CaseEvent[];
}

/** Events of `type` made by staff or a timer (not the customer), in order. */
function byDesk<T extends CaseEventType>(trail: Trail, type: T): CaseEvent<T>[] {
  return trail.events.filter(
    (e): e is CaseEvent<T> => e.type === type && e.actorId !== trail.case.customer.id,
  );
}

const indexOf = (trail: Trail, e: CaseEvent | undefined): number =>
  e === undefined ? -1 : trail.events.indexOf(e);

/** A message to the customer from staff: an answer or a question. */
const toCustomer = (trail: Trail): CaseEvent<'answered' | 'asked_customer'>[] =>
  trail.events.filter(
    (e): e is CaseEvent<'answered' | 'asked_customer'> =>
      (e.type === 'answered' || e.type === 'asked_customer') && e.actorId !== trail.case.customer.id,
  );

/** Staff wrote to the customer after the first event of `type`. */
function answeredAfter(trail: Trail, type: CaseEventType): boolean {
  const at = indexOf(
    trail,
    trail.events.find((e) => e.type === type),
  );
  return at >= 0 && toCustomer(trail).some((e) => indexOf(trail, e) > at);
}

const filled = (text: string | undefined): boolean => (text ?? '').trim() !== '';

/** Lowercase, without accents: "Eglė" and "egle" compare equal. */
const plain = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/**
 * The customer's first name in the text. Its last letter may change (Lithuanian addresses Eglė
 * as "Egle", Jonas as "Jonai"), so a word starting with the rest of a name of four letters or
 * more counts.
 */
export function namesCustomer(text: string, customerName: string): boolean {
  const first = plain(customerName.trim().split(/\s+/)[0] ?? '');
  if (first === '') return false;
  const stem = first.length >= 4 ? first.slice(0, -1) : first;
  return plain(text)
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => (first.length >= 4 ? word.startsWith(stem) : word === stem));
}

export const AUTO_CHECKS = {
  claimed: (t: Trail) => byDesk(t, 'claimed').length > 0,
  /** The first message to the customer came before any window was missed. */
  answered_before_due: (t: Trail) => {
    const first = indexOf(t, toCustomer(t)[0]);
    const missed = indexOf(t, byDesk(t, 'window_missed')[0]);
    return first >= 0 && (missed < 0 || first < missed);
  },
  greeted_by_name: (t: Trail) => toCustomer(t).some((e) => namesCustomer(e.data.text, t.case.customer.name)),
  escalated_to_expert: (t: Trail) => byDesk(t, 'expert_assigned').length > 0,
  expert_nudged: (t: Trail) => byDesk(t, 'window_nudged').length > 0,
  /** A missed window made the bot ask a supervisor (level 3). */
  miss_reached_supervisor: (t: Trail) =>
    byDesk(t, 'supervisor_requested').some((e) => e.data.role === 'system'),
  answered_after_miss: (t: Trail) => answeredAfter(t, 'window_missed'),
  approved_with_apology: (t: Trail) => byDesk(t, 'escalation_approved').some((e) => filled(e.data.apology)),
  plan_written: (t: Trail) => byDesk(t, 'escalation_approved').some((e) => filled(e.data.plan)),
  answered_after_approval: (t: Trail) => answeredAfter(t, 'escalation_approved'),
  outside_recorded: (t: Trail) => byDesk(t, 'went_outside').length > 0,
  outside_noted: (t: Trail) => byDesk(t, 'went_outside').some((e) => filled(e.data.note)),
  answered_after_outside: (t: Trail) => answeredAfter(t, 'went_outside'),
  resolved_with_summary: (t: Trail) => byDesk(t, 'resolved').some((e) => filled(e.data.summary)),
} as const satisfies Record<string, (trail: Trail) => boolean>;

export type CheckId = keyof typeof AUTO_CHECKS;

export const isCheckId = (id: string): id is CheckId => Object.hasOwn(AUTO_CHECKS, id);

/** Which of `checks` the trail shows (none without a case yet). */
export function autoTicks(checks: readonly CheckId[], trail: Trail | null): Set<CheckId> {
  return new Set(trail === null ? [] : checks.filter((id) => AUTO_CHECKS[id](trail)));
}
