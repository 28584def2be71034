// Every report for one period, optionally for one team, from cases and their audit trails.
import { type CaseHistory, readCase } from './case-history.ts';
import { type CsatReport, csatReport } from './csat.ts';
import { type DeflectionReport, deflectionReport } from './deflection.ts';
import { type EscalationReport, escalationReport } from './escalations.ts';
import { type IncidentReport, incidentReport } from './incident-report.ts';
import type { CaseTrail, ReportPeriod } from './input.ts';
import { HOUR_MS, type QueueSample, queueSamples, samplingInstants } from './queue.ts';
import { type RecoveryReport, recoveryReport } from './recoveries.ts';
import { type ReopenReport, reopenReport } from './reopens.ts';
import { type ResponseTimesReport, responseTimes } from './response-times.ts';
import { type RiskReport, riskReport } from './risk-report.ts';
import { type VolumeReport, volumeReport } from './volume.ts';
import { type WindowReport, windowReport } from './window-report.ts';

export interface ReportInput {
  /** Each case with its whole trail (events outside the period are needed to replay it). */
  cases: readonly CaseTrail[];
  period: ReportPeriod;
  /** Only this team's cases. */
  team?: string;
  /** The queue is sampled from `period.from` every this many ms (one hour unless given). */
  queueEveryMs?: number;
}

export interface Report {
  period: ReportPeriod;
  team: string | null;
  /** Windows kept / (kept + missed) × 100 over every kind; null when none ended either way. */
  keptPercent: number | null;
  responseTimes: ResponseTimesReport;
  windows: WindowReport;
  escalations: EscalationReport;
  risk: RiskReport;
  csat: CsatReport;
  queue: QueueSample[];
  reopens: ReopenReport;
  /** Cases opened (per topic) and finished in the period. */
  volume: VolumeReport;
  /** Finished cases an answer bank suggestion settled. */
  deflection: DeflectionReport;
  /** Bursts alerted, incidents declared and the cases linked to them. */
  incidents: IncidentReport;
  /** Level 4 recoveries opened, and sent on time or late. */
  recoveries: RecoveryReport;
}

/** Throws a RangeError when `queueEveryMs` is not a positive number. */
export function buildReport(input: ReportInput): Report {
  const { period } = input;
  const histories: CaseHistory[] = input.cases
    .filter((trail) => input.team === undefined || trail.case.team === input.team)
    .map(readCase);
  const windows = windowReport(histories, period);
  return {
    period,
    team: input.team ?? null,
    keptPercent: windows.all.all.keptPercent,
    responseTimes: responseTimes(histories, period),
    windows,
    escalations: escalationReport(histories, period),
    risk: riskReport(histories, period),
    csat: csatReport(histories, period),
    queue: queueSamples(histories, samplingInstants(period, input.queueEveryMs ?? HOUR_MS)),
    reopens: reopenReport(histories, period),
    volume: volumeReport(histories, period),
    deflection: deflectionReport(histories, period),
    incidents: incidentReport(histories, period),
    recoveries: recoveryReport(histories, period),
  };
}
