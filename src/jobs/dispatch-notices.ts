// Outbox delivery: claims pending notices, hands each to the platform sink, and records the
// outcome. Sends are at-least-once with dedupe keys; an unknown outcome is marked ambiguous
// rather than blindly resent; a notice that keeps failing is parked where supervisors see it.
// Claims are paced per destination (about one message per second per channel or DM, across all
// replicas), and each send is marked as started just before the platform call, so a crash before
// that point hands the notice to another replica instead of leaving it ambiguous. The pace counts
// from that mark and from the platform's answer (see NOTICE_PACE_MS): a pace counted from the claim
// would let two sends to one channel come closer than the platform allows. A rate limit answer
// (429) is retried exactly when the platform says and never brings a notice nearer to parking.
import type { Case, ClaimedNotice } from '../core/model.ts';
import type { ClaimOptions, Clock, DeliveryResult, NoticeQueue, NoticeSink } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import { paceKeyOf } from '../store/pace-key.ts';

export interface DispatchOptions {
  notices: NoticeQueue;
  clock: Clock;
  sink: NoticeSink;
  logger: Logger;
  owner: string;
  limit?: number;
  leaseMs?: number;
  /** Attempts before a retried notice is parked (rate limit answers are not counted). */
  maxAttempts?: number;
  /** At most one notice per destination per this many ms; 0 (the default) claims without pacing. */
  paceMs?: number;
  /** When aborted (shutdown), notices whose send has not started are given back at once. */
  signal?: AbortSignal;
  /** Sends in flight at once (default SEND_LINES; 1 sends the whole pass one after another). */
  sendLines?: number;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  retried: number;
  parked: number;
  ambiguous: number;
  /** Given back unsent because the dispatcher was stopping. */
  released: number;
  /** Not sent: this claim's lease had already been taken over. */
  leaseLost: number;
}

/**
 * Slack's chat.postMessage allows about one message per second per channel. The pace counts from
 * the platform's answer to the previous send (see NoticeQueue.markSent), which comes after the
 * platform timed that message's arrival, and the next send starts after it: two arrivals are at
 * least the pace apart however long each send takes. The margin covers the millisecond clock and
 * small clock differences between replicas (another replica may send a destination's next notice).
 */
export const NOTICE_PACE_MS = 1_003;

/**
 * Sends in flight at once (see createSender: notices that share a destination or a case go one
 * after another). Each platform limits a destination (one message a second per channel) far more
 * tightly than a bot's whole traffic, so different destinations need not wait for each other; a
 * bound keeps a large backlog from opening hundreds of requests together.
 */
export const SEND_LINES = 16;

const DEFAULT_LEASE_MS = 30_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 5 * 60_000;

/** Exponential backoff: 1 s, 2 s, 4 s ... capped at 5 minutes; never sooner than the platform asked. */
export const backoffMs = (attempts: number, askedMs = 0): number =>
  Math.max(askedMs, Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempts));

export const emptyReport = (): DispatchReport => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  parked: 0,
  ambiguous: 0,
  released: 0,
  leaseLost: 0,
});

type DeliverOptions = Pick<
  DispatchOptions,
  'notices' | 'clock' | 'sink' | 'logger' | 'maxAttempts' | 'leaseMs' | 'paceMs'
>;

/** How often, as a share of the lease, a send in flight renews its claim. */
const RENEW_EVERY_SHARE = 1 / 3;

/**
 * Keeps a started notice's lease while its platform call is in flight: renewed every third of the
 * lease, so no other replica takes over (and repeats) the send of a live but slow sender. A
 * renewal that fails is logged; the send goes on (its outcome is recorded only if the lease holds).
 */
