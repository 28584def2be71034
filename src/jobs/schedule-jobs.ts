// Runs the sweeps on node-cron: due promise windows, outbox delivery and the auditor. Each task
// never overlaps itself within a process; across replicas the database claims coordinate.
import cron, { type ScheduledTask } from 'node-cron';
import type { Desk } from '../core/desk.ts';
import type { CaseStore, Clock } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import { auditOnce } from './auditor.ts';
import { dispatchOnce, type NoticeSink } from './outbox.ts';

export interface JobsOptions {
  desk: Desk;
  store: CaseStore;
  clock: Clock;
  sink: NoticeSink;
  logger: Logger;
  /** Identifies this replica in leases and logs. */
  owner: string;
  sweep: { everySeconds: number; leaseSeconds: number; batch: number };
}

export interface RunningJobs {
  /** Stops scheduling and waits for executions in flight to finish. */
  stop(): Promise<void>;
}

/** A cron expression for "every n seconds" (n divides 60, else the nearest divisor below). */
export function everySeconds(n: number): string {
  const divisor =
    [60, 30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1].find((d) => d <= Math.max(1, Math.floor(n))) ?? 1;
  return divisor === 60 ? '0 * * * * *' : `*/${divisor} * * * * *`;
}

export function scheduleJobs(options: JobsOptions): RunningJobs {
  const { desk, store, clock, sink, logger, owner, sweep } = options;
  const inFlight = new Set<Promise<unknown>>();
  const guarded = (name: string, fn: () => Promise<unknown>) => async () => {
    const run = fn().catch((e: unknown) =>
      logger.error(`${name}.failed`, { error: e instanceof Error ? e.message : String(e) }),
    );
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
    }
  };

  const tasks: ScheduledTask[] = [
    cron.schedule(
      everySeconds(sweep.everySeconds),
      guarded('sweep', async () => {
        const report = await desk.sweep({ limit: sweep.batch, leaseMs: sweep.leaseSeconds * 1000, owner });
        if (report.claimed > 0) logger.info('sweep', { ...report });
      }),
      { name: 'sweep', noOverlap: true },
    ),
    cron.schedule(
      everySeconds(1),
      guarded('outbox', async () => {
        const report = await dispatchOnce({ store, clock, sink, logger, owner });
        if (report.claimed > 0) logger.info('outbox', { ...report });
      }),
      { name: 'outbox', noOverlap: true },
    ),
    cron.schedule(
      everySeconds(30),
      guarded('auditor', () => auditOnce({ store, clock, logger, sweepEveryMs: sweep.everySeconds * 1000 })),
      { name: 'auditor', noOverlap: true },
    ),
  ];

  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.all(inFlight);
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
