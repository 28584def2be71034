// Reports from the audit trail: pure functions over cases and their events, for a period.
// buildReport computes them all; each is also usable alone over `readCase` histories.
export { buildReport, type Report, type ReportInput } from './build-report.ts';
export {
  actorKind,
  type ActorKind,
  type CaseHistory,
  FIRST_RESPONSE_TYPES,
  type Finish,
  finishedAt,
  type FinishKind,
  type LifecycleChange,
  lifecycleAt,
  readCase,
} from './case-history.ts';
export { type CsatComment, type CsatReport, csatReport, type Score } from './csat.ts';
export { type DeflectionReport, deflectionReport } from './deflection.ts';
export { type EscalationReport, escalationReport, type RequestRole } from './escalations.ts';
export { type IncidentReport, incidentReport } from './incident-report.ts';
export { type CaseTrail, inPeriod, type ReportCase, type ReportEvent, type ReportPeriod } from './input.ts';
export {
  HOUR_MS,
  isWaitingAt,
  type OldestWaiting,
  type QueueSample,
  queueSamples,
  samplingInstants,
} from './queue.ts';
export {
  type PolicyChange,
  policyNowFrom,
  type PolicySuggestion,
  policySuggestions,
  type TopicPolicyNow,
} from './policy-suggestions.ts';
export { type RecoveryReport, recoveryReport } from './recoveries.ts';
export { type ReopenReport, reopenReport } from './reopens.ts';
export { type CaseTimes, caseTimes, type ResponseTimesReport, responseTimes } from './response-times.ts';
export { type OutsideCase, type OutsideOutcome, type RiskReport, riskReport } from './risk-report.ts';
export { type ClockStats, type DurationStats, type Measured, percentile } from './stats.ts';
export { caseWindows, type WindowOutcome, type WindowRecord } from './window-records.ts';
export {
  keptPercent,
  type WindowCounts,
  type WindowGroup,
  type WindowReport,
  windowReport,
  windowsEndedIn,
  type WindowTally,
} from './window-report.ts';
export { type VolumeReport, volumeReport } from './volume.ts';
export {
  DAY_MS,
  digestWeekDue,
  isoWeekOf,
  rollingWeeks,
  addToWeekTally,
  startWeekTally,
  WEEK_MS,
  weekSummary,
  weekSummaryOf,
  type WeekSummary,
  type WeekTally,
} from './week.ts';
export {
  DIGEST_LIST,
  type GrownTopic,
  MIN_ENDED,
  type PromiseGroupBy,
  type WeakPromises,
  weeklyDigest,
  type WeeklyDigest,
} from './weekly-digest.ts';
