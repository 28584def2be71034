// The frame every platform's sink delivers a notice in, so the rules around a send are the same
// on each: one delivery per case at a time (delivery-order.ts); a platform error is a result
// (retry, park) or, when the platform may have done it, rethrown so the outbox marks it ambiguous
// and never resends it blindly; once a notice is sent the case's views (cards, approval copies)
// follow it, best effort: a failure there is reported, never turned into a resend of the notice.
import type { Case, ClaimedNotice, Clock, DeliveryResult } from '../../src/core/index.ts';
import type { PlatformSink } from '../../src/platform/adapter.ts';
import { oneAtATimePerCase } from './delivery-order.ts';

export interface DeliverySteps {
  /** Sends the notice where it goes; throws what the platform threw. */
  route(notice: ClaimedNotice, c: Case): Promise<DeliveryResult>;
  /** What an error from `route` means for the outbox, or null when the outcome is unknown. */
  failed(error: unknown, notice: ClaimedNotice, c: Case): Promise<DeliveryResult | null>;
  /** Told of a notice that did not go out (retried later or parked). */
  notSent(result: Exclude<DeliveryResult, { status: 'sent' }>, notice: ClaimedNotice, c: Case): void;
  /** After a sent notice, brings the case's views up to date. */
  followCase(c: Case): Promise<void>;
  /** Told when `followCase` failed: the notice stays sent, the views catch up later. */
  followFailed(error: unknown, c: Case): Promise<void>;
  /**
   * With a clock, a sent result says when the platform answered (`answeredAt`, before the views
   * follow): the outbox paces the destination from the answer, not from the views' calls after it.
   */
  clock?: Clock | undefined;
}

export function deliveringSink(steps: DeliverySteps): PlatformSink {
  const oneAtATime = oneAtATimePerCase();

  async function deliver(notice: ClaimedNotice, c: Case): Promise<DeliveryResult> {
    let result: DeliveryResult;
    try {
      result = await steps.route(notice, c);
    } catch (error) {
      const known = await steps.failed(error, notice, c);
      if (known === null) throw error;
      result = known;
    }
    if (result.status !== 'sent') {
      steps.notSent(result, notice, c);
      return result;
    }
    if (steps.clock && result.answeredAt === undefined) result = { ...result, answeredAt: steps.clock.now() };
    try {
      await steps.followCase(c);
    } catch (error) {
      await steps.followFailed(error, c);
    }
    return result;
  }

  return { deliver: (notice, c) => oneAtATime(c.id, () => deliver(notice, c)) };
}
