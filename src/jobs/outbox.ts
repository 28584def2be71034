// The outbox: the one path every notice takes out. main.ts creates it before the desk and the
// adapters; each adapter registers its sink for its platform (sink-routes.ts), the desk hands it
// every command that wrote notices (afterCommit), and the jobs' tick runs its passes.
//
// - After a command, the notices it claimed at once (a new case's, see DeskDeps.sendAtOnce) are
//   sent right away, then a pass takes the ones left pending.
// - A pass claims due notices (paced per destination) and hands them to the outbox's one sender
//   (createSender in dispatch-notices.ts), which keeps a destination's and a case's notices in
//   order over every pass. Claims never overlap (one asked for while another runs follows it), but
//   a pass does not wait for the sends of the one before: a destination freed while another
//   destination's send is slow is claimed when it frees up, not when that send ends. The next
//   pass runs when a sent notice's destination frees up (its answer + the pace; those freeing up
//   within FREE_BATCH_MS are claimed together), or when the store says the next notice is due (see
//   WAKE_MIN_MS), whichever comes first. A pass that finds every send slot taken claims nothing
//   (its query of the whole queue would slow the sends under way) and runs again once there is room.
// - The outbox can send from the moment it exists. A notice whose platform has no sink registered
//   (yet: an adapter not created; or no adapter of that platform runs here) is not held in memory:
//   the route answers "retry later" and the notice goes back to pending, sent by a later pass once
//   a sink is there. Claims made at once are never kept waiting for a start.
import type { CommandResult } from '../core/desk.ts';
import type { Case, ClaimedNotice } from '../core/model.ts';
import type { CaseRepository, Clock, NoticeQueue } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import { type DeliveryObserver, type SinkRoutes, sinkRoutes } from '../platform/sink-routes.ts';
import {
  claimDue,
  createSender,
  deliverClaimedAtOnce,
  emptyReport,
  NOTICE_PACE_MS,
} from './dispatch-notices.ts';
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
  /**
   * One pass (coalesced with one in flight, then resolving at once); nothing once stopping.
   * Resolves when the notices it claimed (and any others in flight then) have been handled.
   */
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
 * The next pass runs when a destination this replica sent to frees up (the answer + the pace:
 * exactly), or when the store says the next pending notice may be claimed (its retry time, its
 * destination's pace), whichever is first; a wake-up for the store's answer comes never sooner
 * than this from when it is set (so a backlog is taken in passes, not in a spin), and none is set
 * beyond the regular tick, which stays the baseline for work other replicas write.
 */
export const WAKE_MIN_MS = 20;
/** Destinations freeing up within this of the first are claimed together (see freesDueMs). */
export const FREE_BATCH_MS = 10;
/** After a pass that claimed notices, the store's next instant is asked at most this often. */
export const LOOK_EVERY_MS = 100;

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
  /** Instants (ms on the clock) at which destinations this replica sent to free up, soonest first. */
  const frees: number[] = [];
  /** The store's next claimable instant, when a wake-up is due for it (see WAKE_MIN_MS). */
  let storeDueMs = Number.POSITIVE_INFINITY;
  /** Questions asked of the store's next instant, and the latest whose answer was used. */
  let storeAsked = 0;
  let storeAnswered = 0;
  /** When the store was last asked after a pass (Date.now()). */
  let lastLookMs = Number.NEGATIVE_INFINITY;
  /** The timer for the soonest of those, and its instant. */
  let wake: NodeJS.Timeout | undefined;
  let wakeAtMs = Number.POSITIVE_INFINITY;
  /** Deliveries of notices claimed at once, in flight (stop waits for them). */
  const atOnce = new Set<Promise<unknown>>();
  /** Sends of the passes' claims, in flight (stop waits for them). */
  const sending = new Set<Promise<unknown>>();
  const sender = createSender({
    notices,
    clock,
    sink: routes,
    logger,
    leaseMs,
    paceMs,
    signal: stopping.signal,
    onFree: (at) => freedAt(at.getTime()),
    onRoom: () => {
      if (!claimWhenRoom) return;
      claimWhenRoom = false;
      void passes.run();
    },
    onError: (e, notice) =>
      logger.error('outbox.failed', {
        notice: notice.id,
        error: e instanceof Error ? e.message : String(e),
      }),
  });

  /** A pass found every send slot taken: it claims once one is free (see Sender.full). */
  let claimWhenRoom = false;

  const passes = oneAtATime(
    'outbox',
    async () => {
      if (sender.full()) {
        // What it would claim could only queue; the claim's query of the whole queue would slow the
        // sends under way (at the start of a large backlog, by seconds). It runs when there is room.
        claimWhenRoom = true;
        return;
      }
      const started = Date.now();
      const claimed = await claimDue({ notices, clock, owner, leaseMs, paceMs });
      if (claimed.length > 0) {
        const report = { ...emptyReport(), claimed: claimed.length };
        const sends = sender.send(claimed, report).then(async () => {
          logger.info('outbox', { ...report, ms: Date.now() - started });
          // A notice sent back to pending (a retry) may be due before the tick: look again.
          if (report.retried > 0) await wakeForNextNotice();
        });
        sending.add(sends);
        void sends.finally(() => sending.delete(sends));
      }
      // The store's next instant is one more query of the whole queue: after a pass that claimed
      // some (their destinations wake passes of their own when they free up) it is asked at most
      // every LOOK_EVERY_MS.
      if (claimed.length === 0 || Date.now() - lastLookMs >= LOOK_EVERY_MS) await wakeForNextNotice();
    },
    { signal: stopping.signal, logger },
  );

  /**
   * A destination this replica sent to frees up at `atMs`: a pass runs then, exactly (each instant
   * is used once, so it cannot spin), even beyond the tick and with other sends under way.
   */
  function freedAt(atMs: number): void {
    let i = frees.length;
    while (i > 0 && (frees[i - 1] ?? 0) > atMs) i -= 1;
    frees.splice(i, 0, atMs);
    arm();
  }

  /**
   * When the next pass for freed destinations runs: the last of those that free up within
   * FREE_BATCH_MS of the first (one claim takes them together, and sent together they free up
   * together again, so a stream of many destinations needs few claims, each a query of the
   * whole queue).
   */
  function freesDueMs(): number {
    const first = frees[0];
    if (first === undefined) return Number.POSITIVE_INFINITY;
    let last = first;
    for (const at of frees) if (at <= first + FREE_BATCH_MS) last = at;
    return last;
  }

  /** Sets the timer for the soonest instant due (a destination freed, the store's next). */
  function arm(): void {
    if (stopping.signal.aborted) return;
    const target = Math.min(storeDueMs, freesDueMs());
    if (target === Number.POSITIVE_INFINITY || (wake && wakeAtMs <= target)) return;
    clearTimeout(wake);
    wakeAtMs = target;
    wake = setTimeout(fire, Math.max(0, target - clock.now().getTime()));
  }

  /** Runs a pass for the instants that have come (coalesced with one in flight), then re-arms. */
  function fire(): void {
    wake = undefined;
    wakeAtMs = Number.POSITIVE_INFINITY;
    const now = clock.now().getTime();
    let due = false;
    while ((frees[0] ?? Number.POSITIVE_INFINITY) <= now) {
      frees.shift();
      due = true;
    }
    if (storeDueMs <= now) {
      storeDueMs = Number.POSITIVE_INFINITY;
      due = true;
    }
    if (due) void passes.run();
    arm();
  }

  /**
   * The store's next claimable instant, not sooner than WAKE_MIN_MS from now (it may name a
   * notice a claim cannot take yet: a backlog is taken in passes, not in a spin). Replaces the
   * previous answer (this one is newer); beyond the tick there is none: the tick's pass looks again.
   */
  async function wakeForNextNotice(): Promise<void> {
    if (stopping.signal.aborted) return;
    lastLookMs = Date.now();
    const asked = ++storeAsked;
    const next = await notices.nextDueAt();
    // An answer to an earlier question that came late is older than the one already used.
    if (stopping.signal.aborted || asked < storeAnswered) return;
    storeAnswered = asked;
    const now = clock.now().getTime();
    const delayMs = next === null ? Number.POSITIVE_INFINITY : Math.max(WAKE_MIN_MS, next.getTime() - now);
    storeDueMs = delayMs >= tickMs ? Number.POSITIVE_INFINITY : now + delayMs;
    arm();
  }

  /** One pass; unless coalesced with one in flight, resolves once the sends in flight after it end. */
  async function pass(): Promise<void> {
    const coalesced = passes.busy;
    await passes.run();
    if (!coalesced) await Promise.allSettled([...sending]);
  }

  async function deliverNow(claimedAtOnce: readonly ClaimedNotice[] = [], runPass = true, known?: Case) {
    if (claimedAtOnce.length > 0) {
      const delivery = deliverClaimedAtOnce(
        // Paced from the answer as a pass's sends are (see NOTICE_PACE_MS).
        { notices, clock, sink: routes, logger, leaseMs, paceMs },
        claimedAtOnce,
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
    if (runPass) await pass();
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
    pass,
    async stop() {
      stopping.abort();
      clearTimeout(wake);
      wake = undefined;
      while (passes.busy || sending.size > 0 || atOnce.size > 0)
        await Promise.allSettled([passes.settled(), ...sending, ...atOnce]);
    },
  };
}
