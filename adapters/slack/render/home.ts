// The App Home tab: what needs the reader now. Supervisors first see "This week" for each team they
// supervise (render/report.ts); staff then an Away / Back toggle (render/away.ts); then pending
// approvals, overdue promises and cases at risk in the supervisor's teams, each with Record outside
// contact (level 4), or Write the recovery once the case owes one; experts and responders the cases they hold with due times; everyone their own
// open requests.
import { wordsForStaff } from '../../shared/abuse.ts';
import type { types } from '@slack/bolt';
import { type Case, type Directory, type Locale, openRecovery, renderText } from '../../../src/core/index.ts';
import type { Reader } from '../../shared/reader.ts';
import { statusLine } from '../../shared/status.ts';
import { neutralise } from './escape.ts';
import { type LabelKey, label } from './labels.ts';
import { actions, type Block, context, LIMITS, plain, section, truncate } from './block-kit.ts';
import { actionButton } from './notice.ts';
import { awayToggle } from './away.ts';
import { weekBlocks } from './report.ts';
import type { TeamWeek } from '../../../src/platform/team-report.ts';

export interface HomeSection {
  title: LabelKey;
  /** The first cases of the list (at most PER_SECTION are shown). */
  cases: readonly Case[];
  /** The list goes on beyond `cases`: the tab says so. */
  more?: boolean;
  /** Offer Approve / Decline on each case's pending approval. */
  decide?: boolean;
  /** Offer Record outside contact on each case (a supervisor's lists: level 4). */
  outside?: boolean;
}

/** Most cases listed per section, so the tab stays within Slack's 100 blocks. */
export const PER_SECTION = 12;

function caseLine(c: Case, directory: Directory, reader: Reader, withRisk: boolean): string {
  const words = truncate(neutralise(wordsForStaff(c.words, reader.locale)), 140).text;
  const band = renderText(`risk.${c.risk.band}`, { ...reader });
  const risk = withRisk ? ` · ${label(reader.locale, 'risk_line', { band })}` : '';
  return `*${neutralise(c.customer.name)}*: “${words}”\n${statusLine(c, directory, reader, neutralise)}${risk}`;
}

function decideButtons(c: Case, locale: Locale): types.Button[] {
  const approval = c.approval;
  if (!approval || approval.status !== 'pending') return [];
  return (['approve', 'decline'] as const).map((id) =>
    actionButton({ id, caseId: c.id, approvalId: approval.id }, locale),
  );
}

export function homeView(
  sections: readonly HomeSection[],
  directory: Directory,
  reader: Reader,
  command = '/support',
  weeks: readonly TeamWeek[] = [],
  away: boolean | null = null,
): types.HomeView {
  const blocks: Block[] = [section(label(reader.locale, 'home_intro', { command: neutralise(command) }))];
  if (weeks.length > 0) blocks.push({ type: 'divider' }, ...weekBlocks(weeks, reader));
  // Staff's Away / Back toggle: after the week, before the lists.
  if (away !== null) blocks.push(awayToggle(away, reader.locale));
  for (const s of sections) {
    blocks.push({ type: 'divider' }, { type: 'header', text: plain(label(reader.locale, s.title), 150) });
    if (s.cases.length === 0) blocks.push(section(label(reader.locale, 'home_none')));
    for (const c of s.cases.slice(0, PER_SECTION)) {
      const line = section(caseLine(c, directory, reader, s.title === 'home_at_risk'));
      // Beside the line, not below it: the tab stays within its 100 blocks.
      // A case that went outside and still owes its recovery offers Write the recovery instead.
      const level4 = openRecovery(c.recovery) ? 'write_recovery' : 'record_outside';
      if (s.outside) line.accessory = actionButton({ id: level4, caseId: c.id }, reader.locale);
      blocks.push(line);
      if (s.decide) blocks.push(...actions(decideButtons(c, reader.locale)));
    }
    if (s.more || s.cases.length > PER_SECTION) blocks.push(context(label(reader.locale, 'home_more')));
  }
  // Every list full (a supervisor who also has requests open) passes Slack's 100 blocks by a few:
  // the dividers go, so no case or "more" line is cut.
  const fitted = blocks.length > LIMITS.viewBlocks ? blocks.filter((b) => b.type !== 'divider') : blocks;
  return { type: 'home', blocks: fitted.slice(0, LIMITS.viewBlocks) };
}
