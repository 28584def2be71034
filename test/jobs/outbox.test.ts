// The outbox as main.ts composes it: the desk hands it each command that wrote notices; it sends
// what the command claimed at once and runs a pass only for what was left; a notice whose platform
// has no sink yet goes back to pending and is sent once a sink is registered.
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { Case, ClaimedNotice } from '../../src/core/model.ts';
import type { ClaimOptions, NoticeQueue } from '../../src/core/ports.ts';
import { createOutbox, type Outbox } from '../../src/jobs/outbox.ts';
import { memoryLogger } from '../../src/log.ts';
import { NO_ADAPTER_RETRY_MS } from '../../src/platform/sink-routes.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { deskConfig, opening } from '../support/desk-fixture.ts';
import { FakeClock, SequentialIds } from '../support/fake-clock.ts';

/** A sink that records what it was handed, with the case it was handed with. */
function recordingSink() {
  const got: { key: string; words: string }[] = [];
  return {
    got,
    deliver: async (n: ClaimedNotice, c: Case) => (
      got.push({ key: n.key, words: c.words }),
      { status: 'sent' as const }
    ),
  };
}

describe('the outbox', () => {
  let outbox: Outbox | undefined;
  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
  });

  /** A store whose outbox passes are counted (each pass claims once). */
  function setUp(paceMs: number) {
    const store = createMemoryStore();
    let passes = 0;
    const notices: NoticeQueue = {
      ...store.notices,
      claim: (options: ClaimOptions) => {
        passes += 1;
        return store.notices.claim(options);
      },
    };
    const clock = new FakeClock('2026-11-23T08:00:00Z');
    const created = createOutbox({
      store: { cases: store.cases, notices },
      clock,
      logger: memoryLogger(),
      owner: 'r1',
      leaseMs: 30_000,
      paceMs,
      tickMs: 0, // no wake-ups: the passes counted are the ones asked for
    });
    outbox = created;
    const desk = createDesk({
      store,
      clock,
      ids: new SequentialIds(),
      config: deskConfig(),
      sendAtOnce: { owner: 'r1', leaseMs: 30_000, paceMs },
      afterCommit: created.afterCommit,
    });
    /** Lets the deliveries the hook started finish. */
    const settled = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    return { store, clock, outbox: created, desk, passes: () => passes, settled };
  }

  it('sends what a new case claimed at once, with its case as written, and runs a pass only when some were left', async () => {
    const { store, outbox, desk, passes, settled } = setUp(1_000);
    const sink = recordingSink();
    outbox.register('slack', sink);
    const first = await desk.openCase(opening);
    await settled();
    // Every notice claimed at once (each to a destination of its own): sent, and no pass.
    expect(first.sending.map((n) => n.id)).toEqual(first.notices.map((n) => n.id));
    expect(sink.got).toEqual(first.notices.map((n) => ({ key: n.key, words: first.case.words })));
    expect((await store.inspect.listOutbox({ caseId: first.case.id })).map((n) => n.status)).toEqual(
      first.notices.map(() => 'sent'),
    );
    expect(passes()).toBe(0);
    // The same destinations, still within their pace: nothing claimed at once; a pass is asked for
    // and leaves them for when their destinations free up.
    const second = await desk.openCase({ ...opening, text: 'Still timing out' });
    await settled();
    expect(second.sending).toEqual([]);
    expect(passes()).toBe(1);
    expect((await store.inspect.listOutbox({ caseId: second.case.id })).map((n) => n.status)).toEqual(
      second.notices.map(() => 'pending'),
    );
  });

  it('sends back to pending what it claimed at once before a sink was registered, and sends it once one is', async () => {
    const { store, clock, outbox, desk, settled } = setUp(0);
    const opened = await desk.openCase(opening);
    await settled();
    expect(opened.sending.length).toBe(opened.notices.length);
    // Nothing held in memory: each is pending again, due when a route is likely to exist.
    const waiting = await store.inspect.listOutbox({ caseId: opened.case.id });
    expect(waiting.map((n) => [n.status, n.lastError])).toEqual(
      opened.notices.map(() => ['pending', 'no slack adapter is running']),
    );
    expect(
      waiting.every((n) => n.nextAttemptAt.getTime() >= clock.now().getTime() + NO_ADAPTER_RETRY_MS),
    ).toBe(true);
    const sink = recordingSink();
    outbox.register('slack', sink);
    clock.advance(NO_ADAPTER_RETRY_MS);
    await outbox.pass();
    expect(sink.got.map((n) => n.key)).toEqual(opened.notices.map((n) => n.key));
    expect((await store.inspect.listOutbox({ caseId: opened.case.id })).map((n) => n.status)).toEqual(
      opened.notices.map(() => 'sent'),
    );
  });
});
