// Steps several commands share: raising risk, asking a supervisor, handing the case to an expert,
// putting a case back to work with a fresh promise, and waiting on the customer. Each leaves the
// case in a state that keeps the rules of invariants.ts: whoever owes the customer something has a
// running window; a case waiting on the customer has its wait.
import type { Change } from './change.ts';
import { expertsOf, topicOf } from './directory.ts';
import { CoreError } from './errors.ts';
import { pickExpert } from './fairness.ts';
import type { Approval, Level, WindowKind } from './model.ts';
import { withAway } from './away.ts';
import type { AwayBook, CaseRepository } from './ports.ts';
import { type RiskSignal, raiseRisk } from './risk.ts';
import { openWindow, pauseWindow, startCustomerWait, closeWindow } from './windows.ts';

export function applyRisk(change: Change, signals: readonly RiskSignal[]): void {
  const { risk, warn } = raiseRisk(change.next.risk, signals);
  change.next.risk = risk;
  if (signals.length > 0)
    change.event('risk_raised', 'system', { signals, score: risk.score, band: risk.band });
  if (warn) {
    change.toSupervisors('supervisors.risk_warning', {
      customerName: change.next.customer.name,
      band: risk.band,
      signals: [...new Set(risk.signals)].join(', '),
    });
  }
}

export interface SupervisorRequest {
  requestedBy: string;
  role: Approval['requestedByRole'];
  reason: string;
}

/**
 * Opens a pending approval with its decision window and tells everyone concerned. A second
 * request while one is pending is refused (`error.supervisor_already_asked`, with the time the
 * decision is due), so a case never holds two.
 */
export function requestSupervisor(change: Change, request: SupervisorRequest): void {
  const c = change.next;
  if (c.approval?.status === 'pending') {
    throw new CoreError('invalid_state', 'error.supervisor_already_asked', {
      number: c.number,
      dueAt: (c.window?.dueAt ?? change.now).toISOString(),
    });
  }
  c.approval = {
    id: change.ids.next(),
    status: 'pending',
    reason: request.reason,
    requestedBy: request.requestedBy,
    requestedByRole: request.role,
    requestedAt: change.now,
    previous: { level: c.level, status: c.status, ownerId: c.ownerId },
  };
  c.status = 'awaiting_approval';
  const window = openWindow(change, 'approval', null);
  change.event('supervisor_requested', request.requestedBy, { reason: request.reason, role: request.role });
  change.toSupervisors(
    'supervisors.approval_requested',
    {
      customerName: c.customer.name,
      words: c.words,
      reason: request.reason,
      // Empty when the ladder asked by itself: the text then says so in the reader's language.
      requestedByName: request.role === 'system' ? '' : change.nameOf(request.requestedBy),
      role: request.role,
      dueAt: window.dueAt.toISOString(),
    },
    ['approve', 'decline'],
  );
  change.toCustomer('customer.supervisor_requested', { dueAt: window.dueAt.toISOString() });
  if (request.role === 'customer') applyRisk(change, ['asked_supervisor']);
}

/** What the customer is told when an expert takes their case. */
type ExpertNoticeKey = 'customer.expert_assigned' | 'customer.reassigned';

/**
 * Makes `expertId` the expert and owner, opens the callback window, and tells both sides. The
 * level becomes 2 unless the case is already higher (a supervisor routing a level-3 case to an
 * expert keeps it at level 3: levels never go down). Misses start again from 0 unless `keepMisses`
 * (an automatic reassignment after missed windows still counts them toward a supervisor).
 */
