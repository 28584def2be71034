// The ladder's rules (src/core/invariants.ts) hold after every step of random command sequences by
// every role, on the in-memory store. PROPERTY_RUNS and PROPERTY_SEED override the run; a failure
// prints the seed, the path and the shrunk steps (paste them into ladder-regressions.test.ts).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { minimize, runSteps, setupArb, stepsArb } from '../support/ladder-model.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
const seed = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

describe('the ladder as a closed state machine (memory store)', () => {
  it(`keeps every promise rule after every step of ${RUNS} random sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(setupArb, stepsArb(5, 40), async (setup, steps) => {
        try {
          await runSteps(createMemoryStore(), setup, steps);
        } catch (e) {
          const shortest = await minimize(createMemoryStore, setup, steps);
          throw new Error(`${(e as Error).message}\nshortest: ${JSON.stringify([setup, shortest])}`);
        }
      }),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }), verbose: 1 },
    );
  }, 180_000);
});
