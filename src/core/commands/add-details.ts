import type { Change } from '../change.ts';
import { customerMessageSignals } from '../risk.ts';
import { type Actor, requireRole } from '../roles.ts';
import { applyRisk } from '../steps.ts';
import { openWindow, resumeWindow } from '../windows.ts';
import { requireActive, requireText } from './guards.ts';

/** The customer adds to their case. A waiting case starts moving again with its clock resumed. */
export function addDetails(change: Change, actor: Actor, text: string): void {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['customer']);
  requireActive(c);
  const body = requireText(text);
  change.event('details_added', actor.id, { text: body });
  if (c.status === 'waiting_on_customer') {
    c.status = c.level === 2 ? 'waiting_on_expert' : 'open';
    // A paused promise resumes with what was left; a kept one is followed by a fresh one.
    if (!resumeWindow(change)) {
      openWindow(change, c.level === 1 ? 'first_response' : 'callback', c.ownerId);
    }
  }
  change.toCustomer('customer.details_received');
  const params = { customerName: c.customer.name, text: body };
  if (c.ownerId !== null) change.toPerson(c.ownerId, 'owner.customer_details', params);
  else change.toTriage('triage.customer_details', params);
  const { signals, recent } = customerMessageSignals(c.risk, body, change.now);
  c.risk = { ...c.risk, recentCustomerMessages: recent };
  applyRisk(change, signals);
}
