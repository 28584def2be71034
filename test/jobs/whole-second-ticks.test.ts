// The jobs' whole-second ticks (sweep, outbox, auditor): on the clock's multiples of the period,
// as a cron "every n seconds" would run them, a tick skipped while the previous run is still going,
// a period that does not divide a minute rounded down to one that does, and nothing after stop. On
// fake timers, so the instants are exact.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../src/core/desk.ts';
import { emptySweepReport } from '../../src/core/sweep-report.ts';
import { scheduleJobs } from '../../src/jobs/schedule-jobs.ts';
import { memoryLogger } from '../../src/log.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';

/** 1.3 s past a whole minute. */
const START = new Date('2026-11-23T08:00:01.300Z').getTime();

/** Jobs whose outbox passes are recorded (ms after START) and take `passMs` each. */
function jobsWithOutbox(tickMs: number, passMs: number) {
  const passes: number[] = [];
  const desk = { sweep: async () => emptySweepReport() } as unknown as Desk;
  const jobs = scheduleJobs({
    desk,
    store: createMemoryStore(),
    outbox: {
      tickMs,
      pass: async () => {
        passes.push(Date.now() - START);
        await new Promise((resolve) => setTimeout(resolve, passMs));
      },
    },
    clock: { now: () => new Date() },
    logger: memoryLogger(),
    owner: 'r1',
    // An hourly sweep (a timer, not a whole-second tick): only the outbox's ticks are counted.
    sweep: { everySeconds: 3600, leaseSeconds: 30, batch: 100 },
  });
  return { passes, jobs };
}

describe('whole-second ticks', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('run on the multiples of the period and stop with the jobs', async () => {
    const { passes, jobs } = jobsWithOutbox(5_000, 10);
    try {
      await vi.advanceTimersByTimeAsync(20_000);
      // :05, :10, :15, :20 (START is :01.3).
      expect(passes).toEqual([3_700, 8_700, 13_700, 18_700]);
    } finally {
      await jobs.stop();
    }
    await vi.advanceTimersByTimeAsync(20_000);
    expect(passes).toHaveLength(4);
  });

  it('skip a tick while the previous run is still going', async () => {
    const { passes, jobs } = jobsWithOutbox(1_000, 1_500);
    try {
      await vi.advanceTimersByTimeAsync(6_000);
      // :02 runs until :03.5, so :03 is skipped; :04 runs until :05.5, so :05 is skipped; :06.
      expect(passes).toEqual([700, 2_700, 4_700]);
    } finally {
      await jobs.stop();
    }
  });

  it('round a period that does not divide a minute down to one that does', async () => {
    const { passes, jobs } = jobsWithOutbox(7_000, 0);
    try {
      await vi.advanceTimersByTimeAsync(13_000);
      // Every 6 s: :06, :12.
      expect(passes).toEqual([4_700, 10_700]);
    } finally {
      await jobs.stop();
    }
  });
});
