// Runs the sweeps: due promise windows, outbox delivery and the auditor. Each job never overlaps
// itself within a process; across replicas the database claims coordinate. Whole-second intervals
// run on node-cron; shorter ones (tests, demos) on a timer. Between the outbox's ticks, a pass
// also runs when the next paced destination frees up (see OUTBOX_WAKE_MIN_MS), so a channel gets
// its next message when the platform allows it rather than at the tick after.
import cron, { type ScheduledTask } from 'node-cron';
import { type Desk, emptySweepReport, type SweepReport } from '../core/desk.ts';
import type { Case, ClaimedNotice, Timer } from '../core/model.ts';
import type { CaseRepository, Clock, LeaseQueue, NoticeQueue } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import { auditOnce } from './auditor.ts';
import { deliverClaimedAtOnce, dispatchOnce, NOTICE_PACE_MS, type NoticeSink } from './outbox.ts';

export interface JobsOptions {
  desk: Desk;
  store: { cases: CaseRepository; timers: LeaseQueue<Timer>; notices: NoticeQueue };
  clock: Clock;
  sink: NoticeSink;
  logger: Logger;
  /** Identifies this replica in leases and logs. */
  owner: string;
  /** `everySeconds` may be a fraction below 1 (a timer instead of cron). The lease serves the outbox too. */
  sweep: { everySeconds: number; leaseSeconds: number; batch: number };
  /** At most one notice per destination per this many ms (default NOTICE_PACE_MS). */
  paceMs?: number;
}

export interface RunningJobs {
  /**
   * Stops taking work: no new runs; a sweep finishes the timers it holds (a few at a time, see
   * SWEEP_CHUNK) and stops; the outbox gives back every claimed notice whose send has not started.
   * Resolves when nothing is in flight. The caller then closes the store.
   */
  stop(): Promise<void>;
  /**
   * Delivers `sending` at once (notices a command claimed for this replica as it wrote them, see
   * DeskDeps.sendAtOnce; delivered even while stopping, since no one else may send them before
   * their lease runs out), then, unless `pass` is false, runs the outbox pass (paced, coalesced
   * with any pass in flight), so what a command just wrote goes out without waiting for the next
   * tick. `known`: the case of `sending` as the command wrote it. Adapters' commands call it
   * (src/platform/deliver-after-commands.ts).
   */
  deliverNow(sending?: readonly ClaimedNotice[], pass?: boolean, known?: Case): Promise<void>;
}

/**
 * Timers a sweep claims at a time: the most a stopping sweep still handles before it returns, and
 * small enough that replicas sweeping at the same moment share the due timers between them.
 */
export const SWEEP_CHUNK = 10;
const AUDIT_EVERY_MS = 30_000;
const OUTBOX_EVERY_MS = 1_000;
/**
 * After each outbox pass, the next runs when the store says the next pending notice may be
 * claimed (its retry time, its destination's pace), but never sooner than this from now (so a
 * backlog is taken in passes, not in a spin) and never later than the regular tick, which stays
 * the baseline for work other replicas write.
 */
export const OUTBOX_WAKE_MIN_MS = 20;

/** A cron expression for "every n seconds" (n divides 60, else the nearest divisor below). */
export function everySeconds(n: number): string {
  const divisor =
    [60, 30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1].find((d) => d <= Math.max(1, Math.floor(n))) ?? 1;
  return divisor === 60 ? '0 * * * * *' : `*/${divisor} * * * * *`;
}

interface Repeating {
  stop(): Promise<void>;
}

/**
 * Runs `run` every `ms`: on node-cron for whole seconds, else at a fixed rate on a timer whose
 * first tick falls at a random point of the first interval, so replicas started together do not
 * sweep in step.
 */
