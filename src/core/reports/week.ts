// "This week": the last 7 days ending now (rolling, not the calendar week), and the figures a
// supervisor's "This week" block shows, read from a Report of that period. Pure: `now` is given.
import type { Report } from './build-report.ts';
import { readCase } from './case-history.ts';
import { csatReport, type Score } from './csat.ts';
import { deflectionReport } from './deflection.ts';
import { type CaseTrail, inPeriod, type ReportPeriod } from './input.ts';
import { type RecoveryReport, recoveryReport } from './recoveries.ts';
import { caseTimes } from './response-times.ts';
import { average, durationStats } from './stats.ts';
import { volumeReport } from './volume.ts';
import { keptPercent, tally, windowsEndedIn } from './window-report.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** This week, `[now − 7 days, now)`, and the week before it, `[now − 14 days, now − 7 days)`. */
export function rollingWeeks(now: Date): { current: ReportPeriod; previous: ReportPeriod } {
  const to = now.getTime();
  return {
    current: { from: new Date(to - WEEK_MS), to: new Date(to) },
    previous: { from: new Date(to - 2 * WEEK_MS), to: new Date(to - WEEK_MS) },
  };
}

export interface WeekSummary {
  period: ReportPeriod;
  team: string | null;
  /** Promise windows of every kind that ended kept or missed this week; percent null when none did. */
  promises: { kept: number; missed: number; percent: number | null };
  /**
   * Opened → first staff response, on each case's policy clock (open hours of its calendar for a
   * business-hours policy), for the cases first answered this week. Milliseconds; null without any.
   */
  firstResponse: { count: number; p50Ms: number | null; p90Ms: number | null };
  /** Cases rated this week: mean score (1 to 5, null without ratings) and how many. */
  csat: { average: number | null; count: number };
  opened: number;
  /** Distinct cases resolved or closed this week. */
  resolved: number;
  /** Current state, not this week's: active cases whose risk band is above low (read by the caller). */
  atRisk: number;
  /** Of the cases finished this week, those an answer bank suggestion settled (deflection.ts). */
  deflected: number;
  /** Level 4 recoveries opened this week, and sent this week on time (kept) or late. */
  recoveries: { opened: number; kept: number; late: number };
}

export function weekSummary(report: Report, atRisk: number): WeekSummary {
  const { kept, missed } = report.windows.all.all;
  const first = report.responseTimes.firstResponse.policyClock;
  return {
    period: report.period,
    team: report.team,
    promises: { kept, missed, percent: report.keptPercent },
    firstResponse: { count: first.count, p50Ms: first.p50Ms, p90Ms: first.p90Ms },
    csat: { average: report.csat.average, count: report.csat.count },
    opened: report.volume.opened,
    resolved: report.volume.finished,
    atRisk,
    deflected: report.deflection.byCustomer + report.deflection.byStaff,
    recoveries: { ...report.recoveries },
  };
}

/**
 * "This week" read a page of trails at a time (a team with many cases need not hold them all):
 * start a tally, add each page, then `weekSummaryOf`. Every figure is a count or a list of
 * per-case values, so the pages may split the cases anyhow and the summary is the one
 * `weekSummary(buildReport(...))` gives for all of them at once (a test checks it).
 */
export interface WeekTally {
  period: ReportPeriod;
  team: string | null;
  kept: number;
  missed: number;
  /** Each case first answered in the period: opened → first response, on its policy clock. */
  firstResponsePolicyMs: number[];
  /** Each case rated in the period: its latest score there. */
  scores: Score[];
  opened: number;
  finished: number;
  deflected: number;
  recoveries: RecoveryReport;
}

export function startWeekTally(period: ReportPeriod, team: string | null): WeekTally {
  return {
    period,
    team,
    kept: 0,
    missed: 0,
    firstResponsePolicyMs: [],
    scores: [],
    opened: 0,
    finished: 0,
    deflected: 0,
    recoveries: { opened: 0, kept: 0, late: 0 },
  };
}

/** Adds one page of trails (cases of other teams are left out, as buildReport does). */
export function addToWeekTally(week: WeekTally, trails: readonly CaseTrail[]): void {
  const { period } = week;
  const histories = trails
    .filter((trail) => week.team === null || trail.case.team === week.team)
    .map(readCase);
  const windows = tally(windowsEndedIn(histories, period)).all;
  week.kept += windows.kept;
  week.missed += windows.missed;
  for (const times of histories.map(caseTimes)) {
    const first = times.firstResponse;
    if (first && inPeriod(period, first.at)) week.firstResponsePolicyMs.push(first.policyMs);
  }
  const csat = csatReport(histories, period).distribution;
  for (const score of [1, 2, 3, 4, 5] as const) {
    for (let n = 0; n < csat[score]; n++) week.scores.push(score);
  }
  const volume = volumeReport(histories, period);
  week.opened += volume.opened;
  week.finished += volume.finished;
  const deflection = deflectionReport(histories, period);
  week.deflected += deflection.byCustomer + deflection.byStaff;
  const recoveries = recoveryReport(histories, period);
  week.recoveries.opened += recoveries.opened;
  week.recoveries.kept += recoveries.kept;
  week.recoveries.late += recoveries.late;
}

export function weekSummaryOf(week: WeekTally, atRisk: number): WeekSummary {
  const first = durationStats(week.firstResponsePolicyMs);
  return {
    period: week.period,
    team: week.team,
    promises: { kept: week.kept, missed: week.missed, percent: keptPercent(week.kept, week.missed) },
    firstResponse: { count: first.count, p50Ms: first.p50Ms, p90Ms: first.p90Ms },
    csat: { average: average(week.scores), count: week.scores.length },
    opened: week.opened,
    resolved: week.finished,
    atRisk,
    deflected: week.deflected,
    recoveries: { ...week.recoveries },
  };
}

// ---------------------------------------------------------------------------------------------
// The weekly digest's week

const DIGEST_WEEKDAY = 1; // Monday (ISO)
const DIGEST_HOUR = 9;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date, ISO weekday (1 = Monday) and hour of `at` in `timeZone`. */
function localParts(
  at: Date,
  timeZone: string,
): { y: number; m: number; d: number; weekday: number; hour: number } {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const y = Number(parts.year);
  const m = Number(parts.month);
  const d = Number(parts.day);
  const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return { y, m, d, weekday, hour: Number(parts.hour) };
}

/** The ISO week of a calendar date, e.g. `2026-W48`. */
export function isoWeekOf(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  // The week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / WEEK_MS);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The ISO week whose digest is due at `now` in `timeZone` (a team calendar's zone): from Monday
 * 09:00 local to the end of that week, else null (Monday before 09:00: last week's time has passed,
 * this week's has not come). A digest missed all week is not sent late the next week.
 */
export function digestWeekDue(now: Date, timeZone: string): string | null {
  const local = localParts(now, timeZone);
  if (local.weekday === DIGEST_WEEKDAY && local.hour < DIGEST_HOUR) return null;
  return isoWeekOf(local.y, local.m, local.d);
}
