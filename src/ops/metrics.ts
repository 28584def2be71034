// The bot's Prometheus metrics (prom-client), fed by observers: the desk's onCommitted (cases,
// windows, approvals, risk), the outbox's deliveries, the jobs' sweeps and audits; gauges read
// from the store at scrape time (the outbox's backlog, overdue timers). One registry per process,
// created in main.ts and served by the ops server (server.ts).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AuditReport } from '../jobs/auditor.ts';
import type { JobsObserver } from '../jobs/schedule-jobs.ts';
import type { Committed } from '../core/desk.ts';
import { ACTIVE_STATUSES, type Case, type Timer, type WindowKind } from '../core/model.ts';
import { bandRose } from '../core/risk.ts';
import type { LeaseQueue, OperationsReads } from '../core/ports.ts';
import type { SweepReport } from '../core/sweep-report.ts';
import type { DeliveryOutcome } from '../platform/sink-routes.ts';

export interface Metrics extends JobsObserver {
  registry: Registry;
  committed(change: Committed): void;
  delivered(platform: string, outcome: DeliveryOutcome): void;
  /** When the last sweep ran (readiness), or null before the first. */
  lastSweepAt(): Date | null;
}

export interface MetricsOptions {
  /** Store reads made at scrape time. */
  store: { ops: OperationsReads; timers: Pick<LeaseQueue<Timer>, 'countOverdue'> };
  now: () => Date;
  /** A timer still pending this long after it was due counts as overdue (two sweep intervals). */
  overdueAfterMs: number;
  /** Node's process metrics (memory, CPU, event loop): on in the app, off in tests. */
  processMetrics?: boolean;
}

