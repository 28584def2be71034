// The outbox dispatcher against the in-memory store and a scripted sink.
import { describe, expect, it } from 'vitest';
import type { ClaimedNotice } from '../../src/core/model.ts';
import { auditOnce } from '../../src/jobs/auditor.ts';
import { backoffMs, type DeliveryResult, dispatchOnce } from '../../src/jobs/outbox.ts';
import { memoryLogger } from '../../src/log.ts';
import { as, harness } from '../support/desk-harness.ts';

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
    const report = await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't' });
    expect(report).toMatchObject({ claimed: 2, sent: 2 });
    expect(await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't' })).toMatchObject({
      claimed: 0,
    });
    expect((await h.store.listOutbox({ caseId })).map((n) => n.status)).toEqual(['sent', 'sent']);
    expect(new Set(sink.delivered).size).toBe(2);
  });

  it('a rate limit is honoured: the notice waits at least as long as asked, then arrives once', async () => {
    const { h, caseId, logger } = await setup();
    const sink = scriptedSink((n, attempt) =>
      n.key === 'customer.ack' && attempt === 1
        ? { status: 'retry', afterMs: 30_000, error: 'ratelimited' }
        : { status: 'sent' },
    );
    await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't' });
    const waiting = (await h.store.listOutbox({ caseId })).find((n) => n.key === 'customer.ack');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ratelimited' });
    expect(waiting?.nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + 30_000);
    h.clock.advance(29_000);
    expect(await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't' })).toMatchObject({
      claimed: 0,
    });
    h.clock.advance(1_000);
    expect(await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't' })).toMatchObject({
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
      await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't', maxAttempts: 4 });
      h.clock.advance(10 * 60_000);
    }
    const parked = await h.store.listOutbox({ caseId, statuses: ['parked'] });
    expect(parked.map((n) => n.key)).toEqual(['triage.new_case']);
    expect(parked[0]?.lastError).toBe('channel_not_found');
    expect(logger.lines.some((l) => l.startsWith('error outbox.parked'))).toBe(true);
  });

  it('a send whose outcome is unknown is marked ambiguous, never blindly resent', async () => {
    const { h, caseId, logger } = await setup();
    const sink = scriptedSink((n) => (n.key === 'customer.ack' ? 'throw' : { status: 'sent' }));
    expect(await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't' })).toMatchObject({
      ambiguous: 1,
      sent: 1,
    });
    h.clock.advance(3_600_000);
    await dispatchOnce({ store: h.store, clock: h.clock, sink, logger, owner: 't' });
    const ack = (await h.store.listOutbox({ caseId })).find((n) => n.key === 'customer.ack');
    expect(ack?.status).toBe('ambiguous');
    expect([...sink.attempts.values()].reduce((a, b) => a + b)).toBe(2);
  });

  it('backoff doubles from one second, caps at five minutes, and never undercuts the platform', () => {
    expect([0, 1, 2, 3, 20].map((a) => backoffMs(a))).toEqual([1_000, 2_000, 4_000, 8_000, 300_000]);
    expect(backoffMs(0, 45_000)).toBe(45_000);
  });
});

describe('auditor', () => {
  it('alarms on timers overdue by more than two sweep intervals, and only then', async () => {
    const h = harness();
    const caseId = await h.open();
    await h.desk.escalate({ caseId, actor: as('rasa') });
    const logger = memoryLogger();
    const audit = () => auditOnce({ store: h.store, clock: h.clock, logger, sweepEveryMs: 5_000 });
    h.clock.advance(180 * 60_000 + 9_000); // the nudge is 9 s overdue: within two sweeps
    expect(await audit()).toEqual({ overdue: 0 });
    h.clock.advance(2_000);
    expect(await audit()).toEqual({ overdue: 1 });
    expect(logger.lines.filter((l) => l.startsWith('error auditor.overdue_timers'))).toHaveLength(1);
    await h.desk.sweep();
    expect(await audit()).toEqual({ overdue: 0 });
  });
});
