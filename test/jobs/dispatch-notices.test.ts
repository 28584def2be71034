// The outbox dispatcher against the in-memory store and a scripted sink.
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { ClaimedNotice, Recipient } from '../../src/core/model.ts';
import type { DeliveryResult } from '../../src/core/ports.ts';
import {
  backoffMs,
  createSender,
  dispatchOnce,
  emptyReport,
  NOTICE_PACE_MS,
} from '../../src/jobs/dispatch-notices.ts';
import { memoryLogger } from '../../src/log.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { makeNotice, seedCase } from '../support/case-factory.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { harness } from '../support/desk-harness.ts';

/** A sink that answers from a script per notice key, recording every attempt. */
function scriptedSink(answer: (n: ClaimedNotice, attempt: number) => DeliveryResult | 'throw') {
  const attempts = new Map<string, number>();
  const delivered: string[] = [];
  return {
    delivered,
    attempts,
    async deliver(n: ClaimedNotice): Promise<DeliveryResult> {
      const k = (attempts.get(n.id) ?? 0) + 1;
      attempts.set(n.id, k);
      const result = answer(n, k);
      if (result === 'throw') throw new Error('socket hang up');
      if (result.status === 'sent') delivered.push(n.dedupeKey);
      return result;
    },
  };
}

async function setup() {
  const h = harness();
  const caseId = await h.open(); // writes customer.ack + triage.new_case
  const logger = memoryLogger();
  return { h, caseId, logger };
}

describe('outbox dispatcher', () => {
  it('delivers every pending notice once and marks it sent', async () => {
    const { h, caseId, logger } = await setup();
    const sink = scriptedSink(() => ({ status: 'sent' }));
    const report = await dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't' });
    expect(report).toMatchObject({ claimed: 2, sent: 2 });
    expect(
      await dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't' }),
    ).toMatchObject({
      claimed: 0,
    });
    expect((await h.store.inspect.listOutbox({ caseId })).map((n) => n.status)).toEqual(['sent', 'sent']);
    expect(new Set(sink.delivered).size).toBe(2);
  });

  it('a rate limit is honoured: the notice waits at least as long as asked, then arrives once', async () => {
    const { h, caseId, logger } = await setup();
    const sink = scriptedSink((n, attempt) =>
      n.key === 'customer.ack' && attempt === 1
        ? { status: 'retry', afterMs: 30_000, error: 'ratelimited' }
        : { status: 'sent' },
    );
    await dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't' });
    const waiting = (await h.store.inspect.listOutbox({ caseId })).find((n) => n.key === 'customer.ack');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ratelimited' });
    expect(waiting?.nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + 30_000);
    h.clock.advance(29_000);
    expect(
      await dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't' }),
    ).toMatchObject({
      claimed: 0,
    });
    h.clock.advance(1_000);
    expect(
      await dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't' }),
    ).toMatchObject({
      sent: 1,
    });
    expect(sink.delivered.filter((k) => k.endsWith(':0'))).toHaveLength(1);
  });

  it('a notice that keeps failing is parked, visibly, after the set attempts', async () => {
    const { h, caseId, logger } = await setup();
    const sink = scriptedSink((n) =>
      n.key === 'triage.new_case'
        ? { status: 'retry', afterMs: 0, error: 'channel_not_found' }
        : { status: 'sent' },
    );
    for (let i = 0; i < 6; i++) {
      await dispatchOnce({
        notices: h.store.notices,
        clock: h.clock,
        sink,
        logger,
        owner: 't',
        maxAttempts: 4,
      });
      h.clock.advance(10 * 60_000);
    }
    const parked = await h.store.inspect.listOutbox({ caseId, statuses: ['parked'] });
    expect(parked.map((n) => n.key)).toEqual(['triage.new_case']);
    expect(parked[0]?.lastError).toBe('channel_not_found');
    expect(logger.lines.some((l) => l.startsWith('error outbox.parked'))).toBe(true);
  });

  it('a send whose outcome is unknown is marked ambiguous, never blindly resent', async () => {
    const { h, caseId, logger } = await setup();
    const sink = scriptedSink((n) => (n.key === 'customer.ack' ? 'throw' : { status: 'sent' }));
    expect(
      await dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't' }),
    ).toMatchObject({
      ambiguous: 1,
      sent: 1,
    });
    h.clock.advance(3_600_000);
    await dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't' });
    const ack = (await h.store.inspect.listOutbox({ caseId })).find((n) => n.key === 'customer.ack');
    expect(ack?.status).toBe('ambiguous');
    expect([...sink.attempts.values()].reduce((a, b) => a + b)).toBe(2);
  });

  it('a rate limit is retried exactly when the platform says, however often, and never parks', async () => {
    const { h, caseId, logger } = await setup();
    // The platform answers "wait 1 s" ten times, then takes it; parking would come after 3 attempts.
    const sink = scriptedSink((n, attempt) =>
      n.key === 'customer.ack' && attempt <= 10
        ? { status: 'retry', afterMs: 1_000, error: 'ratelimited', rateLimited: true }
        : { status: 'sent' },
    );
    const run = () =>
      dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't', maxAttempts: 3 });
    const ack = async () =>
      (await h.store.inspect.listOutbox({ caseId })).find((n) => n.key === 'customer.ack');
    for (let i = 0; i < 10; i++) {
      expect(await run()).toMatchObject({ retried: 1, parked: 0 });
      // No growth: always exactly what the platform asked, and no attempt counted toward parking.
      expect(await ack()).toMatchObject({
        status: 'pending',
        attempts: 0,
        lastError: 'ratelimited',
        nextAttemptAt: new Date(h.clock.now().getTime() + 1_000),
      });
      h.clock.advance(1_000);
    }
    expect(await run()).toMatchObject({ sent: 1 });
    expect(await ack()).toMatchObject({ status: 'sent', attempts: 0 });
    expect(logger.lines.filter((l) => l.startsWith('error outbox.parked'))).toEqual([]);
  });

  it('other transient failures still back off exponentially and count toward parking', async () => {
    const { h, caseId, logger } = await setup();
    // A rate limit first (not counted), then a failure with no time named, three times.
    const sink = scriptedSink((n, attempt) =>
      n.key !== 'customer.ack'
        ? { status: 'sent' }
        : attempt === 1
          ? { status: 'retry', afterMs: 2_000, error: 'ratelimited', rateLimited: true }
          : { status: 'retry', afterMs: 0, error: 'service_unavailable' },
    );
    const run = () =>
      dispatchOnce({ notices: h.store.notices, clock: h.clock, sink, logger, owner: 't', maxAttempts: 4 });
    const ack = async () =>
      (await h.store.inspect.listOutbox({ caseId })).find((n) => n.key === 'customer.ack');
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await run();
      const n = await ack();
      if (n?.status !== 'pending') break;
      waits.push(n.nextAttemptAt.getTime() - h.clock.now().getTime());
      h.clock.set(n.nextAttemptAt);
    }
    expect(waits).toEqual([2_000, 1_000, 2_000, 4_000]);
    await run();
    expect(await ack()).toMatchObject({ status: 'parked', attempts: 4, lastError: 'service_unavailable' });
  });

  it('backoff doubles from one second, caps at five minutes, and never undercuts the platform', () => {
    expect([0, 1, 2, 3, 20].map((a) => backoffMs(a))).toEqual([1_000, 2_000, 4_000, 8_000, 300_000]);
    expect(backoffMs(0, 45_000)).toBe(45_000);
  });
});

