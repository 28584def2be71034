// Runs the sweeps: due promise windows, the outbox's regular pass and the auditor (and, when given,
// the daily retention pass and the hourly look for a due weekly digest). Each job never
// overlaps itself within a process; across replicas the database claims coordinate. Whole-second
// intervals tick on the clock's whole seconds (as a cron "every n seconds" would); shorter ones
// (tests, demos) on a timer. Between the outbox's ticks the outbox wakes itself when the next paced
// destination frees up (see outbox.ts).
import type { Desk } from '../core/desk.ts';
import { emptySweepReport, type SweepReport } from '../core/sweep-report.ts';
import type { Timer } from '../core/model.ts';
import type { CaseRepository, Clock, LeaseQueue } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import { type AuditReport, auditOnce } from './auditor.ts';
import { oneAtATime } from './one-at-a-time.ts';
import type { Outbox } from './outbox.ts';
import { RETENTION_EVERY_MS } from './retention.ts';
import { DIGEST_EVERY_MS } from './weekly-digest.ts';

export interface JobsOptions {
  desk: Desk;
  store: { cases: CaseRepository; timers: LeaseQueue<Timer> };
  /** Passes at its tickMs, and after each sweep that handled timers. */
  outbox: Pick<Outbox, 'pass' | 'tickMs'>;
  clock: Clock;
  logger: Logger;
  /** Identifies this replica in leases and logs. */
  owner: string;
  /** `everySeconds` may be a fraction below 1 (a timer instead of cron). */
  sweep: { everySeconds: number; leaseSeconds: number; batch: number };
  /** Told after each sweep (even one that found nothing due) and each audit: the ops server's figures. */
  observe?: JobsObserver;
  /**
   * The daily retention pass (see retention.ts), run a few minutes after start and then once a
   * day; replicas running it together share the work through the database.
   */
  retention?: () => Promise<unknown>;
  /**
   * The weekly digest (see weekly-digest.ts): looks hourly, a few minutes after start first,
   * whether a team's digest is due; the claims make it once across replicas.
   */
  digest?: () => Promise<unknown>;
}

export interface JobsObserver {
  swept(at: Date, report: SweepReport): void;
  audited(report: AuditReport): void;
}

export interface RunningJobs {
  /**
   * Stops taking work: no new runs; a sweep finishes the timers it holds (a few at a time, see
   * SWEEP_CHUNK) and stops. Resolves when nothing is in flight. The outbox is stopped by whoever
   * created it (main.ts stops both together); the caller then closes the store.
   */
  stop(): Promise<void>;
}

/**
 * Timers a sweep claims at a time: the most a stopping sweep still handles before it returns, and
 * small enough that replicas sweeping at the same moment share the due timers between them.
 */
export const SWEEP_CHUNK = 10;
const AUDIT_EVERY_MS = 30_000;
/** The first retention pass falls at a random point within this after start. */
const RETENTION_FIRST_WITHIN_MS = 10 * 60_000;
/** The first look for a due digest falls at a random point within this after start. */
const DIGEST_FIRST_WITHIN_MS = 5 * 60_000;

/**
 * The period for "every n seconds", in seconds: n if it divides 60, else the nearest divisor below
 * (as a cron seconds field stepping by n, which starts again at each minute).
 */
function periodSeconds(n: number): number {
  return [60, 30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1].find((d) => d <= Math.max(1, Math.floor(n))) ?? 1;
}

interface Repeating {
  stop(): Promise<void>;
}

/**
 * Runs `run` every `ms`: for whole seconds up to a minute, on the clock's multiples of the period
 * (every 5 s: at :00, :05, …, like a cron "every n seconds"; a tick that finds the previous run
 * still going is skipped), else at a fixed rate on a timer whose first tick falls at a random
 * point of `firstWithinMs` (the first interval by default), so replicas started together do not
 * sweep in step. `run` does not reject (the jobs below are oneAtATime, which logs failures).
 *
 * The whole-second ticks were node-cron's until 2026-12: it worked out each next instant through
 * Intl date formatting in the system's time zone, which loaded ICU's time zone names into the
 * process (about 2 MB resident) and made garbage every second; a period that divides a minute
 * needs only the epoch's milliseconds (time zone offsets are whole minutes).
 */
