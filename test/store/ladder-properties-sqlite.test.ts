// The ladder's rules after every step of random sequences, on SQLite (a smaller run than the
// in-memory one in test/core/ladder-properties.test.ts): what a round trip through real rows
// could lose or reorder shows here. Each sequence gets a fresh copy of one migrated database.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { InspectableStore } from '../../src/store/store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { runSteps, setupArb, stepsArb } from '../support/ladder-model.ts';

const RUNS = Number(process.env.PROPERTY_SQLITE_RUNS ?? 300);
const seed = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

describe('the ladder as a closed state machine (SQLite store)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ladder-properties-'));
  const template = path.join(dir, 'template.db');
  let copies = 0;
  beforeAll(async () => {
    const store = await openStore({ databaseUrl: `file:${template}` });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh migrated database for one sequence, and a way to remove it. */
  async function fresh(): Promise<{ store: InspectableStore; done: () => Promise<void> }> {
    const file = path.join(dir, `run-${++copies}.db`);
    copyFileSync(template, file);
    const store = await openSqliteStore(`file:${file}`);
    return {
      store,
      done: async () => {
        await store.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }

  it(`keeps every promise rule after every step of ${RUNS} random sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(setupArb, stepsArb(5, 40), async (setup, steps) => {
        const { store, done } = await fresh();
        try {
          await runSteps(store, setup, steps);
        } finally {
          await done();
        }
      }),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }) },
    );
  }, 120_000);
});
