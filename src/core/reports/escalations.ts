// Escalations to a supervisor: how many were asked for (by whom and why), and how supervisors
// decided. A request is `supervisor_requested`; its decision is the next `escalation_approved` or
// `escalation_declined` of the case. A request still pending when the case is resolved or closed
// ends undecided: the core declines it silently (reason `resolved` or `closed`) and writes no
// decision event.
import type { Approval } from '../model.ts';
import { type CaseHistory, measure } from './case-history.ts';
import { inPeriod, type ReportEvent, type ReportPeriod, textField } from './input.ts';
import { type ClockStats, clockStats, countBy, type Measured } from './stats.ts';

export type RequestRole = Approval['requestedByRole'];
const ROLES: readonly string[] = [
  'customer',
  'front_line',
  'expert',
  'supervisor',
  'system',
] satisfies RequestRole[];
const isRole = (value: string | null): value is RequestRole => value !== null && ROLES.includes(value);

export interface EscalationReport {
  /** Requests made in the period. */
  requested: number;
  byRole: Record<RequestRole, number>;
  /** As recorded: `customer_asked`, `staff_asked`, `no_expert`, `missed_window`, or a person's words. */
  byReason: { reason: string; count: number }[];
  /** Decisions made in the period (whenever the request was). */
  approved: number;
  declined: number;
  /** Of `declined`: a supervisor moved the case to another expert instead of deciding. */
  declinedByReassign: number;
  /** Requests that ended in the period undecided, because the case was resolved or closed. */
  undecided: number;
  /** Request → decision, for the decisions made in the period. */
  decisionTime: ClockStats;
}

export function escalationReport(histories: readonly CaseHistory[], period: ReportPeriod): EscalationReport {
  const requests: ReportEvent[] = [];
  const decisionTimes: Measured[] = [];
  const n = { approved: 0, declined: 0, declinedByReassign: 0, undecided: 0 };
  for (const h of histories) {
    let pending: ReportEvent | null = null;
    for (const [i, e] of h.events.entries()) {
      if (e.type === 'supervisor_requested') {
        pending = e;
        if (inPeriod(period, e.at)) requests.push(e);
      } else if (e.type === 'escalation_approved' || e.type === 'escalation_declined') {
        if (inPeriod(period, e.at)) {
          if (e.type === 'escalation_approved') n.approved += 1;
          else {
            n.declined += 1;
            // A reassign declines the request and hands the case to an expert in the same commit.
            const next = h.events[i + 1];
            if (next?.type === 'expert_assigned' && next.at.getTime() === e.at.getTime())
              n.declinedByReassign += 1;
          }
          if (pending) decisionTimes.push(measure(h, pending.at, e.at));
        }
        pending = null;
      } else if (pending && (e.type === 'resolved' || e.type === 'closed' || e.type === 'auto_closed')) {
        if (inPeriod(period, e.at)) n.undecided += 1;
        pending = null;
      }
    }
  }
  const byRole: Record<RequestRole, number> = {
    customer: 0,
    front_line: 0,
    expert: 0,
    supervisor: 0,
    system: 0,
  };
  for (const e of requests) {
    const role = textField(e, 'role');
    if (isRole(role)) byRole[role] += 1;
  }
  return {
    requested: requests.length,
    byRole,
    byReason: countBy(requests.map((e) => textField(e, 'reason') ?? '')).map(({ key, count }) => ({
      reason: key,
      count,
    })),
    ...n,
    decisionTime: clockStats(decisionTimes),
  };
}
