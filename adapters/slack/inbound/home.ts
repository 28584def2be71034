// app_home_opened: publishes the reader's Home tab (see render/home.ts).
import type { App } from '@slack/bolt';
import { ACTIVE_STATUSES, type Case } from '../../../src/core/model.ts';
import { slackErrorOf } from '../delivery/outcome.ts';
import { type HomeSection, homeView } from '../render/home.ts';
import type { Inbound } from './context.ts';
import type { SlackUser } from './identity.ts';
import { eventEnvelope, homeEvent, parseOrLog } from './payloads.ts';

const isOverdue = (c: Case, now: Date) =>
  c.window !== null && c.window.paused === null && c.window.dueAt.getTime() < now.getTime();

/** The cases among `cases` with a message parked (kept failing) or ambiguous (may not have gone out). */
async function withUndelivered(inb: Inbound, cases: readonly Case[]): Promise<Case[]> {
  const stuck = new Set(
    (await inb.store.listOutbox({ statuses: ['parked', 'ambiguous'] })).map((n) => n.caseId),
  );
  return cases.filter((c) => stuck.has(c.id));
}

export async function homeSections(inb: Inbound, u: SlackUser): Promise<HomeSection[]> {
  const { directory } = inb.desk.config;
  const person = inb.identity.person(u);
  const sections: HomeSection[] = [];
  if (person) {
    const teams = Object.values(directory.teams).filter((t) => t.supervisors.includes(person.id));
    if (teams.length > 0) {
      const now = inb.clock.now();
      const lists = await Promise.all(
        teams.map((t) => inb.desk.listCases({ team: t.id, statuses: ACTIVE_STATUSES })),
      );
      const cases = lists.flat();
      sections.push(
        {
          title: 'home_approvals',
          cases: cases.filter((c) => c.approval?.status === 'pending'),
          decide: true,
        },
        { title: 'home_overdue', cases: cases.filter((c) => isOverdue(c, now)) },
        { title: 'home_at_risk', cases: cases.filter((c) => c.risk.band !== 'low') },
        { title: 'home_undelivered', cases: await withUndelivered(inb, cases) },
      );
    }
    sections.push({
      title: 'home_my_cases',
      cases: await inb.desk.listCases({ ownerId: person.id, statuses: ACTIVE_STATUSES }),
    });
  }
  const own = await inb.desk.openCasesOf(inb.identity.actor(u).id);
  if (!person || own.length > 0) sections.push({ title: 'home_my_requests', cases: own });
  return sections;
}

export function registerHome(app: App, inb: Inbound): void {
  app.event('app_home_opened', async ({ event, body }) => {
    const e = parseOrLog(homeEvent, event, 'app_home_opened event', inb.logger);
    const envelope = parseOrLog(eventEnvelope, body, 'event envelope', inb.logger);
    if (!e || !envelope || (e.tab !== undefined && e.tab !== 'home')) return;
    const u = { teamId: envelope.team_id, userId: e.user };
    try {
      const [sections, reader] = await Promise.all([homeSections(inb, u), inb.identity.reader(u)]);
      await inb.client.views.publish({
        user_id: u.userId,
        view: homeView(sections, inb.desk.config.directory, reader),
      });
    } catch (err) {
      inb.logger.error('slack.home_failed', { user: u.userId, error: slackErrorOf(err) });
    }
  });
}