function keepLease(options: DeliverOptions, notice: ClaimedNotice): () => void {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const renew = () => {
    const until = new Date(options.clock.now().getTime() + leaseMs);
    options.notices.renew(notice.id, notice.leaseToken, until).then(
      (held) => {
        if (!held) options.logger.warn('outbox.lease_lost', { notice: notice.id, case: notice.caseId });
      },
      (e: unknown) =>
        options.logger.warn('outbox.renew_failed', {
          notice: notice.id,
          error: e instanceof Error ? e.message : String(e),
        }),
    );
  };
  const timer = setInterval(renew, Math.max(1, Math.floor(leaseMs * RENEW_EVERY_SHARE)));
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Claims the notices due now for `owner` (paced per destination when `paceMs` > 0): the claim a
 * pass makes, shared by dispatchOnce and the outbox.
 */
export function claimDue(
  options: Pick<DispatchOptions, 'notices' | 'clock' | 'owner' | 'limit' | 'leaseMs' | 'paceMs'>,
): Promise<ClaimedNotice[]> {
  const claim: ClaimOptions = {
    now: options.clock.now(),
    limit: options.limit ?? 100,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    owner: options.owner,
    paceMs: options.paceMs ?? 0,
  };
  return options.notices.claim(claim);
}

/** One claim, its notices sent (see createSender); resolves when every one of them was handled. */
export async function dispatchOnce(options: DispatchOptions): Promise<DispatchReport> {
  const report = emptyReport();
  const notices = await claimDue(options);
  report.claimed = notices.length;
  await createSender(options).send(notices, report);
  return report;
}

export interface SenderOptions extends DeliverOptions {
  /** When aborted (shutdown), notices whose send has not started are given back at once. */
  signal?: AbortSignal | undefined;
  /** Sends in flight at once, over every batch (default SEND_LINES). */
  sendLines?: number | undefined;
  /**
   * Told, after each notice sent with a pace, the instant its destination may take its next
   * notice (the platform's answer + paceMs): the outbox wakes then (see outbox.ts).
   */
  onFree?: ((at: Date) => void) | undefined;
  /** Told of a notice whose handling failed (a store error); its successors go on. */
  onError?: ((error: unknown, notice: ClaimedNotice) => void) | undefined;
  /** Told when the last notice waiting for room to be sent has started (see Sender.full). */
  onRoom?: (() => void) | undefined;
}

export interface Sender {
  /**
   * Sends `claimed` (claimed by this process, in claim order), adding each outcome to `report`;
   * resolves once every one of them was handled. A later call may come while an earlier one's
   * sends are in flight (the outbox claims again as soon as a destination frees up).
   */
  send(claimed: readonly ClaimedNotice[], report: DispatchReport): Promise<void>;
  /**
   * Whether notices are waiting for room (all `sendLines` sends in flight): a claim now would only
   * queue behind them, and its query would slow the sends under way.
   */
  full(): boolean;
}

/**
 * The sends of one process, over as many claims as come. What it keeps, whichever batch a notice
 * came in:
 * - Order: a notice starts only after every notice handed over before it that shares its
 *   destination or its case has ended (a conversation reads them in order; a case's card is
 *   redrawn in order). Others go side by side, so a destination freed while another one's send is
 *   slow is sent at once, not after it.
 * - Pace: after a notice sent with a pace, the next one to its destination handed over here
 *   starts no sooner than the answer + paceMs. The store's pace already keeps claims that far
 *   apart; this covers a claim taken while the previous send was still in flight past its
 *   start's pace.
 * - Width: at most `sendLines` sends in flight at once over all batches; the rest wait in order.
 * - Shutdown: once `signal` is aborted, a notice not yet started is given back (released), never
 *   sent; a send under way finishes and is recorded.
 */
export function createSender(options: SenderOptions): Sender {
  const { notices: queue, clock } = options;
  const paceMs = options.paceMs ?? 0;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const slots = semaphore(Math.max(1, options.sendLines ?? SEND_LINES), options.onRoom);
  const until = waits(clock, options.signal);
  /**
   * Per `to:<destination>` and `case:<id>`: the outcome of the last notice handed over with it (its
   * destination's next free instant when it was sent with a pace, else null), until it settles.
   */
  const tails = new Map<string, Promise<number | null>>();

  /**
   * Sends one notice once the previous one to its destination and the previous one of its case
   * have ended (and the destination is free again); resolves with the destination's next free
   * instant when sent with a pace, else null.
   */
  async function sendOne(
    notice: ClaimedNotice,
    previousTo: Promise<number | null> | undefined,
    previousOfCase: Promise<number | null> | undefined,
    report: DispatchReport,
  ): Promise<number | null> {
    const [freeAt] = await Promise.all([previousTo, previousOfCase]);
    if (typeof freeAt === 'number') await until(freeAt);
    await slots.take();
    try {
      if (options.signal?.aborted) {
        await queue.release(notice.id, notice.leaseToken);
        report.released += 1;
        return null;
      }
      const started = await queue.startSend(notice.id, notice.leaseToken, clock.now(), { paceMs, leaseMs });
      if (!started) {
        report.leaseLost += 1;
        return null;
      }
      const sentAt = await deliverStarted(options, notice, report);
      if (sentAt === null || paceMs <= 0) return null;
      const free = sentAt.getTime() + paceMs;
      options.onFree?.(new Date(free));
      return free;
    } finally {
      slots.give();
    }
  }

  return {
    async send(claimed, report) {
      const outcomes = claimed.map((notice) => {
        const to = `to:${paceKeyOf(notice.recipient)}`;
        const ofCase = `case:${notice.caseId}`;
        const outcome = sendOne(notice, tails.get(to), tails.get(ofCase), report).catch((e: unknown) => {
          options.onError?.(e, notice);
          return null;
        });
        tails.set(to, outcome);
        tails.set(ofCase, outcome);
        void outcome.then(() => {
          for (const key of [to, ofCase]) if (tails.get(key) === outcome) tails.delete(key);
        });
        return outcome;
      });
      await Promise.all(outcomes);
    },
    full: () => slots.queued() > 0,
  };
}

/**
 * Waits until an instant on `clock`, cut short for every waiter at once when `signal` is aborted:
 * one abort listener for all of them, and only while one waits (one per wait would pass Node's
 * listener warning at 11; one per sender would pile up on a signal that outlives its senders).
 */
function waits(clock: Clock, signal?: AbortSignal): (atMs: number) => Promise<void> {
  const waiting = new Set<() => void>();
  const abortAll = () => [...waiting].forEach((done) => done());
  return (atMs) => {
    const waitMs = atMs - clock.now().getTime();
    if (waitMs <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        if (waiting.size === 0) signal?.removeEventListener('abort', abortAll);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      if (waiting.size === 0) signal?.addEventListener('abort', abortAll);
      waiting.add(done);
    });
  };
}

