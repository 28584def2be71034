// One case's trail read once for every report: its events in order, who acted, when it opened,
// when staff first responded, and when it finished or came back to work.
import { workingTimeBetween } from '../calendar.ts';
import type { Calendar } from '../model.ts';
import { type CaseTrail, type ReportCase, type ReportEvent, textField } from './input.ts';
import type { Measured } from './stats.ts';

/**
 * Events that are a first response when a staff member writes them: the staff acts the customer
 * hears about. A claim, an answer or a question; handing the case to an expert, asking a
 * supervisor (or finding no expert, which asks one), a supervisor's decision, each of which tells
 * the customer who has the case and by when; or resolving or closing it. Every staff act that ends
 * or pauses the first-response window is one of them, so a case leaves the queue (queue.ts) the
 * moment staff first act on that window. (A question pauses the window rather than keeping it: if
 * the customer replies, what is left of it runs on and can still be missed.)
 */
export const FIRST_RESPONSE_TYPES: ReadonlySet<string> = new Set([
  'claimed',
  'answered',
  'asked_customer',
  'expert_assigned',
  'no_expert_available',
  'supervisor_requested',
  'escalation_approved',
  'escalation_declined',
  'resolved',
  'closed',
]);

/** The system writes timer and repair events as `system`; the customer is the case's customer. */
export type ActorKind = 'customer' | 'staff' | 'system';

export type FinishKind = 'resolved' | 'closed' | 'auto_closed';

/** The case finished, or came back to work (`went_outside` brings a finished case back for the supervisors). */
export type LifecycleChange = Finish | { at: Date; finished: false; how: 'reopened' | 'went_outside' };
export interface Finish {
  at: Date;
  finished: true;
  how: FinishKind;
}

export interface CaseHistory {
  case: ReportCase;
  /** The trail in time order; events of one instant keep their recorded order (one commit's). */
  events: readonly ReportEvent[];
  /** The policy clock's calendar, or null for a 24/7 policy. */
  calendar: Calendar | null;
  /** The `case_opened` event's time (the case's creation time if the trail lacks it). */
  openedAt: Date;
  /** The first staff response (see FIRST_RESPONSE_TYPES), or null while there is none. */
  firstResponse: ReportEvent | null;
  lifecycle: readonly LifecycleChange[];
}

const FINISHES: ReadonlySet<string> = new Set<FinishKind>(['resolved', 'closed', 'auto_closed']);

export function readCase(trail: CaseTrail): CaseHistory {
  const events = [...trail.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const c = trail.case;
  const opened = events.find((e) => e.type === 'case_opened');
  const openedAt = opened?.at ?? c.createdAt;
  const history: CaseHistory = {
    case: c,
    events,
    calendar: c.policy.clock === 'business' ? c.policy.calendar : null,
    openedAt,
    firstResponse: null,
    lifecycle: [],
  };
  history.firstResponse =
    events.find(
      (e) =>
        FIRST_RESPONSE_TYPES.has(e.type) &&
        actorKind(history, e) === 'staff' &&
        e.at.getTime() >= openedAt.getTime(),
    ) ?? null;
  history.lifecycle = lifecycleOf(events);
  return history;
}

function lifecycleOf(events: readonly ReportEvent[]): LifecycleChange[] {
  const changes: LifecycleChange[] = [];
  let finished = false;
  for (const e of events) {
    if (FINISHES.has(e.type)) {
      changes.push({ at: e.at, finished: true, how: e.type as FinishKind });
      finished = true;
    } else if (finished && (e.type === 'reopened' || e.type === 'went_outside')) {
      changes.push({ at: e.at, finished: false, how: e.type });
      finished = false;
    }
  }
  return changes;
}

/** Events only staff can cause (a customer's own "resolve" closes the case instead). */
const STAFF_ONLY: ReadonlySet<string> = new Set([
  'claimed',
  'answered',
  'asked_customer',
  'expert_assigned',
  'no_expert_available',
  'escalation_approved',
  'escalation_declined',
  'window_renegotiated',
  'resolved',
  'note_added',
  'colleague_asked',
  'colleague_answered',
  'colleague_took',
  'abuse_reply_sent',
  'abuse_taken_over',
  'abuse_supported',
  'marked_heavy',
  'paired_up',
  'taken_over',
]);

/**
 * Who acted: the system, staff or the customer. Staff may raise requests of their own and then
 * are the customer too, so an event only staff can cause is staff's, and a supervisor request
 * says in which role it was made.
 */
export function actorKind(history: CaseHistory, event: ReportEvent): ActorKind {
  if (event.actorId === 'system') return 'system';
  if (STAFF_ONLY.has(event.type)) return 'staff';
  if (event.type === 'supervisor_requested') {
    const role = textField(event, 'role');
    if (role === 'customer' || role === 'system') return role;
    if (role !== null) return 'staff';
  }
  return event.actorId === history.case.customer.id ? 'customer' : 'staff';
}

/** The last finish or return to work at or before `at`, or null when there was none yet. */
export function lifecycleAt(history: CaseHistory, at: Date): LifecycleChange | null {
  let last: LifecycleChange | null = null;
  for (const change of history.lifecycle) {
    if (change.at.getTime() > at.getTime()) break;
    last = change;
  }
  return last;
}

export const finishedAt = (history: CaseHistory, at: Date): boolean =>
  lifecycleAt(history, at)?.finished ?? false;

/** `from` → `to` on the wall clock and on the case's policy clock. */
export function measure(history: CaseHistory, from: Date, to: Date): Measured {
  return {
    wallMs: Math.max(0, to.getTime() - from.getTime()),
    policyMs: workingTimeBetween(history.calendar, from, to),
  };
}
