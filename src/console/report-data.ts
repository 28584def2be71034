// The reports page's numbers: buildReport over the last 7 or 30 days (all teams, then each team),
// and the two charts' series: queue length over time, and the share of promises kept per day in
// the reader's zone. Read once per request through ReportReads.
import { DateTime } from 'luxon';
import { buildReport, readCase, type Report, windowsEndedIn } from '../core/index.ts';
import type { Case, CaseEvent } from '../core/model.ts';
import type { ReportReads } from '../core/ports.ts';

export const PERIODS = [7, 30] as const;
export type PeriodDays = (typeof PERIODS)[number];
/** The most cases a report reads (the newest); beyond it the numbers cover only those. */
export const TRAIL_LIMIT = 20_000;
const HOUR_MS = 3_600_000;

export const periodDays = (value: string | undefined): PeriodDays => (value === '30' ? 30 : 7);

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** What the page's script draws with uPlot: x in Unix seconds, one series per line. */
export interface Chart {
  title: string;
  x: number[];
  series: ChartSeries[];
  timeZone: string;
  /** The legend's name for the time axis. */
  xLabel?: string;
  yMax?: number;
  yLabel?: string;
  points?: boolean;
}

export interface ConsoleReport {
  days: PeriodDays;
  from: Date;
  to: Date;
  /** Every team together (or the one team asked for). */
  overall: Report;
  teams: { team: string; report: Report }[];
  trails: { case: Case; events: CaseEvent[] }[];
  /** Cases read hit TRAIL_LIMIT: older ones are left out. */
  truncated: boolean;
}

/** The period's cases with their trails: the last `days` days up to `now`. */
export async function readTrails(
  reads: ReportReads,
  options: { days: PeriodDays; now: Date; team?: string },
): Promise<{ from: Date; to: Date; trails: { case: Case; events: CaseEvent[] }[] }> {
  const to = options.now;
  const from = new Date(to.getTime() - options.days * 24 * HOUR_MS);
  const trails = await reads.trails({
    from,
    to,
    limit: TRAIL_LIMIT,
    ...(options.team ? { team: options.team } : {}),
  });
  return { from, to, trails };
}

export async function loadReport(
  reads: ReportReads,
  options: { days: PeriodDays; now: Date; teams: readonly string[]; team?: string },
): Promise<ConsoleReport> {
  const { from, to, trails } = await readTrails(reads, options);
  const period = { from, to };
  // Hourly over a week; every four hours over a month keeps the chart (and the work) small.
  const queueEveryMs = options.days === 7 ? HOUR_MS : 4 * HOUR_MS;
  const scopes = options.team ? [options.team] : options.teams;
  return {
    days: options.days,
    from,
    to,
    overall: buildReport({
      cases: trails,
      period,
      queueEveryMs,
      ...(options.team ? { team: options.team } : {}),
    }),
    teams: scopes.map((team) => ({
      team,
      report: buildReport({ cases: trails, period, queueEveryMs, team }),
    })),
    trails,
    truncated: trails.length >= TRAIL_LIMIT,
  };
}

const seconds = (at: Date): number => Math.floor(at.getTime() / 1000);

/** Queue length (cases waiting for a first response) over time, one line per team. */
export function queueChart(
  report: ConsoleReport,
  title: string,
  teamLabel: (team: string) => string,
  timeZone: string,
): Chart {
  const first = report.teams[0]?.report.queue ?? report.overall.queue;
  return {
    title,
    x: first.map((s) => seconds(s.at)),
    series: report.teams.map(({ team, report: r }) => ({
      label: teamLabel(team),
      values: r.queue.map((s) => s.waiting),
    })),
    timeZone,
  };
}

/** The days of the period in `timeZone`, each as its start instant. */
function daysOf(from: Date, to: Date, timeZone: string): DateTime[] {
  const days: DateTime[] = [];
  let day = DateTime.fromJSDate(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromJSDate(to, { zone: timeZone });
  while (day < end && days.length < 400) {
    days.push(day);
    day = day.plus({ days: 1 });
  }
  return days;
}

/** Kept % per day (kept / (kept + missed) of the windows that ended that day), all teams and each. */
export function keptChart(
  report: ConsoleReport,
  title: string,
  allLabel: string,
  teamLabel: (team: string) => string,
  timeZone: string,
): Chart {
  const period = { from: report.from, to: report.to };
  const windows = windowsEndedIn(report.trails.map(readCase), period);
  const days = daysOf(report.from, report.to, timeZone);
  const keyOf = (at: Date) => DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? '';
  const perDay = (team: string | null): (number | null)[] => {
    const tally = new Map<string, { kept: number; missed: number }>();
    for (const w of windows) {
      if (!w.end || (team !== null && w.team !== team)) continue;
      const key = keyOf(w.end.at);
      const t = tally.get(key) ?? { kept: 0, missed: 0 };
      if (w.end.outcome === 'kept') t.kept += 1;
      if (w.end.outcome === 'missed') t.missed += 1;
      tally.set(key, t);
    }
    return days.map((d) => {
      const t = tally.get(d.toISODate() ?? '');
      return t && t.kept + t.missed > 0 ? Math.round((1000 * t.kept) / (t.kept + t.missed)) / 10 : null;
    });
  };
  const scoped = report.teams.length === 1 ? [] : [{ label: allLabel, values: perDay(null) }];
  return {
    title,
    x: days.map((d) => Math.floor(d.toSeconds())),
    series: [
      ...scoped,
      ...report.teams.map(({ team }) => ({ label: teamLabel(team), values: perDay(team) })),
    ],
    timeZone,
    yMax: 100,
    yLabel: '%',
    points: true,
  };
}
