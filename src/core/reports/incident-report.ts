// Incidents in a period: bursts the supervisors were alerted to, the incidents cases were linked to
// (declared ones), and how many cases were linked, read from the cases' trails.
import type { CaseHistory } from './case-history.ts';
import { inPeriod, type ReportPeriod, textField } from './input.ts';

export interface IncidentReport {
  /** Bursts of alike cases the supervisors were alerted to. */
  alerted: number;
  /** Distinct incidents cases were linked to. */
  incidents: number;
  /** Cases linked to an incident. */
  casesLinked: number;
}

export function incidentReport(histories: readonly CaseHistory[], period: ReportPeriod): IncidentReport {
  const alerted = new Set<string>();
  const incidents = new Set<string>();
  let casesLinked = 0;
  for (const h of histories) {
    let linked = false;
    for (const e of h.events) {
      if (!inPeriod(period, e.at)) continue;
      const id = textField(e, 'incidentId');
      if (id === null) continue;
      if (e.type === 'incident_alerted') alerted.add(id);
      if (e.type === 'incident_linked') {
        incidents.add(id);
        linked = true;
      }
    }
    if (linked) casesLinked += 1;
  }
  return { alerted: alerted.size, incidents: incidents.size, casesLinked };
}