function repeat(ms: number, run: () => Promise<void>, firstWithinMs = ms): Repeating {
  if (ms >= 1000 && ms <= 60_000 && ms % 1000 === 0) {
    const period = periodSeconds(ms / 1000) * 1000;
    let due = (Math.floor(Date.now() / period) + 1) * period;
    let inFlight = false;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      if (stopped) return;
      if (!inFlight) {
        inFlight = true;
        void run().finally(() => (inFlight = false));
      }
      // The next multiple after this one, skipping any the event loop was too late for.
      due += period;
      const now = Date.now();
      if (due <= now) due = (Math.floor(now / period) + 1) * period;
      timer = setTimeout(tick, due - now);
    };
    timer = setTimeout(tick, due - Date.now());
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let next = Date.now() + Math.random() * firstWithinMs;
  const tick = async () => {
    await run();
    if (stopped) return;
    next = Math.max(next + ms, Date.now());
    timer = setTimeout(tick, next - Date.now());
  };
  timer = setTimeout(tick, next - Date.now());
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export function scheduleJobs(options: JobsOptions): RunningJobs {
  const { desk, store, outbox, clock, logger, owner, sweep } = options;
  const leaseMs = sweep.leaseSeconds * 1000;
  const sweepEveryMs = Math.round(sweep.everySeconds * 1000);
  const stopping = new AbortController();
  const once = { signal: stopping.signal, logger };

  const sweepDue = oneAtATime(
    'sweep',
    async () => {
      const started = Date.now();
      const total = emptySweepReport();
      // A chunk at a time, so a stopping sweep finishes what it holds and takes no more.
      while (!stopping.signal.aborted && total.claimed < sweep.batch) {
        const limit = Math.min(SWEEP_CHUNK, sweep.batch - total.claimed);
        const report = await desk.sweep({ limit, leaseMs, owner });
        for (const key of Object.keys(total) as (keyof SweepReport)[]) total[key] += report[key];
        if (report.claimed < limit) break;
      }
      options.observe?.swept(clock.now(), total);
      if (total.claimed === 0) return;
      logger.info('sweep', { ...total, ms: Date.now() - started });
      // A full batch may have left due timers behind: catch up right after this run.
      if (total.claimed >= sweep.batch) void sweepDue.run();
      // What the sweep wrote goes out now rather than at the outbox's next tick.
      if (!stopping.signal.aborted) void outbox.pass();
    },
    once,
  );
  const audit = oneAtATime(
    'auditor',
    async () => {
      options.observe?.audited(await auditOnce({ store, clock, logger, sweepEveryMs, desk }));
    },
    once,
  );

  const retention = options.retention;
  const retain = oneAtATime(
    'retention',
    async () => {
      if (retention && !stopping.signal.aborted) await retention();
    },
    once,
  );

  const digest = options.digest;
  const sendDigests = oneAtATime(
    'digest',
    async () => {
      if (digest && !stopping.signal.aborted) await digest();
    },
    once,
  );

  const jobs = [
    repeat(sweepEveryMs, sweepDue.run),
    repeat(outbox.tickMs, () => (stopping.signal.aborted ? Promise.resolve() : outbox.pass())),
    repeat(AUDIT_EVERY_MS, audit.run),
    ...(retention ? [repeat(RETENTION_EVERY_MS, retain.run, RETENTION_FIRST_WITHIN_MS)] : []),
    ...(digest ? [repeat(DIGEST_EVERY_MS, sendDigests.run, DIGEST_FIRST_WITHIN_MS)] : []),
  ];

  return {
    async stop() {
      stopping.abort();
      await Promise.all(jobs.map((j) => j.stop()));
      await Promise.all([sweepDue.settled(), audit.settled(), retain.settled(), sendDigests.settled()]);
    },
  };
}
