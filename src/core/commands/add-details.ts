import type { Change } from '../change.ts';
import { customerMessageSignals } from '../risk.ts';
import { type Actor, requireRole } from '../roles.ts';
import { applyRisk, backToWork } from '../steps.ts';
import { resumeWindow } from '../windows.ts';
import { noteAbuse } from './abuse-actions.ts';
import { requireActive, requireText } from './guards.ts';

/**
 * The customer adds to their case (or a new request of theirs is added to it: see IntakeLimit).
 * A case waiting on them starts moving again: a paused promise
 * resumes with what was left of it; a kept one is followed by a fresh one for whoever holds it.
 */
export function addDetails(
  change: Change,
  actor: Actor,
  text: unknown,
  options: { fromNewRequest?: boolean } = {},
): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['customer']);
  requireActive(c);
  const body = requireText(text);
  change.event('details_added', actor.id, { text: body });
  if (c.status === 'waiting_on_customer') {
    const withExpert = c.ownerId !== null && c.ownerId === c.expertId;
    if (resumeWindow(change)) c.status = withExpert ? 'waiting_on_expert' : 'open';
    else backToWork(change, c.ownerId);
  }
  // A new request added here by the intake limit: the customer learns where it went.
  if (options.fromNewRequest) change.toCustomer('customer.added_to_open_case', { text: body });
  else change.toCustomer('customer.details_received');
  tellHolder(change, body);
  customerWrote(change, body);
}

/** The holder (or the triage channel) reads what the customer wrote. */
export function tellHolder(change: Change, text: string): void {
  const c = change.next;
  const params = { customerName: c.customer.name, text };
  if (c.ownerId !== null) change.toPerson(c.ownerId, 'owner.customer_details', params);
  else change.toTriage('triage.customer_details', params);
}

/** Risk signals carried by a customer's message (words, a burst of messages), and abuse. */
export function customerWrote(change: Change, text: string): void {
  const c = change.next;
  noteAbuse(change, text);
  const { signals, recent } = customerMessageSignals(c.risk, text, change.now);
  c.risk = { ...c.risk, recentCustomerMessages: recent };
  applyRisk(change, signals);
}
