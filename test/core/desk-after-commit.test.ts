// The desk's afterCommit hook: called with the result of each command that wrote notices, once it
// has committed; never for reads, refused commands, commands that wrote no notice, or the sweep.
import { describe, expect, it } from 'vitest';
import { type CommandResult, createDesk } from '../../src/core/desk.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { customer, deskConfig, opening } from '../support/desk-fixture.ts';
import { FakeClock, SequentialIds } from '../support/fake-clock.ts';

describe('the desk’s afterCommit hook', () => {
  it('hands over each command that wrote notices, after it committed', async () => {
    const store = createMemoryStore();
    const handed: { keys: string[]; stored: number }[] = [];
    const results: CommandResult[] = [];
    const desk = createDesk({
      store,
      clock: new FakeClock('2026-11-23T08:00:00Z'),
      ids: new SequentialIds(),
      config: deskConfig(),
      afterCommit: (result) => {
        results.push(result);
        // Synchronously, from the stored state: what it hands over is already written.
        void store.inspect
          .listOutbox({ caseId: result.case.id })
          .then((stored) => handed.push({ keys: result.notices.map((n) => n.key), stored: stored.length }));
      },
    });
    const opened = await desk.openCase(opening);
    await desk.getCase(opened.case.id);
    await expect(desk.getCase('nope')).resolves.toBeNull();
    await expect(
      desk.addDetails({ caseId: 'nope', actor: { id: customer.id }, text: 'x' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await desk.sweep({ owner: 'test' }); // nothing due yet: writes nothing
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened.notices.length).toBeGreaterThan(0);
    expect(results).toEqual([opened]);
    // When it was handed over, the acknowledgement and the triage card were already stored.
    expect(handed).toEqual([{ keys: opened.notices.map((n) => n.key), stored: opened.notices.length }]);
  });
});
