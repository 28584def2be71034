// The words of a team's week, for both platforms: the "This week" block (Slack's App Home and
// `/support report` on each platform) and the weekly digest, as a title and lines of plain text
// with every name, topic and comment escaped for the platform. Each platform only adds its markup
// (bold titles, bullets) and its limits. Figures are in the reader's language.
import {
  type Directory,
  formatDecimal,
  formatDuration,
  formatPercent,
  type Locale,
  type PolicySuggestion,
  renderText,
  type TextKey,
  type WeakPromises,
} from '../../src/core/index.ts';
import type { TeamDigest, TeamWeek } from '../../src/platform/team-report.ts';
import { type Escape, shownName } from './params.ts';
import type { Reader } from './reader.ts';

export interface TextSection {
  title: string;
  lines: string[];
}

/** Most characters of a customer's comment shown (the digest links no case: a line each). */
export const COMMENT_LIMIT = 200;

const say = (key: TextKey, reader: Reader, params: Record<string, string | number> = {}): string =>
  renderText(key, { locale: reader.locale, timeZone: reader.timeZone, params });

const oneLine = (words: string, escape: Escape, limit = 80): string => {
  const flat = words.replace(/\s+/g, ' ').trim();
  return shownName(flat.length > limit ? `${flat.slice(0, limit - 1).trimEnd()}…` : flat, escape);
};

const topicName = (directory: Directory, id: string, locale: Locale): string => {
  const topic = directory.topics[id];
  return topic ? (topic.names[locale] ?? topic.names.en) : id;
};

/** A team's week: kept %, first response p50 / p90, satisfaction, cases in and out, at risk now. */
export function weekSection(week: TeamWeek, reader: Reader, escape: Escape): TextSection {
  const { summary } = week;
  const { locale } = reader;
  const { promises, firstResponse, csat } = summary;
  const lines = [
    promises.percent === null
      ? say('report.kept_none', reader)
      : say('report.kept', reader, {
          percent: formatPercent(promises.percent, locale),
          kept: promises.kept,
          missed: promises.missed,
        }),
    firstResponse.p50Ms === null || firstResponse.p90Ms === null
      ? say('report.first_response_none', reader)
      : say('report.first_response', reader, {
          p50: formatDuration(firstResponse.p50Ms, locale),
          p90: formatDuration(firstResponse.p90Ms, locale),
        }),
    csat.average === null
      ? say('report.csat_none', reader)
      : say('report.csat', reader, { average: formatDecimal(csat.average, locale), count: csat.count }),
    say('report.volume', reader, { opened: summary.opened, resolved: summary.resolved }),
    // Only once the answer bank settled something: most teams' weeks have no such line.
    ...(summary.deflected > 0
      ? [say('report.deflected', reader, { count: summary.deflected, finished: summary.resolved })]
      : []),
    // Only in a week a customer went outside, or a recovery was sent.
    ...(recoveriesIn(summary.recoveries)
      ? [say('report.recoveries', reader, { ...summary.recoveries })]
      : []),
    say('report.at_risk', reader, { atRisk: week.atRiskAtLeast ? `${summary.atRisk}+` : summary.atRisk }),
  ];
  return { title: say('report.title', reader, { teamName: oneLine(week.team.name, escape) }), lines };
}

const recoveriesIn = (r: { opened: number; kept: number; late: number }): boolean =>
  r.opened + r.kept + r.late > 0;

function groupName(group: WeakPromises, directory: Directory, reader: Reader, escape: Escape): string {
  if (group.by === 'kind') return say(`digest.group_kind.${group.key}` as TextKey, reader);
  if (group.by === 'topic')
    return say('digest.group_topic', reader, {
      topicName: oneLine(topicName(directory, group.key, reader.locale), escape),
    });
  return say('digest.group_expert', reader, {
    expertName: oneLine(directory.people[group.key]?.name ?? group.key, escape),
  });
}

const rating = (c: { score: number; number: number; comment: string }, reader: Reader, escape: Escape) =>
  say('digest.rating', reader, {
    score: c.score,
    number: c.number,
    comment: oneLine(c.comment, escape, COMMENT_LIMIT),
  });

/** "billing: 4 of 6 callback windows missed — consider a longer callback window (now 4 h)…". */
function policyLine(s: PolicySuggestion, directory: Directory, reader: Reader, escape: Escape): string {
  const { locale } = reader;
  const minutes = s.now
    ? s.change === 'longer_callback_or_expert'
      ? s.now.callbackMinutes
      : s.now.firstResponseMinutes
    : [];
  const now = minutes.length > 0 ? minutes.map((m) => formatDuration(m * 60_000, locale)).join(' / ') : '?';
  const key =
    s.change === 'longer_callback_or_expert' ? 'digest.policy_callback' : 'digest.policy_first_response';
  return say(key, reader, {
    topicName: oneLine(topicName(directory, s.topic, locale), escape),
    missed: s.missed,
    ended: s.ended,
    now,
    experts: s.now?.experts ?? '?',
  });
}

/** The weekly digest: what went well first, then what to look at. */
export function digestSections(
  { team, digest }: TeamDigest,
  directory: Directory,
  reader: Reader,
  escape: Escape,
): { title: string; sections: TextSection[] } {
  const { locale } = reader;
  const orNone = (lines: string[], none: TextKey): string[] =>
    lines.length > 0 ? lines : [say(none, reader)];
  const wentWell = [
    digest.wentWell.kept > 0
      ? say('digest.kept', reader, { kept: digest.wentWell.kept })
      : say('digest.kept_none', reader),
    ...orNone(
      digest.wentWell.praise.map((c) => rating(c, reader, escape)),
      'digest.praise_none',
    ),
    ...(recoveriesIn(digest.recoveries) ? [say('digest.recoveries', reader, { ...digest.recoveries })] : []),
  ];
  return {
    title: say('digest.title', reader, { teamName: oneLine(team.name, escape) }),
    sections: [
      { title: say('digest.went_well', reader), lines: wentWell },
      {
        title: say('digest.worst_kept', reader),
        lines: orNone(
          digest.worstKept.map((g) =>
            say('digest.worst_line', reader, {
              group: groupName(g, directory, reader, escape),
              percent: formatPercent(g.percent, locale),
              kept: g.kept,
              missed: g.missed,
            }),
          ),
          'digest.worst_none',
        ),
      },
      {
        title: say('digest.lowest', reader),
        lines: orNone(
          digest.lowestRatings.map((c) => rating(c, reader, escape)),
          'digest.lowest_none',
        ),
      },
      {
        title: say('digest.grown', reader),
        lines: orNone(
          digest.grownTopics.map((t) =>
            say('digest.grown_line', reader, {
              topicName: oneLine(topicName(directory, t.topic, locale), escape),
              opened: t.opened,
              before: t.openedBefore,
            }),
          ),
          'digest.grown_none',
        ),
      },
      {
        title: say('digest.policy', reader),
        lines: orNone(
          digest.policy.map((p) => policyLine(p, directory, reader, escape)),
          'digest.policy_none',
        ),
      },
    ],
  };
}
