// The outbox's wake-up: the next pass runs when a sent notice's destination frees up, or when the
// store says the next paced destination frees up (not sooner than WAKE_MIN_MS, never instead of the
// jobs' regular tick), coalesced with a pass in flight (whose sends it does not wait for) and
// cancelled on stop. On fake timers (the jobs' ticks included), so
// the instants below are exact.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { ClaimedNotice, Recipient } from '../../src/core/model.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import type { DeliveryResult } from '../../src/core/ports.ts';
import { SEND_LINES } from '../../src/jobs/dispatch-notices.ts';
import { createOutbox, type Outbox, outboxTiming, WAKE_MIN_MS } from '../../src/jobs/outbox.ts';
import { scheduleJobs } from '../../src/jobs/schedule-jobs.ts';
import { memoryLogger } from '../../src/log.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { makeDraft, makeNotice, seedCase, withRows } from '../support/case-factory.ts';
import { deskConfig } from '../support/desk-fixture.ts';
import { SequentialIds } from '../support/fake-clock.ts';

/** 300 ms past a whole second: the outbox's regular tick (every whole second) is 700 ms away. */
const START = new Date('2026-11-23T08:00:00.300Z').getTime();
const clock = { now: () => new Date() };
const toConversation = (conversation: string): Recipient => ({
  kind: 'customer',
  customerId: 'u',
  conversation,
});
const X = toConversation('slack:T1:CX:1');
const Y = toConversation('slack:T1:CY:1');

/**
 * Each test notice carries a real text (the outbox's routes refuse unknown keys) and its own label
 * in `params.tag`.
 */
const tagged = (tag: string) => ({ key: 'customer.reply' as const, params: { tag } });
const tagOf = (n: { params: Readonly<Record<string, string | number>> }) => String(n.params.tag);

/** Notices written now, a millisecond apart in their order, tagged as given. */
async function seed(store: InspectableStore, notices: [key: string, to: Recipient][]) {
  const now = Date.now();
  await seedCase(store, {}, (c) => ({
    notices: notices.map(([key, recipient], i) =>
      makeNotice(c, { ...tagged(key), recipient, createdAt: new Date(now - notices.length + i) }),
    ),
  }));
}

/** Records each send's tag and its instant (ms after START), and how many sends overlap. */
function recordingSink(answer: (n: ClaimedNotice) => Promise<DeliveryResult> | DeliveryResult) {
  const sends: [string, number][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  return {
    sends,
    mostInFlight: () => mostInFlight,
    async deliver(n: ClaimedNotice): Promise<DeliveryResult> {
      sends.push([tagOf(n), Date.now() - START]);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await answer(n);
      } finally {
        inFlight -= 1;
      }
    },
  };
}

/** The outbox and the jobs that tick it, as main.ts composes them; stopped together. */
interface Running {
  deliverNow: Outbox['deliverNow'];
  stop(): Promise<void>;
}