/**
 * At most `width` holders at once; the others wait in the order they asked. `onEmpty`: told when
 * the last one waiting got in.
 */
function semaphore(width: number, onEmpty?: () => void) {
  let free = width;
  const waiting: (() => void)[] = [];
  return {
    queued: () => waiting.length,
    take(): Promise<void> {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    give(): void {
      const next = waiting.shift();
      if (!next) {
        free += 1;
        return;
      }
      next();
      if (waiting.length === 0) onEmpty?.();
    },
  };
}

/**
 * Delivers notices claimed, with their send marked started, in the transaction that wrote them
 * (SendAtOnce), one after another, recording each outcome as a pass does. `known`: their case as
 * that transaction wrote it.
 */
export async function deliverClaimedAtOnce(
  options: DeliverOptions,
  notices: readonly ClaimedNotice[],
  known?: Case,
): Promise<DispatchReport> {
  const report = emptyReport();
  report.claimed = notices.length;
  for (const notice of notices) await deliverStarted(options, notice, report, known);
  return report;
}

/** Hands one started notice to the sink and records what happened; the answer's instant if sent. */
async function deliverStarted(
  options: DeliverOptions,
  notice: ClaimedNotice,
  report: DispatchReport,
  known?: Case,
): Promise<Date | null> {
  const { notices: queue, clock, sink, logger } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  let result: DeliveryResult;
  const release = keepLease(options, notice);
  try {
    result = await sink.deliver(notice, known);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    logger.error('outbox.ambiguous', { notice: notice.id, case: notice.caseId, key: notice.key, error });
    await queue.markFailed(notice.id, notice.leaseToken, { error, retryAt: null, ambiguous: true });
    report.ambiguous += 1;
    return null;
  } finally {
    release();
  }
  if (result.status === 'sent') {
    // The pace counts from the answer too (see NoticeQueue.markSent): the platform's answer to the
    // send when the sink says when it came (before the case's views followed), else now.
    const answeredAt = result.answeredAt ?? clock.now();
    await queue.markSent(notice.id, notice.leaseToken, answeredAt, { paceMs: options.paceMs ?? 0 });
    report.sent += 1;
    return answeredAt;
  } else if (result.status === 'retry' && (result.rateLimited || notice.attempts + 1 < maxAttempts)) {
    const rateLimited = result.rateLimited === true;
    const waitMs = rateLimited ? Math.max(0, result.afterMs) : backoffMs(notice.attempts, result.afterMs);
    const retryAt = new Date(clock.now().getTime() + waitMs);
    logger.warn('outbox.retry', {
      notice: notice.id,
      case: notice.caseId,
      error: result.error,
      retryAt: retryAt.toISOString(),
      rateLimited: rateLimited || undefined,
    });
    await queue.markFailed(notice.id, notice.leaseToken, {
      error: result.error,
      retryAt,
      rateLimited,
    });
    report.retried += 1;
  } else {
    logger.error('outbox.parked', {
      notice: notice.id,
      case: notice.caseId,
      key: notice.key,
      error: result.error,
    });
    await queue.markFailed(notice.id, notice.leaseToken, { error: result.error, retryAt: null });
    report.parked += 1;
  }
  return null;
}
