// The auditor: any timer still waiting more than two sweep intervals after it was due means the
// sweeps are not keeping up (or not running). It raises an alarm: a log line and a counter.
import type { CaseStore, Clock } from '../core/ports.ts';
import type { Logger } from '../log.ts';

export interface AuditReport {
  overdue: number;
}

export const metrics = { overdueTimerAlarms: 0 };

export async function auditOnce(options: {
  store: CaseStore;
  clock: Clock;
  logger: Logger;
  sweepEveryMs: number;
}): Promise<AuditReport> {
  const cutoff = new Date(options.clock.now().getTime() - 2 * options.sweepEveryMs);
  const overdue = await options.store.countOverdueTimers(cutoff);
  if (overdue > 0) {
    metrics.overdueTimerAlarms += 1;
    options.logger.error('auditor.overdue_timers', { overdue, dueBefore: cutoff.toISOString() });
  }
  return { overdue };
}
