// The retention pass as the jobs schedule it: once within the first ten minutes after start, then
// once a day, never twice at once, and not after stop. On fake timers, so the instants are exact.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { scheduleJobs } from '../../src/jobs/schedule-jobs.ts';
import { memoryLogger } from '../../src/log.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { deskConfig } from '../support/desk-fixture.ts';
import { SequentialIds } from '../support/fake-clock.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('the daily retention pass', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-23T08:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs within ten minutes of start, then once a day, and stops with the jobs', async () => {
    const store = createMemoryStore();
    const clock = { now: () => new Date() };
    const logger = memoryLogger();
    const desk = createDesk({ store, clock, ids: new SequentialIds(), config: deskConfig() });
    const sweep = { everySeconds: 3600, leaseSeconds: 30, batch: 100 };
    // An hourly outbox that sends nothing: three simulated days stay quick.
    const outbox = { pass: async () => {}, tickMs: 60 * MINUTE };
    const runs: number[] = [];
    const start = Date.now();
    const jobs = scheduleJobs({
      desk,
      store,
      outbox,
      clock,
      logger,
      owner: 'r1',
      sweep,
      retention: async () => {
        runs.push(Date.now() - start);
      },
    });
    try {
      await vi.advanceTimersByTimeAsync(10 * MINUTE);
      expect(runs).toHaveLength(1);
      const first = runs[0]!;
      await vi.advanceTimersByTimeAsync(first + DAY - 1 - 10 * MINUTE);
      expect(runs).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(2 * DAY);
      expect(runs.map((t) => t - first)).toEqual([0, DAY, 2 * DAY]);
    } finally {
      await jobs.stop();
    }
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(runs).toHaveLength(3);
  });
});
