// A team's week in Discord markdown: the `/support report` answer and the weekly digest's direct
// message. The words come from adapters/shared/week-report.ts; here only Discord's markup (bold
// titles, bullets) and its 2,000 characters a message. Pure.
import type { Directory } from '../../../src/core/index.ts';
import type { TeamDigest, TeamWeek } from '../../../src/platform/team-report.ts';
import type { Reader } from '../../shared/reader.ts';
import { digestSections, type TextSection, weekSection } from '../../shared/week-report.ts';
import { neutralise, splitText } from './markdown.ts';

const markdown = (s: TextSection): string => [`**${s.title}**`, ...s.lines.map((l) => `• ${l}`)].join('\n');

/** The `/support report` answer, split into messages of at most 2,000 characters. */
export const reportMessages = (weeks: readonly TeamWeek[], reader: Reader, intro: string): string[] =>
  splitText([intro, ...weeks.map((w) => markdown(weekSection(w, reader, neutralise)))].join('\n\n'));

/** The weekly digest, split into messages of at most 2,000 characters. */
export function digestMessages(digest: TeamDigest, directory: Directory, reader: Reader): string[] {
  const { title, sections } = digestSections(digest, directory, reader, neutralise);
  return splitText([`**${title}**`, ...sections.map(markdown)].join('\n\n'));
}
