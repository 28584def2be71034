// What an incident does to one case, as part of that case's change: the alert a burst raises, the
// link (the customer told the case is part of a known incident), each update told once.
import type { Change } from '../change.ts';
import type { Incident } from '../model.ts';

/** The case made a burst: the supervisors are asked whether it is one incident. */
export function alertIncident(change: Change, incident: Incident, withinMinutes: number): void {
  const c = change.next;
  change.incident = { incident, expectedVersion: null };
  change.incidentForActions = incident.id;
  change.event('incident_alerted', 'system', { incidentId: incident.id, cases: incident.burst });
  change.toSupervisors(
    'supervisors.incident_alert',
    {
      count: incident.burst,
      minutes: withinMinutes,
      topicName: change.topicName(change.team.locale),
      words: c.words,
    },
    ['declare_incident'],
  );
}

/** Links the case to a declared incident; the customer is told, and told the updates so far. */
export function linkToIncident(change: Change, incident: Incident, actorId: string): void {
  const c = change.next;
  if (c.incident !== null) return;
  c.incident = { id: incident.id, updatesTold: 0 };
  change.event('incident_linked', actorId, { incidentId: incident.id, title: incident.title });
  change.toCustomer('customer.incident_linked', { title: incident.title });
  tellUpdates(change, incident);
}

/**
 * Sends the customer each update of the incident they were not told yet, one notice per update
 * and case under its own dedupe key; false when they were told them all.
 */
export function tellUpdates(change: Change, incident: Incident): boolean {
  const c = change.next;
  if (c.incident?.id !== incident.id) return false;
  const told = c.incident.updatesTold;
  const missing = incident.updates.slice(told);
  for (const update of missing) {
    change.event('incident_update_sent', 'system', { incidentId: incident.id, updateId: update.id });
    change.toCustomerOnce(`incident:${incident.id}:${update.id}:${c.id}`, 'customer.incident_update', {
      title: incident.title,
      text: update.text,
      postedAt: update.at.toISOString(),
    });
  }
  c.incident = { id: incident.id, updatesTold: incident.updates.length };
  return missing.length > 0;
}