describe('outbox wake-up between ticks', () => {
  let jobs: Running | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(async () => {
    await jobs?.stop();
    jobs = undefined;
    vi.useRealTimers();
  });

  function start(store: InspectableStore, sink: ReturnType<typeof recordingSink>, paceMs: number) {
    const logger = memoryLogger();
    const desk = createDesk({
      store,
      clock,
      ids: new SequentialIds(),
      config: deskConfig(),
    });
    const sweep = { everySeconds: 60, leaseSeconds: 30, batch: 100 };
    const outbox = createOutbox({
      store,
      clock,
      logger,
      owner: 'r1',
      paceMs,
      ...outboxTiming(sweep),
    });
    outbox.register('slack', sink);
    const scheduled = scheduleJobs({ desk, store, outbox, clock, logger, owner: 'r1', sweep });
    jobs = {
      deliverNow: outbox.deliverNow,
      stop: async () => {
        await Promise.all([scheduled.stop(), outbox.stop()]);
      },
    };
    return jobs;
  }

  it('sends each destination’s next notice when its pace runs out, not at the next tick', async () => {
    const store = createMemoryStore();
    await seed(store, [
      ['x0', X],
      ['y0', Y],
      ['x1', X],
      ['x2', X],
    ]);
    const sink = recordingSink(() => ({ status: 'sent' }));
    await start(store, sink, 150).deliverNow();
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['y0', 0],
    ]);
    await vi.advanceTimersByTimeAsync(400);
    // The tick (at 700 ms) has not come: the wake-ups sent them.
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['y0', 0],
      ['x1', 150],
      ['x2', 300],
    ]);
  });

  it('a wake-up for the store’s next due notice comes no sooner than WAKE_MIN_MS', async () => {
    const store = createMemoryStore();
    await seed(store, [['x0', X]]);
    let first = true;
    const sink = recordingSink(() => {
      if (!first) return { status: 'sent' };
      first = false;
      return { status: 'retry', afterMs: 5, error: 'ratelimited', rateLimited: true };
    });
    // Due again 5 ms in (its retry, and its destination's pace).
    await start(store, sink, 5).deliverNow();
    await vi.advanceTimersByTimeAsync(WAKE_MIN_MS - 1);
    expect(sink.sends).toEqual([['x0', 0]]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['x0', WAKE_MIN_MS],
    ]);
  });

  it('a destination this replica sent to is claimed exactly when it frees up, even sooner than WAKE_MIN_MS', async () => {
    const store = createMemoryStore();
    await seed(store, [
      ['x0', X],
      ['x1', X],
      ['x2', X],
    ]);
    const sink = recordingSink(() => ({ status: 'sent' }));
    await start(store, sink, 5).deliverNow();
    await vi.advanceTimersByTimeAsync(4);
    expect(sink.sends).toEqual([['x0', 0]]);
    await vi.advanceTimersByTimeAsync(6);
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['x1', 5],
      ['x2', 10],
    ]);
  });

  it('a destination freeing up a tick or more after its answer is claimed then, not at a later tick', async () => {
    const store = createMemoryStore();
    await seed(store, [
      ['x0', X],
      ['x1', X],
      ['x2', X],
    ]);
    const sink = recordingSink(() => ({ status: 'sent' }));
    // A pace of 1,250 ms, longer than the tick (every whole second, 700 ms after START).
    await start(store, sink, 1_250).deliverNow();
    await vi.advanceTimersByTimeAsync(2_600);
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['x1', 1_250],
      ['x2', 2_500],
    ]);
  });

  it('leaves a retry beyond the tick to the ticks; the last tick before it sets the wake-up', async () => {
    const store = createMemoryStore();
    await seed(store, [['x0', X]]);
    const wakes = vi.spyOn(store.notices, 'nextDueAt');
    let first = true;
    const sink = recordingSink(() => {
      if (!first) return { status: 'sent' };
      first = false;
      return { status: 'retry', afterMs: 2_500, error: 'ratelimited', rateLimited: true };
    });
    await start(store, sink, 150).deliverNow();
    await vi.advanceTimersByTimeAsync(2_499);
    expect(sink.sends).toEqual([['x0', 0]]);
    // One look after the first pass and one after its retry, then one per tick (700, 1700 ms): no
    // wake-up in between.
    expect(wakes).toHaveBeenCalledTimes(4);
    // Due at 2500 ms: the tick at 1700 ms, less than a tick before, set the wake-up for it.
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['x0', 2_500],
    ]);
    expect(wakes).toHaveBeenCalledTimes(5);
  });

  it('a destination freed during another destination’s slow send is sent at its free time, not when that send ends', async () => {
    const store = createMemoryStore();
    await seed(store, [
      ['x0', X],
      ['x1', X],
      ['x2', X],
    ]);
    const sink = recordingSink(async (n) => {
      if (tagOf(n) === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
      return { status: 'sent' };
    });
    const running = start(store, sink, 100);
    await running.deliverNow(); // x0 at 0; X frees up at 100 ms
    await vi.advanceTimersByTimeAsync(50);
    await seed(store, [['slow', Y]]);
    const slowPass = running.deliverNow(); // sends `slow` from 50 to 350 ms
    await vi.advanceTimersByTimeAsync(50);
    // The pass that took `slow` is still waiting for it: X's next goes all the same.
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['slow', 50],
      ['x1', 100],
    ]);
    await vi.advanceTimersByTimeAsync(100);
    expect(sink.sends.at(-1)).toEqual(['x2', 200]);
    expect(sink.mostInFlight()).toBe(2);
    await vi.advanceTimersByTimeAsync(150);
    await slowPass;
    expect((await store.inspect.listOutbox({})).map((n) => [tagOf(n), n.status])).toEqual([
      ['x0', 'sent'],
      ['x1', 'sent'],
      ['x2', 'sent'],
      ['slow', 'sent'],
    ]);
  });

  it('passes that overlap keep one case’s notices in order across destinations', async () => {
    const store = createMemoryStore();
    // One case writes to X, then to Y, then to X again: `y0` waits for `x0` (its case) even though
    // Y is free; `x1` is claimed when X frees up and waits for `y0`, slow, to end.
    await seed(store, [
      ['x0', X],
      ['y0', Y],
      ['x1', X],
    ]);
    const sink = recordingSink(async (n) => {
      if (tagOf(n) === 'x0' || tagOf(n) === 'y0') await new Promise((resolve) => setTimeout(resolve, 150));
      return { status: 'sent' };
    });
    const running = start(store, sink, 100);
    void running.deliverNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.sends).toEqual([['x0', 0]]);
    await vi.advanceTimersByTimeAsync(150);
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['y0', 150],
    ]);
    // X is free from 250 ms (x0's answer + the pace); x1 goes once y0 has ended, at 300 ms.
    await vi.advanceTimersByTimeAsync(149);
    expect(sink.sends).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.sends.at(-1)).toEqual(['x1', 300]);
    expect(sink.mostInFlight()).toBe(1);
  });

  it('a notice claimed while the one before it to its destination is still in flight waits for its answer + the pace', async () => {
    const store = createMemoryStore();
    await seed(store, [
      ['x0', X],
      ['x1', X],
    ]);
    // x0 takes 150 ms, past its start's pace (100 ms): the store lets the pass at 100 ms claim x1.
    const sink = recordingSink(async (n) => {
      if (tagOf(n) === 'x0') await new Promise((resolve) => setTimeout(resolve, 150));
      return { status: 'sent' };
    });
    const running = start(store, sink, 100);
    void running.deliverNow();
    await vi.advanceTimersByTimeAsync(249);
    expect(sink.sends).toEqual([['x0', 0]]);
    expect((await store.inspect.listOutbox({ statuses: ['sending'] })).map(tagOf)).toEqual(['x1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.sends).toEqual([
      ['x0', 0],
      ['x1', 250],
    ]);
  });

  it('claims nothing while every send slot is taken, and claims once there is room', async () => {
    const store = createMemoryStore();
    // 20 cases, each with two notices to its own destination; a send takes 100 ms: SEND_LINES (16)
    // go at once, 4 wait.
    const to = (i: number) => toConversation(`slack:T1:C${i}:1`);
    for (let i = 0; i < 20; i++) {
      await seed(store, [
        [`a${i}`, to(i)],
        [`b${i}`, to(i)],
      ]);
    }
    const claims: number[] = [];
    const claim = store.notices.claim.bind(store.notices);
    vi.spyOn(store.notices, 'claim').mockImplementation((options) => {
      claims.push(Date.now() - START);
      return claim(options);
    });
    const sink = recordingSink(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { status: 'sent' };
    });
    void start(store, sink, 50).deliverNow();
    await vi.advanceTimersByTimeAsync(99);
    // The store's wake-up at 50 ms (the second notices' pace from their claim) found 4 waiting.
    expect(claims).toEqual([0]);
    expect(sink.mostInFlight()).toBe(SEND_LINES);
    await vi.advanceTimersByTimeAsync(1);
    // Room at 100 ms: the pass it held back runs then.
    expect(claims).toEqual([0, 100]);
    await vi.advanceTimersByTimeAsync(600);
    expect(sink.sends).toHaveLength(40);
  });

  it('stop() cancels the wake-up: no pass after it, and no timer left behind', async () => {
    const store = createMemoryStore();
    await seed(store, [
      ['x0', X],
      ['x1', X],
    ]);
    const sink = recordingSink(() => ({ status: 'sent' }));
    const running = start(store, sink, 100);
    await running.deliverNow();
    expect(sink.sends).toEqual([['x0', 0]]);
    await running.stop();
    jobs = undefined;
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sink.sends).toEqual([['x0', 0]]);
    expect((await store.inspect.listOutbox({ statuses: ['pending'] })).map(tagOf)).toEqual(['x1']);
  });

  /** A new case whose notices (key, recipient) are claimed at once for this replica, paced. */
  async function openClaimingAtOnce(
    store: InspectableStore,
    notices: [key: string, to: Recipient][],
    paceMs: number,
  ) {
    const now = new Date();
    const created = await store.cases.createCase(
      makeDraft(),
      (c) =>
        withRows({
          notices: notices.map(([key, recipient]) =>
            makeNotice(c, { ...tagged(key), recipient, createdAt: now }),
          ),
        })(c),
      { sendAtOnce: { now, owner: 'r1', leaseMs: 30_000, paceMs } },
    );
    return created.sending;
  }

  it('deliverNow(sending) sends the notices claimed at once first, then a pass takes the rest in order', async () => {
    const store = createMemoryStore();
    await seed(store, [['x0', X]]);
    // a0's destination is free; a1 waits behind x0, written earlier to the same conversation.
    const sending = await openClaimingAtOnce(
      store,
      [
        ['a0', Y],
        ['a1', X],
      ],
      150,
    );
    expect(sending.map(tagOf)).toEqual(['a0']);
    const sink = recordingSink(() => ({ status: 'sent' }));
    await start(store, sink, 150).deliverNow(sending);
    expect(sink.sends).toEqual([
      ['a0', 0],
      ['x0', 0],
    ]);
    await vi.advanceTimersByTimeAsync(150);
    expect(sink.sends.at(-1)).toEqual(['a1', 150]);
    const outbox = await store.inspect.listOutbox({});
    expect(outbox.map((n) => [tagOf(n), n.status])).toEqual([
      ['x0', 'sent'],
      ['a0', 'sent'],
      ['a1', 'sent'],
    ]);
  });

  it('a notice claimed at once paces its destination from its answer too', async () => {
    const store = createMemoryStore();
    // a0 claimed at once (to X) takes 100 ms; a1, written with it to X, waits a pace after a0's
    // answer (100 + 150 ms), not after its claim (150 ms).
    const sending = await openClaimingAtOnce(
      store,
      [
        ['a0', X],
        ['a1', X],
      ],
      150,
    );
    expect(sending.map(tagOf)).toEqual(['a0']);
    const sink = recordingSink(async (n) => {
      if (tagOf(n) === 'a0') await new Promise((resolve) => setTimeout(resolve, 100));
      return { status: 'sent' };
    });
    void start(store, sink, 150).deliverNow(sending);
    await vi.advanceTimersByTimeAsync(249);
    expect(sink.sends).toEqual([['a0', 0]]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.sends).toEqual([
      ['a0', 0],
      ['a1', 250],
    ]);
  });

  it('stop() waits for notices claimed at once, and delivers them even when asked while stopping', async () => {
    const store = createMemoryStore();
    const sink = recordingSink(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { status: 'sent' };
    });
    const running = start(store, sink, 0);
    const first = await openClaimingAtOnce(store, [['a0', X]], 0);
    void running.deliverNow(first);
    await vi.advanceTimersByTimeAsync(10);
    const stopped = running.stop();
    jobs = undefined;
    const late = await openClaimingAtOnce(store, [['b0', Y]], 0);
    void running.deliverNow(late);
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(195);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    await stopped;
    expect(sink.sends.map(([key]) => key)).toEqual(['a0', 'b0']);
    expect((await store.inspect.listOutbox({})).map((n) => [tagOf(n), n.status])).toEqual([
      ['a0', 'sent'],
      ['b0', 'sent'],
    ]);
  });
});