export function assignExpert(
  change: Change,
  expertId: string,
  actorId: string,
  customerKey: ExpertNoticeKey,
  options: { keepMisses?: boolean } = {},
): void {
  const c = change.next;
  c.level = c.level < 2 ? 2 : c.level;
  c.status = 'waiting_on_expert';
  c.ownerId = expertId;
  c.expertId = expertId;
  c.expertAssignedAt = change.now;
  if (!options.keepMisses) c.misses = 0;
  const window = openWindow(change, 'callback', expertId);
  const dueAt = window.dueAt.toISOString();
  change.event('expert_assigned', actorId, { expertId, dueAt });
  change.toCustomer(customerKey, {
    expertName: change.nameOf(expertId),
    topicName: change.topicName(c.customer.locale),
    dueAt,
  });
  const expert = change.person(expertId);
  change.toPerson(
    expertId,
    'expert.assigned',
    {
      customerName: c.customer.name,
      words: c.words,
      topicName: change.topicName(expert?.locale ?? 'en'),
      dueAt,
      priority: c.priority,
    },
    ['accept', 'cannot_resolve', 'reassign', 'mark_heavy'],
  );
}

/**
 * What choosing an expert reads: their loads, and who said they are away (`/support away`). Only
 * expert choice reads availability, so the away list is read here, when an expert is chosen.
 */
export type ExpertReads = Pick<CaseRepository, 'expertLoad'> & Pick<AwayBook, 'listAway'>;

/** The fairest available expert for the case's topic other than `exclude` and the customer, or null. */
export async function findExpert(
  change: Change,
  store: ExpertReads,
  exclude: readonly string[] = [],
): Promise<string | null> {
  const c = change.next;
  const ids = expertsOf(topicOf(change.config, c.topic));
  if (ids.length === 0) return null;
  const [loads, away] = await Promise.all([store.expertLoad(ids), store.listAway(change.now)]);
  // An away entry counts as the directory's `away` flag (away.ts). Nobody is the expert on their
  // own request.
  return pickExpert(withAway(change.config, away), c.topic, loads, change.now, [...exclude, c.customer.id]);
}

/**
 * Hands the case to the fairest available expert for its topic, or to the supervisors when there
 * is none. Returns the chosen expert, or null when a supervisor was asked instead.
 */
export async function escalateToExpert(
  change: Change,
  store: ExpertReads,
  actorId: string,
  options: { exclude?: readonly string[]; customerKey?: ExpertNoticeKey } = {},
): Promise<string | null> {
  const c = change.next;
  const expertId = await findExpert(change, store, options.exclude ?? []);
  if (expertId === null) {
    change.event('no_expert_available', actorId, { topic: c.topic });
    requestSupervisor(change, { requestedBy: 'system', role: 'system', reason: 'no_expert' });
    return null;
  }
  assignExpert(change, expertId, actorId, options.customerKey ?? 'customer.expert_assigned');
  return expertId;
}

/**
 * Puts the case back to work with `ownerId` holding it and a fresh promise to the customer: with
 * its expert (waiting_on_expert, a callback window), with the front line (open, a first-response
 * window) or with a supervisor (open, a callback window). `kind` forces the window's kind (a
 * follow-up that reopens a case promises a first response whoever holds it).
 */
export function backToWork(
  change: Change,
  ownerId: string | null,
  options: { level?: Level; kind?: WindowKind } = {},
): void {
  const c = change.next;
  if (options.level !== undefined) c.level = options.level;
  c.ownerId = ownerId;
  const withExpert = ownerId !== null && ownerId === c.expertId;
  c.status = withExpert ? 'waiting_on_expert' : 'open';
  const kind = options.kind ?? (withExpert || c.level >= 3 ? 'callback' : 'first_response');
  openWindow(change, kind, ownerId);
}

/**
 * The case waits on the customer. `kept`: staff answered, the promise is kept (no window);
 * `paused`: staff asked something, the window's clock stops until the customer replies. Either
 * way the customer's wait starts (check-in, then automatic close). While a supervisor's decision
 * is pending nothing changes: the decision is owed whatever the customer does.
 */
export function waitOnCustomer(change: Change, how: 'kept' | 'paused'): void {
  const c = change.next;
  if (c.status === 'awaiting_approval') return;
  if (how === 'kept') closeWindow(change);
  else pauseWindow(change);
  c.status = 'waiting_on_customer';
  startCustomerWait(change);
}
