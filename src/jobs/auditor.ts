// The auditor checks promises as well as timers, every AUDIT_EVERY_MS on every replica:
// - any timer still waiting more than two sweep intervals after it was due means the sweeps are not
//   keeping up (or not running): an alarm (a log line and a counter);
// - any case in progress that breaks a promise rule of src/core/invariants.ts (no running window
//   with its miss timer, a paused window while not waiting on the customer, a pending approval
//   without its decision window...) is an alarm too, and is repaired at once: the right window is
//   opened again and whoever holds the case is told (src/core/repair-promise.ts).
import type { Desk } from '../core/desk.ts';
import type { Timer } from '../core/model.ts';
import type { CaseRepository, Clock, LeaseQueue } from '../core/ports.ts';
import type { Logger } from '../log.ts';

export interface AuditReport {
  overdue: number;
  /** Cases found breaking a promise rule and repaired by this audit. */
  repaired: number;
}

/** Cases re-checked per audit at most; more are taken by the next audit. */
export const AUDIT_BATCH = 100;

export async function auditOnce(options: {
  store: {
    cases: Pick<CaseRepository, 'listBrokenPromises'>;
    timers: Pick<LeaseQueue<Timer>, 'countOverdue'>;
  };
  clock: Clock;
  logger: Logger;
  sweepEveryMs: number;
  /** Without a desk only timers are checked (no repair is possible). */
  desk?: Pick<Desk, 'repair'>;
}): Promise<AuditReport> {
  const { store, logger, desk } = options;
  const cutoff = new Date(options.clock.now().getTime() - 2 * options.sweepEveryMs);
  const overdue = await store.timers.countOverdue(cutoff);
  if (overdue > 0) {
    logger.error('auditor.overdue_timers', { overdue, dueBefore: cutoff.toISOString() });
  }
  let repaired = 0;
  if (desk) {
    for (const caseId of await store.cases.listBrokenPromises(AUDIT_BATCH)) {
      // The desk re-checks the case with its timers in a fresh read: a case caught between two
      // commits is left alone.
      const result = await desk.repair(caseId).catch((e: unknown) => {
        logger.error('auditor.repair_failed', { case: caseId, error: (e as Error)?.message ?? String(e) });
        return null;
      });
      if (!result || result.repaired.length === 0) continue;
      repaired += 1;
      logger.error('auditor.broken_promise', {
        case: caseId,
        number: result.case.number,
        rules: [...new Set(result.repaired.map((v) => v.rule))].join(','),
        repairedDueAt: result.case.window?.dueAt.toISOString() ?? result.case.waiting?.closeAt.toISOString(),
      });
    }
  }
  return { overdue, repaired };
}
