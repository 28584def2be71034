// `/support report` (a supervisor's week per team, src/platform/team-report.ts) and `/support
// console` (a one-time sign-in link to the web console), both answered privately. Anyone who
// supervises no team is told kindly that these are for supervisors.
import { renderText, type TextKey } from '../../../src/core/index.ts';
import { teamsSupervisedBy, teamWeek } from '../../../src/platform/team-report.ts';
import type { Reader } from '../../shared/reader.ts';
import { escapeMarkup } from '../render/escape.ts';
import type { Block } from '../render/block-kit.ts';
import { reportMessage } from '../render/report.ts';
import { type Inbound, refusalText } from './context.ts';
import type { SlackUser } from './identity.ts';

export interface PrivateAnswer {
  text: string;
  blocks?: Block[];
}

const say = (key: TextKey, reader: Reader, params: Record<string, string> = {}): PrivateAnswer => ({
  text: renderText(key, { ...reader, params }),
});

export async function reportAnswer(inb: Inbound, u: SlackUser): Promise<PrivateAnswer> {
  const reader = await inb.identity.reader(u);
  const teams = teamsSupervisedBy(inb.desk.config.directory, inb.identity.person(u)?.id);
  if (teams.length === 0) return say('report.not_supervisor', reader);
  try {
    const now = inb.clock.now();
    const weeks = await Promise.all(teams.map((t) => teamWeek(inb.store.reports, inb.desk, t, now)));
    return reportMessage(weeks, reader, renderText('report.intro', reader));
  } catch (e) {
    inb.logger.error('slack.report_failed', { user: u.userId, error: (e as Error).message });
    return { text: refusalText(e, reader) };
  }
}

export async function consoleAnswer(inb: Inbound, u: SlackUser): Promise<PrivateAnswer> {
  const reader = await inb.identity.reader(u);
  const person = inb.identity.person(u);
  if (!person || teamsSupervisedBy(inb.desk.config.directory, person.id).length === 0)
    return say('console.not_supervisor', reader);
  try {
    const link = (await inb.consoleLinks?.issue(person.id)) ?? null;
    // Slack's link markup, so the link is never cut or turned into something else.
    return link === null
      ? say('console.off', reader)
      : say('console.link', reader, { link: `<${escapeMarkup(link)}>` });
  } catch (e) {
    inb.logger.error('slack.console_link_failed', { user: u.userId, error: (e as Error).message });
    return { text: refusalText(e, reader) };
  }
}