describe('outbox dispatcher across replicas and shutdown', () => {
  /** Five notices: three to one conversation, two to one person, created a millisecond apart. */
  async function fiveNotices() {
    const store = createMemoryStore();
    const clock = new FakeClock('2026-11-23T08:00:00.123Z');
    await seedCase(store, {}, (c) => ({
      notices: [0, 1, 2, 3, 4].map((i) =>
        makeNotice(c, {
          key: `n${i}`,
          createdAt: new Date(clock.now().getTime() + i),
          recipient:
            i % 2 === 0
              ? { kind: 'customer', customerId: 'u', conversation: 'slack:T1:C1:1' }
              : { kind: 'person', personId: 'tom' },
        }),
      ),
    }));
    clock.advance(1_000);
    return { store, clock, logger: memoryLogger() };
  }

  /** A sink whose sends wait until the test lets them go; records when each began and ended. */
  function heldSink() {
    const log: string[] = [];
    const waiting: (() => void)[] = [];
    let inFlight = 0;
    let most = 0;
    return {
      log,
      get most() {
        return most;
      },
      /** Lets every send in flight finish. */
      releaseAll() {
        for (const go of waiting.splice(0)) go();
      },
      async deliver(n: ClaimedNotice): Promise<DeliveryResult> {
        log.push(`start ${n.key}`);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => waiting.push(resolve));
        inFlight -= 1;
        log.push(`end ${n.key}`);
        return { status: 'sent' };
      },
    };
  }

  /** Lets the sends through until the pass ends (each round releases those in flight). */
  async function drive<T>(pass: Promise<T>, sink: { releaseAll(): void }): Promise<T> {
    let done = false;
    const result = pass.finally(() => {
      done = true;
    });
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      sink.releaseAll();
    }
    return result;
  }

  /** Notices of several cases: each inner list is one case's, keyed and addressed as given. */
  async function casesWith(spec: readonly (readonly (readonly [key: string, to: Recipient])[])[]) {
    const store = createMemoryStore();
    const clock = new FakeClock('2026-11-23T08:00:00.123Z');
    let i = 0;
    for (const notices of spec) {
      await seedCase(store, {}, (c) => ({
        notices: notices.map(([key, recipient]) =>
          makeNotice(c, { key, recipient, createdAt: new Date(clock.now().getTime() + i++) }),
        ),
      }));
    }
    clock.advance(1_000);
    return { store, clock, logger: memoryLogger() };
  }
  const conversation = (n: number): Recipient => ({
    kind: 'customer',
    customerId: `u${n}`,
    conversation: `slack:T1:C${n}:1`,
  });
  const person = (id: string): Recipient => ({ kind: 'person', personId: id });

  /** Case A writes three notices to its conversation, case B two to tom. */
  const twoCases = () => [
    [
      ['a0', conversation(1)],
      ['a1', conversation(1)],
      ['a2', conversation(1)],
    ] as const,
    [
      ['b0', person('tom')],
      ['b1', person('tom')],
    ] as const,
  ];

  it('a pass sends to different destinations of different cases side by side, and to one destination in order', async () => {
    const { store, clock, logger } = await casesWith(twoCases());
    const sink = heldSink();
    const report = await drive(
      dispatchOnce({ notices: store.notices, clock, sink, logger, owner: 'a' }),
      sink,
    );
    expect(report).toMatchObject({ claimed: 5, sent: 5 });
    // Both had a send in flight at once; never more than one each.
    expect(sink.most).toBe(2);
    const order = (keys: string[]) => sink.log.filter((l) => keys.some((k) => l.endsWith(` ${k}`)));
    expect(order(['a0', 'a1', 'a2'])).toEqual([
      'start a0',
      'end a0',
      'start a1',
      'end a1',
      'start a2',
      'end a2',
    ]);
    expect(order(['b0', 'b1'])).toEqual(['start b0', 'end b0', 'start b1', 'end b1']);
    expect((await store.inspect.listOutbox({})).map((n) => n.status)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
  });

  it('one case’s notices go one after another even to different destinations (its card is redrawn in order)', async () => {
    // Case A writes to its conversation and to tom; case B to tom too: a1 waits for a0 (its case),
    // b0 for a1 (tom). c0 shares nothing and goes beside them.
    const { store, clock, logger } = await casesWith([
      [
        ['a0', conversation(1)],
        ['a1', person('tom')],
      ],
      [['b0', person('tom')]],
      [['c0', person('ann')]],
    ]);
    const sink = heldSink();
    await drive(dispatchOnce({ notices: store.notices, clock, sink, logger, owner: 'a' }), sink);
    expect(sink.most).toBe(2);
    expect(sink.log.filter((l) => !l.endsWith('c0'))).toEqual([
      'start a0',
      'end a0',
      'start a1',
      'end a1',
      'start b0',
      'end b0',
    ]);
    expect(sink.log.slice(0, 2).sort()).toEqual(['start a0', 'start c0']);
  });

  it('sends to at most sendLines destinations at once', async () => {
    const { store, clock } = await casesWith(
      Array.from({ length: 7 }, (_, i) => [[`p${i}`, person(`person${i}`)] as const]),
    );
    const sink = heldSink();
    const pass = dispatchOnce({
      notices: store.notices,
      clock,
      sink,
      logger: memoryLogger(),
      owner: 'a',
      sendLines: 3,
    });
    expect(await drive(pass, sink)).toMatchObject({ claimed: 7, sent: 7 });
    expect(sink.most).toBe(3);
  });

  it('notices waiting for their destination to free up share one abort listener; stopping ends every wait', async () => {
    // Twelve destinations, two notices each: after each first send, its second waits for the pace.
    const { store, clock, logger } = await casesWith(
      Array.from({ length: 12 }, (_, i) => [
        [`first${i}`, person(`person${i}`)] as const,
        [`second${i}`, person(`person${i}`)] as const,
      ]),
    );
    const stopping = new AbortController();
    const sent: string[] = [];
    const sender = createSender({
      notices: store.notices,
      clock,
      logger,
      paceMs: NOTICE_PACE_MS,
      signal: stopping.signal,
      sink: {
        deliver: async (n) => {
          sent.push(String(n.key));
          return { status: 'sent' };
        },
      },
    });
    const claimed = await store.notices.claim({
      now: clock.now(),
      limit: 100,
      leaseMs: 30_000,
      owner: 'a',
      paceMs: 0,
    });
    expect(claimed).toHaveLength(24);
    expect(getEventListeners(stopping.signal, 'abort')).toHaveLength(0); // none until one waits
    const report = emptyReport();
    const sending = sender.send(claimed, report);
    await vi.waitFor(() => expect(sent).toHaveLength(12));
    // Twelve waits under way (more than Node's warning threshold of ten listeners), one listener.
    expect(getEventListeners(stopping.signal, 'abort')).toHaveLength(1);
    stopping.abort();
    await sending;
    expect(report).toMatchObject({ sent: 12, released: 12 });
    expect(sent.every((key) => key.startsWith('first'))).toBe(true);
  });

  it('stopping mid-pass: each line gives back what it had not started; nothing is sent twice', async () => {
    const { store, clock, logger } = await casesWith(twoCases());
    const stop = new AbortController();
    const sink = heldSink();
    const pass = dispatchOnce({
      notices: store.notices,
      clock,
      sink,
      logger,
      owner: 'a',
      signal: stop.signal,
    });
    // Shutdown arrives while the first send of each line is in flight.
    while (sink.log.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    stop.abort();
    const first = await drive(pass, sink);
    expect(first).toMatchObject({ claimed: 5, sent: 2, released: 3 });
    const next = scriptedSink(() => ({ status: 'sent' }));
    expect(
      await dispatchOnce({ notices: store.notices, clock, sink: next, logger, owner: 'b' }),
    ).toMatchObject({
      claimed: 3,
      sent: 3,
    });
    expect(next.delivered).toHaveLength(3);
    expect((await store.inspect.listOutbox({})).every((n) => n.status === 'sent')).toBe(true);
  });

  it('sends at most one notice per destination per second, whoever dispatches', async () => {
    const { store, clock, logger } = await fiveNotices();
    const sink = scriptedSink(() => ({ status: 'sent' }));
    const run = (owner: string) =>
      dispatchOnce({ notices: store.notices, clock, sink, logger, owner, paceMs: NOTICE_PACE_MS });
    expect(await run('a')).toMatchObject({ claimed: 2, sent: 2 });
    expect(await run('b')).toMatchObject({ claimed: 0 });
    clock.advance(NOTICE_PACE_MS - 1);
    expect(await run('b')).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await run('b')).toMatchObject({ claimed: 2, sent: 2 });
    clock.advance(NOTICE_PACE_MS);
    expect(await run('c')).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.delivered).toHaveLength(5);
    expect(new Set(sink.delivered).size).toBe(5);
  });

  it('paces each destination from its send and its answer, not from its claim (a pass sending one after another)', async () => {
    const { store, clock, logger } = await fiveNotices();
    // Each send takes 400 ms: the pass claims n0 (conversation) and n1 (tom) at once, but starts
    // n1 400 ms after the claim, and each answer comes 400 ms after its start. The platform times a
    // message somewhere in between, so a destination's next message waits a pace after the answer.
    const P = NOTICE_PACE_MS;
    const sends: [string, number][] = [];
    const sink = {
      async deliver(n: ClaimedNotice): Promise<DeliveryResult> {
        sends.push([n.key, clock.now().getTime()]);
        clock.advance(400);
        return { status: 'sent' };
      },
    };
    const run = (owner: string) =>
      dispatchOnce({
        notices: store.notices,
        clock,
        sink,
        logger,
        owner,
        paceMs: NOTICE_PACE_MS,
        sendLines: 1,
      });
    const start = clock.now().getTime();
    expect(await run('a')).toMatchObject({ claimed: 2, sent: 2 });
    clock.set(new Date(start + P));
    expect(await run('b')).toMatchObject({ claimed: 0 }); // a pace after n0's start: too soon
    clock.set(new Date(start + 400 + P - 1));
    expect(await run('b')).toMatchObject({ claimed: 0 });
    clock.set(new Date(start + 400 + P));
    expect(await run('b')).toMatchObject({ claimed: 1, sent: 1 }); // n2, a pace after n0's answer
    // The clock is now 800 ms + P: a pace after n1's answer, tom's next may go.
    expect(await run('b')).toMatchObject({ claimed: 1, sent: 1 }); // n3, to tom
    expect(sends.map(([key, t]) => [key, t - start])).toEqual([
      ['n0', 0],
      ['n1', 400],
      ['n2', 400 + P],
      ['n3', 800 + P],
    ]);
    // n4, to the conversation: a pace after n2's answer.
    expect(await store.notices.nextDueAt()).toEqual(new Date(start + 800 + 2 * P));
  });

  it('paces a destination from the answer the sink reports, not from when the sink returned', async () => {
    const { store, clock, logger } = await fiveNotices();
    const P = NOTICE_PACE_MS;
    const start = clock.now().getTime();
    // The platform answers 30 ms into each send; the sink returns 500 ms later (its views followed).
    const sink = {
      async deliver(): Promise<DeliveryResult> {
        const answeredAt = new Date(clock.now().getTime() + 30);
        clock.advance(530);
        return { status: 'sent', answeredAt };
      },
    };
    const report = await dispatchOnce({
      notices: store.notices,
      clock,
      sink,
      logger,
      owner: 'a',
      paceMs: P,
      sendLines: 1,
    });
    expect(report).toMatchObject({ claimed: 2, sent: 2 });
    // n0 answered at 30 ms, n1 (started at 530) at 560: the conversation's n2 is due a pace after
    // n0's answer, and each is recorded sent at its answer.
    expect(await store.notices.nextDueAt()).toEqual(new Date(start + 30 + P));
    const sent = (await store.inspect.listOutbox({ statuses: ['sent'] })).map((n) => [
      String(n.key),
      n.sentAt?.getTime(),
    ]);
    expect(sent).toEqual([
      ['n0', start + 30],
      ['n1', start + 560],
    ]);
  });

  it('a dispatcher whose lease was taken over sends nothing more; its started send goes again, noted (one after another)', async () => {
    const { store, clock, logger } = await fiveNotices();
    const delivered: string[] = [];
    let stalled = false;
    // Replica A stalls on its first send past its 30 s lease; replica B meanwhile claims all five:
    // the four A had not started, and the one A had started (sent again: at-least-once, noted as
    // a possible duplicate). A then resumes and must not send anything more.
    const sinkA = {
      async deliver(n: ClaimedNotice): Promise<DeliveryResult> {
        delivered.push(n.key);
        if (!stalled) {
          stalled = true;
          clock.advance(31_000);
          await dispatchOnce({
            notices: store.notices,
            clock,
            sink: sinkB,
            logger,
            owner: 'b',
            leaseMs: 30_000,
            sendLines: 1,
          });
        }
        return { status: 'sent' };
      },
    };
    const sinkB = {
      async deliver(n: ClaimedNotice): Promise<DeliveryResult> {
        delivered.push(n.key);
        return { status: 'sent' };
      },
    };
    const a = await dispatchOnce({
      notices: store.notices,
      clock,
      sink: sinkA,
      logger,
      owner: 'a',
      leaseMs: 30_000,
      sendLines: 1,
    });
    expect(a).toMatchObject({ claimed: 5, sent: 1, leaseLost: 4 });
    expect([...delivered].sort()).toEqual(['n0', 'n0', 'n1', 'n2', 'n3', 'n4']);
    const resent = (await store.inspect.listOutbox({})).find((n) => String(n.key) === 'n0');
    expect(resent).toMatchObject({ attempts: 1, lastError: expect.stringContaining('may arrive twice') });
    expect((await store.inspect.listOutbox({})).map((n) => n.status)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
  });

  it('stopping gives back every notice not yet started; the next dispatch sends them once (one after another)', async () => {
    const { store, clock, logger } = await fiveNotices();
    const stop = new AbortController();
    const sink = scriptedSink(() => {
      stop.abort(); // shutdown arrives during the first send
      return { status: 'sent' };
    });
    const first = await dispatchOnce({
      notices: store.notices,
      clock,
      sink,
      logger,
      owner: 'a',
      signal: stop.signal,
      sendLines: 1,
    });
    expect(first).toMatchObject({ claimed: 5, sent: 1, released: 4 });
    const outbox = await store.inspect.listOutbox({});
    expect(outbox.map((n) => n.status)).toEqual(['sent', 'pending', 'pending', 'pending', 'pending']);
    expect(outbox.every((n) => n.attempts === 0)).toBe(true);
    const next = await dispatchOnce({
      notices: store.notices,
      clock,
      sink: scriptedSink(() => ({ status: 'sent' })),
      logger,
      owner: 'b',
    });
    expect(next).toMatchObject({ claimed: 4, sent: 4 });
    expect(sink.delivered).toHaveLength(1);
  });
});
