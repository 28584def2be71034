// The weekly digest a team's supervisors receive: what went well first (promises kept, ratings of
// 4 and 5 with their comments), then the promises kept least (by topic, by expert, by kind of
// window), the lowest ratings with their comments, and the topics that grew against the week
// before. Pure: two Reports of consecutive periods in, plain figures out.
import type { CaseWindowKind } from '../model.ts';
import type { Report } from './build-report.ts';
import type { CsatComment } from './csat.ts';
import type { ReportPeriod } from './input.ts';
import type { RecoveryReport } from './recoveries.ts';
import { type PolicySuggestion, policySuggestions, type TopicPolicyNow } from './policy-suggestions.ts';
import type { WindowCounts } from './window-report.ts';

/** A group needs this many windows ended kept or missed before its percentage means something. */
export const MIN_ENDED = 2;
/** Most entries per list of the digest. */
export const DIGEST_LIST = 3;
/** A topic grew when it had at least this many more cases than the week before… */
export const GROWTH_MIN_CASES = 2;
/** …and at least this much more, as a fraction of the week before (a topic new this week grew). */
export const GROWTH_MIN_FRACTION = 0.5;

export type PromiseGroupBy = 'topic' | 'expert' | 'kind';

export interface WeakPromises {
  by: PromiseGroupBy;
  /** A topic id, a person id, or a window kind. */
  key: string;
  kept: number;
  missed: number;
  percent: number;
}

export interface GrownTopic {
  topic: string;
  opened: number;
  openedBefore: number;
}

export interface WeeklyDigest {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  team: string | null;
  wentWell: {
    /** Promise windows kept this week. */
    kept: number;
    /** Ratings of 4 or 5 with a comment: highest first, then oldest first; at most DIGEST_LIST. */
    praise: CsatComment[];
  };
  /** Level 4 recoveries opened this week, and sent this week on time or late. */
  recoveries: RecoveryReport;
  /** Groups with MIN_ENDED or more windows ended and some missed: lowest percentage first. */
  worstKept: WeakPromises[];
  /** Ratings of 1 to 3 with a comment: lowest first, then oldest first; at most DIGEST_LIST. */
  lowestRatings: CsatComment[];
  /** Most growth first, then by topic. */
  grownTopics: GrownTopic[];
  /** The topics whose windows were missed most, with a change to consider (policy-suggestions.ts). */
  policy: PolicySuggestion[];
}

const KIND_ORDER: readonly CaseWindowKind[] = ['first_response', 'callback', 'approval'];
const BY_ORDER: readonly PromiseGroupBy[] = ['kind', 'topic', 'expert'];

function weak(by: PromiseGroupBy, key: string, counts: WindowCounts): WeakPromises[] {
  const { kept, missed, keptPercent } = counts;
  if (kept + missed < MIN_ENDED || missed === 0 || keptPercent === null) return [];
  return [{ by, key, kept, missed, percent: keptPercent }];
}

function worstKept(report: Report): WeakPromises[] {
  const { windows } = report;
  const groups = [
    ...KIND_ORDER.flatMap((kind) => weak('kind', kind, windows.all.byKind[kind])),
    ...windows.byTopic.flatMap((g) => weak('topic', g.key, g.all)),
    // A null holder is the triage queue or the supervisors as a group: the kinds show those.
    ...windows.byHolder.flatMap((g) => (g.key === null ? [] : weak('expert', g.key, g.all))),
  ];
  return groups
    .sort(
      (a, b) =>
        a.percent - b.percent ||
        b.missed - a.missed ||
        BY_ORDER.indexOf(a.by) - BY_ORDER.indexOf(b.by) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .slice(0, DIGEST_LIST);
}

function grownTopics(current: Report, previous: Report): GrownTopic[] {
  const before = new Map(previous.volume.openedByTopic.map((t) => [t.topic, t.count]));
  return current.volume.openedByTopic
    .map((t) => ({ topic: t.topic, opened: t.count, openedBefore: before.get(t.topic) ?? 0 }))
    .filter(
      (t) =>
        t.opened - t.openedBefore >= GROWTH_MIN_CASES &&
        t.opened - t.openedBefore >= GROWTH_MIN_FRACTION * t.openedBefore,
    )
    .sort(
      (a, b) =>
        b.opened - b.openedBefore - (a.opened - a.openedBefore) ||
        (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
    );
}

/**
 * `current` and `previous` are one team's (or every team's) reports of two consecutive periods;
 * `policyNow` what the config promises a topic now (policyNowFrom), shown with each suggestion.
 */
export function weeklyDigest(
  current: Report,
  previous: Report,
  policyNow?: (topic: string) => TopicPolicyNow | null,
): WeeklyDigest {
  const comments = current.csat.comments; // lowest first, then oldest first
  return {
    period: current.period,
    previousPeriod: previous.period,
    team: current.team,
    wentWell: {
      kept: current.windows.all.all.kept,
      praise: comments
        .filter((c) => c.score >= 4)
        .sort((a, b) => b.score - a.score || a.at.getTime() - b.at.getTime())
        .slice(0, DIGEST_LIST),
    },
    recoveries: { ...current.recoveries },
    worstKept: worstKept(current),
    lowestRatings: comments.filter((c) => c.score <= 3).slice(0, DIGEST_LIST),
    grownTopics: grownTopics(current, previous),
    policy: policySuggestions(current, policyNow),
  };
}
