// The outbox: the one path every notice takes out. main.ts creates it before the desk and the
// adapters; each adapter registers its sink for its platform (sink-routes.ts), the desk hands it
// every command that wrote notices (afterCommit), and the jobs' tick runs its passes.
//
// - After a command, the notices it claimed at once (a new case's, see DeskDeps.sendAtOnce) are
//   sent right away, then a pass takes the ones left pending.
// - A pass claims due notices (paced per destination) and sends them (dispatch-notices.ts); passes
//   never overlap, and one asked for while another runs follows it. After each pass the next runs
//   when the store says a destination frees up (see WAKE_MIN_MS), if that comes before the tick.
// - The outbox can send from the moment it exists. A notice whose platform has no sink registered
//   (yet: an adapter not created; or no adapter of that platform runs here) is not held in memory:
//   the route answers "retry later" and the notice goes back to pending, sent by a later pass once
//   a sink is there. Claims made at once are never kept waiting for a start.
import type { CommandResult } from '../core/desk.ts';
import type { Case, ClaimedNotice } from '../core/model.ts';
import type { CaseRepository, Clock, NoticeQueue } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import { type DeliveryObserver, type SinkRoutes, sinkRoutes } from '../platform/sink-routes.ts';
import { deliverClaimedAtOnce, dispatchOnce, NOTICE_PACE_MS } from './dispatch-notices.ts';
import { oneAtATime } from './one-at-a-time.ts';

export interface OutboxOptions {
  /** The notices' queue, and the cases it reads when a sender needs one. */
  store: { cases: Pick<CaseRepository, 'getCase'>; notices: NoticeQueue };
  clock: Clock;
  logger: Logger;
  /** Names this replica in leases and logs. */
  owner: string;
  leaseMs: number;
  /** At most one notice per destination per this many ms (default NOTICE_PACE_MS; 0: unpaced). */
  paceMs?: number;
  /** The jobs' regular pass interval (default OUTBOX_TICK_MS): no wake-up is set beyond it. */
  tickMs?: number;
  /** Told of every delivery a sink made (the metrics). */
  onDelivered?: DeliveryObserver;
}

export interface Outbox extends SinkRoutes {
  readonly tickMs: number;
  /** The desk's afterCommit hook: delivers what the command claimed at once, then a pass if needed. */
  afterCommit(result: CommandResult): void;
  /**
   * Delivers `sending` at once (notices claimed for this replica as they were written; delivered
   * even while stopping, since no one else may send them before their lease runs out), then,
   * unless `pass` is false, runs a pass. `known`: their case as the command wrote it.
   */
  deliverNow(sending?: readonly ClaimedNotice[], pass?: boolean, known?: Case): Promise<void>;
  /** One pass (coalesced with one in flight); nothing once stopping. */
  pass(): Promise<void>;
  /**
   * Stops taking work: no new passes, the wake-up is cancelled, a pass in flight gives back the
   * claims whose send has not started. Resolves when nothing is in flight.
   */
  stop(): Promise<void>;
}

/** The regular pass interval of the jobs (a shorter sweep interval shortens it). */
export const OUTBOX_TICK_MS = 1_000;
/**
 * After each pass, the next runs when the store says the next pending notice may be claimed (its
 * retry time, its destination's pace), but never sooner than this from now (so a backlog is taken
 * in passes, not in a spin) and never later than the regular tick, which stays the baseline for
 * work other replicas write.
 */
export const WAKE_MIN_MS = 20;

/**
 * The outbox's lease and tick for the sweep settings (config.sweep): the sweep's lease serves the
 * outbox's claims, and a sweep interval under a second shortens the tick with it.
 */
export const outboxTiming = (sweep: {
  everySeconds: number;
  leaseSeconds: number;
}): Pick<OutboxOptions, 'leaseMs' | 'tickMs'> => ({
  leaseMs: sweep.leaseSeconds * 1000,
  tickMs: Math.min(OUTBOX_TICK_MS, Math.round(sweep.everySeconds * 1000)),
});

export function createOutbox(options: OutboxOptions): Outbox {
  const { store, clock, logger, owner, leaseMs } = options;
  const { notices } = store;
  const paceMs = options.paceMs ?? NOTICE_PACE_MS;
  const tickMs = options.tickMs ?? OUTBOX_TICK_MS;
  const routes = sinkRoutes(store.cases, options.onDelivered);
  const stopping = new AbortController();
  /** The pass due when the next paced destination frees up, if before the next tick. */
  let wake: NodeJS.Timeout | undefined;
  /** Deliveries of notices claimed at once, in flight (stop waits for them). */
  const atOnce = new Set<Promise<unknown>>();

  const passes = oneAtATime(
    'outbox',
    async () => {
      const started = Date.now();
      const report = await dispatchOnce({
        notices,
        clock,
        sink: routes,
        logger,
        owner,
        leaseMs,
        paceMs,
        signal: stopping.signal,
      });
      if (report.claimed > 0) logger.info('outbox', { ...report, ms: Date.now() - started });
      await wakeForNextNotice();
    },
    { signal: stopping.signal, logger },
  );

  /**
   * Sets the wake-up for the next pass from the store's next claimable instant. Replaces the
   * previous wake-up (this answer is newer); a pass it starts while one runs is coalesced.
   * Beyond the tick there is none: the tick's pass looks again.
   */
  async function wakeForNextNotice(): Promise<void> {
    if (stopping.signal.aborted) return;
    const next = await notices.nextDueAt();
    if (stopping.signal.aborted) return;
    clearTimeout(wake);
    wake = undefined;
    if (next === null) return;
    const delayMs = Math.max(WAKE_MIN_MS, next.getTime() - clock.now().getTime());
    if (delayMs >= tickMs) return;
    wake = setTimeout(() => {
      wake = undefined;
      void passes.run();
    }, delayMs);
  }

  async function deliverNow(sending: readonly ClaimedNotice[] = [], pass = true, known?: Case) {
    if (sending.length > 0) {
      const delivery = deliverClaimedAtOnce(
        { notices, clock, sink: routes, logger, leaseMs },
        sending,
        known,
      );
      atOnce.add(delivery);
      try {
        const report = await delivery;
        if (report.sent < report.claimed) logger.info('outbox.at_once', { ...report });
      } finally {
        atOnce.delete(delivery);
      }
    }
    if (pass) await passes.run();
  }

  return {
    ...routes,
    tickMs,
    afterCommit({ case: known, notices: written, sending }) {
      void deliverNow(sending, sending.length < written.length, known).catch((e: unknown) =>
        logger.error('outbox.deliver_now_failed', { error: e instanceof Error ? e.message : String(e) }),
      );
    },
    deliverNow,
    pass: passes.run,
    async stop() {
      stopping.abort();
      clearTimeout(wake);
      wake = undefined;
      while (passes.busy || atOnce.size > 0) await Promise.allSettled([passes.settled(), ...atOnce]);
    },
  };
}