const isFinished = (c: Case) => !ACTIVE_STATUSES.includes(c.status);

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let lastSweep: Date | null = null;

  const opened = new Counter({
    name: 'ladder_cases_opened_total',
    help: 'Cases opened, by audience.',
    labelNames: ['audience'],
    registers,
  });
  const finished = new Counter({
    name: 'ladder_cases_finished_total',
    help: 'Cases resolved or closed (a reopened case counts again when it finishes), by audience, level and how.',
    labelNames: ['audience', 'level', 'status'],
    registers,
  });
  const windows = new Counter({
    name: 'ladder_windows_total',
    help: 'Promise windows that ended, by kind (first_response, callback, approval) and outcome (kept, missed, renegotiated, cancelled by the customer).',
    labelNames: ['kind', 'outcome'],
    registers,
  });
  const approvals = new Counter({
    name: 'ladder_approvals_total',
    help: 'Escalations to a supervisor: requested, approved, declined.',
    labelNames: ['decision'],
    registers,
  });
  const decisionSeconds = new Histogram({
    name: 'ladder_approval_decision_seconds',
    help: 'Time from a supervisor being asked to their decision (wall clock).',
    buckets: [60, 300, 900, 1800, 3600, 4 * 3600, 8 * 3600, 24 * 3600, 72 * 3600],
    registers,
  });
  const riskRises = new Counter({
    name: 'ladder_risk_rises_total',
    help: 'Risk band rises (a case became elevated or high), and level-4 records.',
    labelNames: ['band'],
    registers,
  });
  const deliveries = new Counter({
    name: 'ladder_deliveries_total',
    help: 'Platform sends by outcome: sent, retry, rate_limited (HTTP 429), rejected, ambiguous.',
    labelNames: ['platform', 'outcome'],
    registers,
  });
  const sweeps = new Counter({
    name: 'ladder_sweep_timers_total',
    help: 'Timers the sweeps handled, by what they did.',
    labelNames: ['outcome'],
    registers,
  });
  const alarms = new Counter({
    name: 'ladder_auditor_alarms_total',
    help: 'Auditor alarms: overdue_timers (an audit that found timers past due), broken_promise (a case repaired).',
    labelNames: ['alarm'],
    registers,
  });
  new Gauge({
    name: 'ladder_outbox_notices',
    help: 'Notices not yet sent, by platform and status (pending, sending, parked, ambiguous, failed).',
    labelNames: ['platform', 'status'],
    registers,
    async collect() {
      this.reset();
      for (const row of await options.store.ops.outboxCounts())
        this.set({ platform: row.platform, status: row.status }, row.count);
    },
  });
  new Gauge({
    name: 'ladder_timers_overdue',
    help: 'Timers still pending more than two sweep intervals after they were due.',
    registers,
    async collect() {
      const before = new Date(options.now().getTime() - options.overdueAfterMs);
      this.set(await options.store.timers.countOverdue(before));
    },
  });
  new Gauge({
    name: 'ladder_sweep_lag_seconds',
    help: 'Seconds since this replica last ran a sweep (-1 before the first).',
    registers,
    collect() {
      this.set(lastSweep ? (options.now().getTime() - lastSweep.getTime()) / 1000 : -1);
    },
  });

  function committed({ before, after, events }: Committed): void {
    if (before === null) opened.inc({ audience: after.audience });
    if (isFinished(after) && !(before !== null && isFinished(before)))
      finished.inc({ audience: after.audience, level: String(after.level), status: after.status });
    for (const event of events) {
      if (event.type === 'window_missed') windows.inc({ kind: event.data.window, outcome: 'missed' });
      if (event.type === 'window_renegotiated') windows.inc({ kind: 'callback', outcome: 'renegotiated' });
      if (event.type === 'supervisor_requested') approvals.inc({ decision: 'requested' });
      if (event.type === 'went_outside') riskRises.inc({ band: 'level_4' });
    }
    const ended = endedWindow(before, after, events);
    if (ended) windows.inc(ended);
    const approval = after.approval;
    if (approval?.decidedAt && approval.decidedAt.getTime() !== before?.approval?.decidedAt?.getTime()) {
      approvals.inc({ decision: approval.status });
      decisionSeconds.observe((approval.decidedAt.getTime() - approval.requestedAt.getTime()) / 1000);
    }
    if (bandRose(before?.risk.band ?? 'low', after.risk.band)) riskRises.inc({ band: after.risk.band });
  }

  return {
    registry,
    committed,
    delivered: (platform, outcome) => deliveries.inc({ platform, outcome }),
    swept(at: Date, report: SweepReport) {
      lastSweep = at;
      for (const outcome of ['nudged', 'missed', 'reassigned', 'checkedIn', 'autoClosed', 'stale'] as const)
        if (report[outcome] > 0) sweeps.inc({ outcome }, report[outcome]);
    },
    audited(report: AuditReport) {
      if (report.overdue > 0) alarms.inc({ alarm: 'overdue_timers' });
      if (report.repaired > 0) alarms.inc({ alarm: 'broken_promise' }, report.repaired);
    },
    lastSweepAt: () => lastSweep,
  };
}

/**
 * How this change ended the window that was running before it, if it did: `kept` when it ended
 * (closed, or replaced by another) before its due time through staff or the ladder, `missed` when
 * that came after its due time (before the sweep saw it); `cancelled`
 * when the customer ended it (closed the case, asked for a supervisor). Misses and renegotiations
 * are counted from their events; a paused window, one resumed after a pause, and one whose timers
 * the auditor wrote again are the same promise going on.
 */
function endedWindow(
  before: Case | null,
  after: Case,
  events: Committed['events'],
): { kind: WindowKind; outcome: 'kept' | 'missed' | 'cancelled' } | null {
  const was = before?.window;
  if (!was || was.paused !== null) return null;
  const now = after.window;
  if (now !== null && (now.id === was.id || now.paused !== null)) return null;
  const continued = ['window_missed', 'window_renegotiated', 'promise_repaired'];
  if (events.some((e) => continued.includes(e.type))) return null;
  const byCustomer = events.some(
    (e) => e.actorId === after.customer.id && (e.type === 'closed' || e.type === 'supervisor_requested'),
  );
  if (byCustomer) return { kind: was.kind, outcome: 'cancelled' };
  // Ended after its due time but before the sweep saw it: the customer heard back late, a miss.
  const late = after.updatedAt.getTime() > was.dueAt.getTime();
  return { kind: was.kind, outcome: late ? 'missed' : 'kept' };
}
