// Steps several commands share: raising risk, asking a supervisor, handing the case to an expert,
// and putting a case back to work with a fresh promise.
import type { Change } from './change.ts';
import { pickExpert } from './fairness.ts';
import type { Approval, Level } from './model.ts';
import type { CaseStore } from './ports.ts';
import { type RiskSignal, raiseRisk } from './risk.ts';
import { openWindow } from './windows.ts';

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

/** Opens a pending approval (unless one is already pending) and tells everyone concerned. */
export function requestSupervisor(change: Change, request: SupervisorRequest): void {
  const c = change.next;
  if (c.approval?.status === 'pending') return;
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
      requestedByName: request.role === 'system' ? 'Support bot' : change.nameOf(request.requestedBy),
      role: request.role,
      dueAt: window.dueAt.toISOString(),
    },
    ['approve', 'decline'],
  );
  change.toCustomer('customer.supervisor_requested', { dueAt: window.dueAt.toISOString() });
  if (request.role === 'customer') applyRisk(change, ['asked_supervisor']);
}

/** Makes `expertId` the expert and owner, opens the callback window, and tells both sides. */
export function assignExpert(change: Change, expertId: string, actorId: string, customerKey: string): void {
  const c = change.next;
  c.level = 2;
  c.status = 'waiting_on_expert';
  c.ownerId = expertId;
  c.expertId = expertId;
  c.expertAssignedAt = change.now;
  c.misses = 0;
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
    ['accept', 'cannot_resolve', 'reassign'],
  );
}

/**
 * Hands the case to the fairest available expert for its topic, or to the supervisors when there
 * is none. Returns the chosen expert, or null when a supervisor was asked instead.
 */
export async function escalateToExpert(
  change: Change,
  store: CaseStore,
  actorId: string,
  options: { exclude?: readonly string[]; customerKey?: string } = {},
): Promise<string | null> {
  const c = change.next;
  const topic = change.config.directory.topics[c.topic];
  const ids = topic ? [...topic.experts, ...topic.backups] : [];
  const loads = await store.expertLoad(ids);
  const expertId = pickExpert(change.config, c.topic, loads, change.now, options.exclude ?? []);
  if (expertId === null) {
    change.event('no_expert_available', actorId, { topic: c.topic });
    requestSupervisor(change, { requestedBy: 'system', role: 'system', reason: 'no_expert' });
    return null;
  }
  assignExpert(change, expertId, actorId, options.customerKey ?? 'customer.expert_assigned');
  return expertId;
}

/** Puts the case back to work at `level` with `ownerId`, with a fresh promise to the customer. */
export function backToWork(change: Change, level: Level, ownerId: string | null): void {
  const c = change.next;
  c.level = level;
  c.ownerId = ownerId;
  if (level === 1) {
    c.status = 'open';
    openWindow(change, 'first_response', ownerId);
  } else {
    c.status = level === 2 ? 'waiting_on_expert' : 'open';
    openWindow(change, 'callback', ownerId);
  }
}
