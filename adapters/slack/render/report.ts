// A team's week in Block Kit: the "This week" block at the top of a supervisor's App Home, the
// `/support report` answer, and the weekly digest's direct message. The words come from
// adapters/shared/week-report.ts; here only Slack's markup (bold titles, bullets) and limits. Pure.
import type { types } from '@slack/bolt';
import type { Directory } from '../../../src/core/index.ts';
import type { TeamDigest, TeamWeek } from '../../../src/platform/team-report.ts';
import type { Reader } from '../../shared/reader.ts';
import { digestSections, type TextSection, weekSection } from '../../shared/week-report.ts';
import { neutralise } from './escape.ts';
import { type Block, fallbackText, section } from './block-kit.ts';

const mrkdwn = (s: TextSection): string => [`*${s.title}*`, ...s.lines.map((l) => `• ${l}`)].join('\n');

/** One section per team, in the order given (the directory's). */
export const weekBlocks = (weeks: readonly TeamWeek[], reader: Reader): Block[] =>
  weeks.map((w) => section(mrkdwn(weekSection(w, reader, neutralise))));

/** The `/support report` answer: an intro line, then each team's week. */
export function reportMessage(
  weeks: readonly TeamWeek[],
  reader: Reader,
  intro: string,
): { text: string; blocks: Block[] } {
  const text = [intro, ...weeks.map((w) => mrkdwn(weekSection(w, reader, neutralise)))].join('\n\n');
  return { text: fallbackText(text), blocks: [section(intro), ...weekBlocks(weeks, reader)] };
}

/** The weekly digest as a direct message: a header, then a section per part. */
export function digestMessage(
  digest: TeamDigest,
  directory: Directory,
  reader: Reader,
): { text: string; blocks: types.KnownBlock[] } {
  const { title, sections } = digestSections(digest, directory, reader, neutralise);
  const blocks: Block[] = [section(`*${title}*`), ...sections.map((s) => section(mrkdwn(s)))];
  return { text: fallbackText([title, ...sections.map(mrkdwn)].join('\n\n')), blocks };
}
