// A team's week, read once for whoever shows it: Slack's App Home block, `/support report` on
// both platforms, and the weekly digest (src/jobs/weekly-digest.ts). Reads the period's cases with
// their trails (ReportReads) and computes with the core's pure reports; "this week" is the last 7
// days up to `now` (rolling), the previous week the 7 days before.
import {
  ACTIVE_STATUSES,
  buildReport,
  type CaseQuery,
  type Case,
  type DeskConfig,
  type Directory,
  policyNowFrom,
  type ReportReads,
  rollingWeeks,
  startWeekTally,
  addToWeekTally,
  type Team,
  weekSummaryOf,
  type WeekSummary,
  weeklyDigest,
  type WeeklyDigest,
} from '../core/index.ts';

/** Reads cases by query: the desk, or the case repository. */
export interface CaseLists {
  listCases(query: CaseQuery): Promise<Case[]>;
}

/** At-risk cases counted up to this many per team; beyond, the count says "at least". */
export const AT_RISK_CAP = 500;

export interface TeamWeek {
  team: Team;
  summary: WeekSummary;
  /** `summary.atRisk` is a lower bound: the team has more than AT_RISK_CAP at risk. */
  atRiskAtLeast: boolean;
}

export interface TeamDigest {
  team: Team;
  digest: WeeklyDigest;
}

/** The teams `personId` supervises, in the directory's order. */
export const teamsSupervisedBy = (directory: Directory, personId: string | undefined): Team[] =>
  personId === undefined
    ? []
    : Object.values(directory.teams).filter((t) => t.supervisors.includes(personId));

/** Cases (with their trails) read per page for a team's week: what the process holds at once. */
export const WEEK_PAGE = 500;

/**
 * One team's last 7 days, with its cases at risk now. Only the cases changed this week are read
 * (ReportReads.reportPage), WEEK_PAGE at a time in the order of their ids, each page folded into
 * the tally before the next is read: memory stays flat however many cases the team has, and each
 * page is a short read of its own, so on SQLite the writes of new cases go on between the pages.
 */
export async function teamWeek(
  reports: ReportReads,
  cases: CaseLists,
  team: Team,
  now: Date,
): Promise<TeamWeek> {
  const period = rollingWeeks(now).current;
  const atRisk = cases.listCases({
    team: team.id,
    statuses: ACTIVE_STATUSES,
    atRisk: true,
    limit: AT_RISK_CAP + 1,
  });
  const week = startWeekTally(period, team.id);
  let after: string | null = null;
  for (;;) {
    const page = await reports.reportPage({ ...period, team: team.id, after, size: WEEK_PAGE });
    addToWeekTally(week, page);
    const last = page.at(-1);
    if (page.length < WEEK_PAGE || last === undefined) break;
    after = last.case.id;
  }
  const risky = (await atRisk).length;
  return {
    team,
    summary: weekSummaryOf(week, Math.min(risky, AT_RISK_CAP)),
    atRiskAtLeast: risky > AT_RISK_CAP,
  };
}

/**
 * One team's digest: its last 7 days against the 7 days before, read in one query. With `config`,
 * its policy suggestions say what the config promises each topic now.
 */
export async function teamDigest(
  reports: ReportReads,
  team: Team,
  now: Date,
  config?: DeskConfig,
): Promise<TeamDigest> {
  const { current, previous } = rollingWeeks(now);
  const trails = await reports.trails({ from: previous.from, to: current.to, team: team.id });
  return {
    team,
    digest: weeklyDigest(
      buildReport({ cases: trails, period: current, team: team.id }),
      buildReport({ cases: trails, period: previous, team: team.id }),
      config ? policyNowFrom(config) : undefined,
    ),
  };
}
