// app_home_opened: publishes the reader's Home tab (see render/home.ts), a supervisor's "This week"
// per team at the top (src/platform/team-report.ts), staff's Away / Back toggle. Each list is read
// with a bounded query per team (one case more than the tab shows, to know that the list goes on),
// never by loading every active case of the reader's teams.
import type { App } from '@slack/bolt';
import { ACTIVE_STATUSES, type CaseQuery, isStaffMember } from '../../../src/core/index.ts';
import { type TeamWeek, teamsSupervisedBy, teamWeek } from '../../../src/platform/team-report.ts';
import { slackErrorOf } from '../delivery/outcome.ts';
import { type HomeSection, homeView, PER_SECTION } from '../render/home.ts';
import type { Inbound } from './context.ts';
import type { SlackUser } from './identity.ts';
import { eventEnvelope, homeEvent, parseOrLog } from './payloads.ts';

type HomeList = Pick<HomeSection, 'cases' | 'more'>;

/** The first PER_SECTION cases of the lists `queries` give, one list after the other, and whether more follow. */
async function firstCases(inb: Inbound, queries: readonly CaseQuery[]): Promise<HomeList> {
  const lists = await Promise.all(queries.map((q) => inb.desk.listCases({ ...q, limit: PER_SECTION + 1 })));
  const cases = lists.flat();
  return { cases: cases.slice(0, PER_SECTION), more: cases.length > PER_SECTION };
}

export async function homeSections(inb: Inbound, u: SlackUser): Promise<HomeSection[]> {
  const { directory } = inb.desk.config;
  const person = inb.identity.person(u);
  const teams = person ? Object.values(directory.teams).filter((t) => t.supervisors.includes(person.id)) : [];
  const now = inb.clock.now();
  // A supervisor's lists: per team in directory order, each by case number.
  const ofTeams = (filter: CaseQuery): Promise<HomeList> =>
    firstCases(
      inb,
      teams.map((t) => ({ team: t.id, statuses: ACTIVE_STATUSES, ...filter })),
    );
  const [approvals, overdue, atRisk, undelivered, mine, own] = await Promise.all([
    ofTeams({ approvalPending: true }),
    ofTeams({ overdueAt: now }),
    ofTeams({ atRisk: true }),
    ofTeams({ withUndelivered: true }),
    person ? firstCases(inb, [{ ownerId: person.id, statuses: ACTIVE_STATUSES }]) : null,
    inb.desk.openCasesOf(inb.identity.actor(u).id, PER_SECTION),
  ]);
  const sections: HomeSection[] = [];
  if (teams.length > 0) {
    sections.push(
      { title: 'home_approvals', ...approvals, decide: true, outside: true },
      { title: 'home_overdue', ...overdue, outside: true },
      { title: 'home_at_risk', ...atRisk, outside: true },
      { title: 'home_undelivered', ...undelivered, outside: true },
    );
  }
  if (mine) sections.push({ title: 'home_my_cases', ...mine });
  if (!person || own.cases.length > 0) sections.push({ title: 'home_my_requests', ...own });
  return sections;
}

/**
 * A supervisor's "This week" per team they supervise (none for anyone else). A failed read leaves
 * the block out rather than the whole tab.
 */
export async function homeWeeks(inb: Inbound, u: SlackUser): Promise<TeamWeek[]> {
  const teams = teamsSupervisedBy(inb.desk.config.directory, inb.identity.person(u)?.id);
  const now = inb.clock.now();
  try {
    return await Promise.all(teams.map((t) => teamWeek(inb.store.reports, inb.desk, t, now)));
  } catch (err) {
    inb.logger.error('slack.home_week_failed', { user: u.userId, error: slackErrorOf(err) });
    return [];
  }
}

/** Whether a staff member is away now (App Home's toggle); null for anyone not on the team. */
async function awayState(inb: Inbound, u: SlackUser): Promise<boolean | null> {
  const person = inb.identity.person(u);
  if (!person || !isStaffMember(inb.desk.config, person.id)) return null;
  return inb.desk.awayNow(person.id);
}

/** Publishes the reader's Home tab (on opening it, and after its Away / Back toggle); never throws. */
export async function publishHome(inb: Inbound, u: SlackUser): Promise<void> {
  try {
    const [sections, weeks, reader, away] = await Promise.all([
      homeSections(inb, u),
      homeWeeks(inb, u),
      inb.identity.reader(u),
      awayState(inb, u),
    ]);
    await inb.client.views.publish({
      user_id: u.userId,
      view: homeView(sections, inb.desk.config.directory, reader, inb.command, weeks, away),
    });
  } catch (err) {
    inb.logger.error('slack.home_failed', { user: u.userId, error: slackErrorOf(err) });
  }
}

export function registerHome(app: App, inb: Inbound): void {
  app.event('app_home_opened', async ({ event, body }) => {
    const e = parseOrLog(homeEvent, event, 'app_home_opened event', inb.logger);
    const envelope = parseOrLog(eventEnvelope, body, 'event envelope', inb.logger);
    if (!e || !envelope || (e.tab !== undefined && e.tab !== 'home')) return;
    await publishHome(inb, { teamId: envelope.team_id, userId: e.user });
  });
}
