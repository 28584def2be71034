// "This week" read a page at a time (WeekTally) is the summary of all the cases at once: the
// hand-written week split into pages of every size, and random command sequences by every role
// (the ladder's property model) read from the store in pages of cases changed in the period
// against every case read at once. PROPERTY_RUNS and PROPERTY_SEED override the run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToWeekTally,
  buildReport,
  type CaseTrail,
  type ReportPeriod,
  rollingWeeks,
  startWeekTally,
  weekSummary,
  weekSummaryOf,
} from '../../../src/core/reports/index.ts';
import { createMemoryStore } from '../../../src/store/memory-store.ts';
import type { InspectableStore } from '../../../src/store/store.ts';
import { runSteps, setupArb, stepsArb } from '../../support/ladder-model.ts';
import { NOW, weekCases } from './week-cases.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const seed = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

function inPages(trails: readonly CaseTrail[], size: number, period: ReportPeriod, team: string | null) {
  const week = startWeekTally(period, team);
  for (let i = 0; i < trails.length; i += size) addToWeekTally(week, trails.slice(i, i + size));
  return week;
}

describe('WeekTally', () => {
  it('gives the same summary as the whole report, whatever the page size', () => {
    const period = rollingWeeks(NOW).current;
    const whole = weekSummary(buildReport({ cases: weekCases, period, team: 'it' }), 3);
    expect(whole.promises.kept).toBeGreaterThan(0);
    for (let size = 1; size <= weekCases.length; size++) {
      expect(weekSummaryOf(inPages(weekCases, size, period, 'it'), 3), `pages of ${size}`).toEqual(whole);
    }
  });

  it('leaves out the cases of other teams, as the report does', () => {
    const period = rollingWeeks(NOW).current;
    const other = weekSummaryOf(inPages(weekCases, 2, period, 'nobody'), 0);
    expect(other).toEqual(weekSummary(buildReport({ cases: weekCases, period, team: 'nobody' }), 0));
    expect(other.opened).toBe(0);
  });

  /** Every page of the cases changed in the period, as the "This week" block reads them. */
  async function changedInPages(store: InspectableStore, period: ReportPeriod, size: number) {
    const pages: CaseTrail[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.reports.reportPage({ ...period, after, size });
      pages.push(page);
      const last = page.at(-1);
      if (page.length < size || !last) return pages;
      after = last.case.id;
    }
  }

  it(`matches the whole report over ${RUNS} random sequences, read from the store in pages`, async () => {
    await fc.assert(
      fc.asyncProperty(
        setupArb,
        stepsArb(5, 40),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (setup, steps, size, a, b) => {
          const store = createMemoryStore();
          const { clock } = await runSteps(store, setup, steps);
          // A period somewhere in the run (the clock starts at 2026-11-23 08:00Z).
          const start = new Date('2026-11-23T08:00:00Z').getTime();
          const span = clock.now().getTime() - start + 1;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const period = { from: new Date(start + lo * span), to: new Date(start + hi * span + 1) };
          const all = await store.reports.trails(period);
          const whole = weekSummary(buildReport({ cases: all, period }), 0);
          const pages = await changedInPages(store, period, size);
          const week = startWeekTally(period, null);
          for (const page of pages) addToWeekTally(week, page);
          expect(weekSummaryOf(week, 0)).toEqual(whole);
          // The pages hold each case at most once.
          const ids = pages.flat().map((t) => t.case.id);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }) },
    );
  }, 120_000);
});
