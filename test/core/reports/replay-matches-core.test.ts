// The windows the reports rebuild from the trail (window-records.ts) are the windows the core
// really had: random command sequences by every role (the ladder's property model) on the
// in-memory store, and after every commit the replayed running window and finished state are
// compared with the stored case. PROPERTY_RUNS and PROPERTY_SEED override the run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseChange } from '../../../src/core/ports.ts';
import { caseWindows, lifecycleAt, readCase } from '../../../src/core/reports/index.ts';
import { createMemoryStore } from '../../../src/store/memory-store.ts';
import type { InspectableStore } from '../../../src/store/store.ts';
import { runSteps, setupArb, type Step, stepsArb } from '../../support/ladder-model.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const seed = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

/** The in-memory store, checking the replay of a case after each of its commits. */
function checkedStore(): InspectableStore {
  const inner = createMemoryStore();
  const check = async (caseId: string) => {
    const c = await inner.cases.getCase(caseId);
    if (!c) throw new Error(`case ${caseId} disappeared`);
    const events = await inner.inspect.listEvents(caseId);
    const history = readCase({ case: c, events });
    const last = caseWindows(history).at(-1);
    const running = last && last.end === null ? last : null;
    const trail = events.map((e) => e.type).join(', ');
    expect(
      { kind: running?.kind, holder: running?.holder, paused: running?.paused },
      `case #${c.number} (${c.status}) after ${trail}`,
    ).toEqual({
      kind: c.window?.kind,
      holder: c.window?.holder,
      paused: c.window ? c.window.paused !== null : undefined,
    });
    expect(lifecycleAt(history, c.updatedAt)?.finished ?? false).toBe(
      c.status === 'resolved' || c.status === 'closed',
    );
  };
  const commit = async (change: CaseChange) => {
    await inner.cases.commit(change);
    await check(change.case.id);
  };
  return { ...inner, cases: { ...inner.cases, commit } };
}

describe('windows rebuilt from the trail match the core', () => {
  it(`after every commit of ${RUNS} random sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(setupArb, stepsArb(5, 40), async (setup, steps) => {
        await runSteps(checkedStore(), setup, steps);
      }),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }) },
    );
  }, 120_000);

  // Named regression (seed 344705693): a colleague asked about a case held by the front line took
  // it, and the replay kept the triage queue as the first response's holder. colleague_took now
  // moves the running window to the colleague, as the core does.
  it('a colleague taking the case holds its running window', async () => {
    const cmd = (c: Extract<Step, { t: 'cmd' }>['cmd'], by: 'fit' | 'rasa' = 'fit'): Step => ({
      t: 'cmd',
      cmd: c,
      on: 0,
      by,
      arg: 'good',
      arg2: 'good',
    });
    const { cases } = await runSteps(checkedStore(), { policy: 'always' }, [
      { t: 'open', who: 'egle', text: 'good', topic: 'good', priority: 'low' },
      cmd('addDetails', 'rasa'),
      cmd('addDetails'),
      cmd('askColleague'),
      cmd('addDetails'),
      cmd('takeFromColleague'),
    ]);
    expect(cases).toHaveLength(1);
  });
});
