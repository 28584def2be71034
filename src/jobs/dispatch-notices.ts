// Outbox delivery: claims pending notices, hands each to the platform sink, and records the
// outcome. Sends are at-least-once with dedupe keys; an unknown outcome is marked ambiguous
// rather than blindly resent; a notice that keeps failing is parked where supervisors see it.
// Claims are paced per destination (about one message per second per channel or DM, across all
// replicas), and each send is marked as started just before the platform call, so a crash before
// that point hands the notice to another replica instead of leaving it ambiguous. The pace counts
// from that mark: a destination's notices are sent one after another, so a pace counted from the
// claim would let two sends to one channel come closer than the platform allows. A rate limit answer
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
  /** Lines sent at once (default SEND_LINES; 1 sends the whole pass one after another). */
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
 * our side of the send; the platform times arrivals, which wobble by a millisecond or two, so a
 * little margin keeps a steady stream from being answered 429 (each 429 costs the channel a second).
 */
export const NOTICE_PACE_MS = 1_010;

/**
 * Lines a pass sends at once (see linesOf: a line holds the notices that share a destination or a
 * case). Each platform limits a destination (one message a second per channel) far more tightly
 * than a bot's whole traffic, so different destinations need not wait for each other; a bound
 * keeps a large pass from opening hundreds of requests together.
 */
export const SEND_LINES = 16;

const DEFAULT_LEASE_MS = 30_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 5 * 60_000;

/** Exponential backoff: 1 s, 2 s, 4 s ... capped at 5 minutes; never sooner than the platform asked. */
export const backoffMs = (attempts: number, askedMs = 0): number =>
  Math.max(askedMs, Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempts));

const emptyReport = (): DispatchReport => ({
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

export async function dispatchOnce(options: DispatchOptions): Promise<DispatchReport> {
  const { notices: queue, clock } = options;
  const report = emptyReport();
  const paceMs = options.paceMs ?? 0;
  const claim: ClaimOptions = {
    now: clock.now(),
    limit: options.limit ?? 100,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    owner: options.owner,
    paceMs,
  };
  const notices = await queue.claim(claim);
  report.claimed = notices.length;
  // Lines of notices sent one after another, in the order claimed; lines side by side, SEND_LINES
  // at a time. Notices to one destination share a line (a conversation reads them in order, and the
  // platform paces it), and so do notices of one case (a platform may redraw the case's card after
  // each: one after another, the last redraw shows the case as it is now). A paced claim holds one
  // notice per destination, so a pass of many cases takes about as long as its slowest send
  // rather than the sum of them all, and the writes of sends in flight share commits.
  const waiting = linesOf(notices);
  const sendLine = async (line: readonly ClaimedNotice[]) => {
    for (const notice of line) {
      if (options.signal?.aborted) {
        await queue.release(notice.id, notice.leaseToken);
        report.released += 1;
        continue;
      }
      const started = await queue.startSend(notice.id, notice.leaseToken, clock.now(), {
        paceMs,
        leaseMs: claim.leaseMs,
      });
      if (!started) {
        report.leaseLost += 1;
        continue;
      }
      await deliverStarted(options, notice, report);
    }
  };
  const worker = async () => {
    for (let line = waiting.shift(); line; line = waiting.shift()) await sendLine(line);
  };
  const width = Math.max(1, Math.min(options.sendLines ?? SEND_LINES, waiting.length));
  await Promise.all(Array.from({ length: width }, worker));
  return report;
}

/**
 * The claimed notices grouped so that any two sharing a destination or a case are in one line
 * (connected through either), each line in claim order, the lines in the order of their first
 * notice.
 */
export function linesOf(notices: readonly ClaimedNotice[]): ClaimedNotice[][] {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let r = key;
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) r = up;
    parent.set(key, r);
    return r;
  };
  const join = (a: string, b: string) => {
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  const keyOf = (n: ClaimedNotice) => `to:${paceKeyOf(n.recipient)}`;
  for (const n of notices) join(keyOf(n), `case:${n.caseId}`);
  const lines = new Map<string, ClaimedNotice[]>();
  for (const n of notices) {
    const r = root(keyOf(n));
    const line = lines.get(r);
    if (line) line.push(n);
    else lines.set(r, [n]);
  }
  return [...lines.values()];
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

/** Hands one started notice to the sink and records what happened. */
async function deliverStarted(
  options: DeliverOptions,
  notice: ClaimedNotice,
  report: DispatchReport,
  known?: Case,
): Promise<void> {
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
    return;
  } finally {
    release();
  }
  if (result.status === 'sent') {
    // The pace counts from the answer too (see NoticeQueue.markSent).
    await queue.markSent(notice.id, notice.leaseToken, clock.now(), { paceMs: options.paceMs ?? 0 });
    report.sent += 1;
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
}
