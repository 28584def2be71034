// A live sender keeps its claim while the platform call is in flight: the lease runs from the
// send's start and is renewed every third of it, so another replica never takes over (and
// repeats) a slow send. One whose lease did run out (its sender died) is handed on marked as
// possibly arrived, for the sink to ask the platform first. On fake timers, so the instants are
// exact whatever the machine's load.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClaimedNotice, mayHaveArrived } from '../../src/core/model.ts';
import type { DeliveryResult } from '../../src/core/ports.ts';
import { dispatchOnce } from '../../src/jobs/dispatch-notices.ts';
import { memoryLogger } from '../../src/log.ts';
import { harness } from '../support/desk-harness.ts';

const LEASE_MS = 3_000;
const clock = { now: () => new Date() };

/** A platform whose every call takes `ms`; it records each notice it was handed. */
function slowSink(ms: number) {
  const calls: ClaimedNotice[] = [];
  return {
    calls,
    async deliver(n: ClaimedNotice): Promise<DeliveryResult> {
      calls.push(n);
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      return { status: 'sent' };
    },
  };
}

describe('the lease of a send in flight', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      now: new Date('2026-11-23T08:00:00.000Z'),
      toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a send ten times longer than the lease is never taken over while its sender lives; each notice goes out once', async () => {
    const h = harness();
    const caseId = await h.open(); // two notices: the acknowledgement and the triage card
    const logger = memoryLogger();
    const slow = slowSink(10 * LEASE_MS);
    const other = slowSink(0);
    const a = dispatchOnce({
      notices: h.store.notices,
      clock,
      sink: slow,
      logger,
      owner: 'a',
      leaseMs: LEASE_MS,
      sendLines: 1,
    });
    // Another replica polls every half second for the whole time A's two sends take.
    let takenOver = 0;
    for (let t = 0; t < 22 * LEASE_MS; t += 500) {
      await vi.advanceTimersByTimeAsync(500);
      const b = await dispatchOnce({
        notices: h.store.notices,
        clock,
        sink: other,
        logger,
        owner: 'b',
        leaseMs: LEASE_MS,
      });
      takenOver += b.claimed;
    }
    // A's second claim was not started when its lease ran out: B sent it instead, and A, finding
    // its lease gone, did not. The send A had started was never handed on.
    expect(await a).toMatchObject({ claimed: 2, sent: 1, leaseLost: 1 });
    expect(takenOver).toBe(1);
    const [started] = slow.calls;
    expect(other.calls.map((n) => n.id)).not.toContain(started?.id);
    const handed = [...slow.calls, ...other.calls].map((n) => n.id);
    expect(new Set(handed).size).toBe(2);
    expect(handed).toHaveLength(2); // each notice reached the platform once
    expect([...slow.calls, ...other.calls].some((n) => mayHaveArrived(n))).toBe(false);
    expect((await h.store.inspect.listOutbox({ caseId })).map((n) => n.status)).toEqual(['sent', 'sent']);
  });

  it('a claim whose sender stopped mid-send goes to the next replica marked "may have arrived"', async () => {
    const h = harness();
    await h.open();
    const logger = memoryLogger();
    // A claims and starts both sends, then dies: nothing renews, nothing is marked.
    const [first] = await h.store.notices.claim({
      now: clock.now(),
      limit: 1,
      leaseMs: LEASE_MS,
      owner: 'a',
    });
    if (!first) throw new Error('nothing to claim');
    expect(
      await h.store.notices.startSend(first.id, first.leaseToken, clock.now(), { leaseMs: LEASE_MS }),
    ).toBe(true);
    await vi.advanceTimersByTimeAsync(LEASE_MS + 1);
    const next = slowSink(0);
    const report = await dispatchOnce({
      notices: h.store.notices,
      clock,
      sink: next,
      logger,
      owner: 'b',
      leaseMs: LEASE_MS,
    });
    expect(report.sent).toBe(2);
    const resent = next.calls.find((n) => n.id === first.id);
    expect(resent && mayHaveArrived(resent)).toBe(true);
    expect(next.calls.filter((n) => n.id !== first.id).map((n) => mayHaveArrived(n))).toEqual([false]);
  });
});
