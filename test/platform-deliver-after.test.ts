// The desk the adapters are given: every command that wrote notices hands over what it claimed at
// once and asks for an outbox pass (when some were left) once it has committed; reads, commands
// without notices and refused commands do not.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../src/core/desk.ts';
import { deliverAfterCommands } from '../src/platform/deliver-after-commands.ts';
import { createMemoryStore } from '../src/store/memory-store.ts';
import { customer, deskConfig } from './support/desk-fixture.ts';
import { FakeClock } from './support/fake-clock.ts';
import { memoryLogger } from '../src/log.ts';

const opening = {
  workspace: 'w',
  audience: 'internal' as const,
  conversation: 'slack:T1:C1:1',
  customer,
  text: 'The export page times out',
  topic: 'billing',
};

describe('deliverAfterCommands', () => {
  it('asks for a pass after each command that wrote notices, after it committed', async () => {
    const store = createMemoryStore();
    let n = 0;
    const desk = createDesk({
      cases: store.cases,
      timers: store.timers,
      clock: new FakeClock('2026-11-23T08:00:00Z'),
      ids: { next: () => `id-${++n}` },
      config: deskConfig(),
    });
    const asked: number[] = [];
    const delivering = deliverAfterCommands(
      desk,
      async (sending, pass) => {
        expect([sending, pass]).toEqual([[], true]);
        asked.push((await store.inspect.listOutbox({ statuses: ['pending'] })).length);
      },
      memoryLogger(),
    );
    const opened = await delivering.openCase(opening);
    await delivering.getCase(opened.case.id);
    await expect(delivering.getCase('nope')).resolves.toBeNull();
    await expect(
      delivering.addDetails({ caseId: 'nope', actor: { id: customer.id }, text: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await new Promise((resolve) => setImmediate(resolve));
    // One pass, asked when the acknowledgement and the triage card were already stored.
    expect(asked).toEqual([opened.notices.length]);
    expect(opened.notices.length).toBeGreaterThan(0);
  });

  it('hands over the notices a new case claimed at once, and asks for a pass only when some were left', async () => {
    const store = createMemoryStore();
    let n = 0;
    const pacedDesk = () =>
      createDesk({
        cases: store.cases,
        timers: store.timers,
        clock: new FakeClock('2026-11-23T08:00:00Z'),
        ids: { next: () => `id-${++n}` },
        config: deskConfig(),
        sendAtOnce: { owner: 'r1', leaseMs: 30_000, paceMs: 1_000 },
      });
    const asked: [string[], boolean][] = [];
    const open = () =>
      deliverAfterCommands(
        pacedDesk(),
        async (sending, pass) => {
          asked.push([sending.map((x) => x.recipient.kind), pass]);
        },
        memoryLogger(),
      ).openCase(opening);
    const first = await open();
    await new Promise((resolve) => setImmediate(resolve));
    // Every notice claimed (each to a destination of its own): nothing left for a pass.
    expect(asked).toEqual([[first.notices.map((x) => x.recipient.kind), false]]);
    expect(first.sending.map((x) => x.id)).toEqual(first.notices.map((x) => x.id));
    // The same destinations, still within their pace: everything waits for a pass.
    asked.length = 0;
    const second = await open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(second.sending).toEqual([]);
    expect(asked).toEqual([[[], true]]);
  });
});