function repeat(name: string, ms: number, run: () => Promise<void>): Repeating {
  if (ms >= 1000 && ms % 1000 === 0) {
    const task: ScheduledTask = cron.schedule(everySeconds(ms / 1000), run, { name, noOverlap: true });
    return {
      async stop() {
        await task.stop();
        await task.destroy();
      },
    };
  }
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let next = Date.now() + Math.random() * ms;
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
  const { desk, store, clock, sink, logger, owner, sweep } = options;
  const leaseMs = sweep.leaseSeconds * 1000;
  const sweepEveryMs = Math.round(sweep.everySeconds * 1000);
  const outboxEveryMs = Math.min(OUTBOX_EVERY_MS, sweepEveryMs);
  const stopping = new AbortController();
  const running = new Map<string, Promise<void>>();
  /** The outbox pass due when the next paced destination frees up, if before the next tick. */
  let wake: NodeJS.Timeout | undefined;

  /**
   * Runs the job unless the jobs are stopping. Never two runs of one job at once here: a call
   * while it runs asks for one more run right after (so work written meanwhile is not left for the
   * next tick).
   */
  const exclusive = (name: string, fn: () => Promise<void>) => {
    let again = false;
    const start = (): Promise<void> => {
      const run = fn()
        .catch((e: unknown) =>
          logger.error(`${name}.failed`, { error: e instanceof Error ? e.message : String(e) }),
        )
        .finally(() => {
          running.delete(name);
          if (again && !stopping.signal.aborted) {
            again = false;
            void start();
          }
        });
      running.set(name, run);
      return run;
    };
    return async (): Promise<void> => {
      if (stopping.signal.aborted) return;
      if (running.has(name)) {
        again = true;
        return;
      }
      await start();
    };
  };

  const deliver = exclusive('outbox', async () => {
    const started = Date.now();
    const report = await dispatchOnce({
      notices: store.notices,
      clock,
      sink,
      logger,
      owner,
      leaseMs,
      paceMs: options.paceMs ?? NOTICE_PACE_MS,
      signal: stopping.signal,
    });
    if (report.claimed > 0) logger.info('outbox', { ...report, ms: Date.now() - started });
    await wakeForNextNotice();
  });

  /**
   * Sets the wake-up for the next pass from the store's next claimable instant. Replaces the
   * previous wake-up (this answer is newer); a pass it starts while one runs is coalesced by
   * exclusive(). Beyond the tick there is none: the tick's pass looks again.
   */
  async function wakeForNextNotice(): Promise<void> {
    if (stopping.signal.aborted) return;
    const next = await store.notices.nextDueAt();
    if (stopping.signal.aborted) return;
    clearTimeout(wake);
    wake = undefined;
    if (next === null) return;
    const delayMs = Math.max(OUTBOX_WAKE_MIN_MS, next.getTime() - clock.now().getTime());
    if (delayMs >= outboxEveryMs) return;
    wake = setTimeout(() => {
      wake = undefined;
      void deliver();
    }, delayMs);
  }

  const sweepDue = exclusive('sweep', async () => {
    const started = Date.now();
    const total = emptySweepReport();
    // A chunk at a time, so a stopping sweep finishes what it holds and takes no more.
    while (!stopping.signal.aborted && total.claimed < sweep.batch) {
      const limit = Math.min(SWEEP_CHUNK, sweep.batch - total.claimed);
      const report = await desk.sweep({ limit, leaseMs, owner });
      for (const key of Object.keys(total) as (keyof SweepReport)[]) total[key] += report[key];
      if (report.claimed < limit) break;
    }
    if (total.claimed === 0) return;
    logger.info('sweep', { ...total, ms: Date.now() - started });
    // A full batch may have left due timers behind: catch up right after this run.
    if (total.claimed >= sweep.batch) void sweepDue();
    // What the sweep wrote goes out now rather than at the outbox's next tick.
    void deliver();
  });

  const jobs = [
    repeat('sweep', sweepEveryMs, sweepDue),
    repeat('outbox', outboxEveryMs, deliver),
    repeat(
      'auditor',
      AUDIT_EVERY_MS,
      exclusive('auditor', async () => {
        await auditOnce({ cases: store.cases, timers: store.timers, clock, logger, sweepEveryMs, desk });
      }),
    ),
  ];

  /** Deliveries of notices claimed at once, in flight (stop waits for them). */
  const atOnce = new Set<Promise<unknown>>();
  async function deliverNow(
    sending: readonly ClaimedNotice[] = [],
    pass = true,
    known?: Case,
  ): Promise<void> {
    if (sending.length > 0) {
      const delivery = deliverClaimedAtOnce({ notices: store.notices, clock, sink, logger }, sending, known);
      atOnce.add(delivery);
      try {
        const report = await delivery;
        if (report.sent < report.claimed) logger.info('outbox.at_once', { ...report });
      } finally {
        atOnce.delete(delivery);
      }
    }
    if (pass) await deliver();
  }

  return {
    deliverNow,
    async stop() {
      stopping.abort();
      clearTimeout(wake);
      wake = undefined;
      await Promise.all(jobs.map((j) => j.stop()));
      while (running.size > 0 || atOnce.size > 0) {
        await Promise.allSettled([...running.values(), ...atOnce]);
      }
    },
  };
}
