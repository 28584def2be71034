// `/support queue`: a supervisor's lists, privately (render/queue.ts draws them). Each list is read
// with a bounded query per team the person supervises (as Slack's App Home, adapters/slack/inbound/
// home.ts), never by loading every active case; someone who supervises no team is told kindly.
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { ACTIVE_STATUSES, type Case, type CaseQuery, type Team } from '../../../src/core/index.ts';
import { adapterText } from '../render/labels.ts';
import { COUNT_CAP, PER_LIST, type QueueList, type QueueListName, queueMessages } from '../render/queue.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import type { Who } from './identity.ts';
import { firstTime, runForActor, sayPrivately } from './replies.ts';

/** The teams `who` supervises, in the directory's order. */
export const supervisedTeams = (rt: DiscordRuntime, who: Who): Team[] => {
  const person = who.person;
  return person ? Object.values(directoryOf(rt).teams).filter((t) => t.supervisors.includes(person.id)) : [];
};

/** One list over `teams`: the first PER_LIST cases by number, and how many more (counted up to COUNT_CAP per team). */
async function readList(
  rt: DiscordRuntime,
  name: QueueListName,
  teams: readonly Team[],
  filter: CaseQuery,
): Promise<QueueList> {
  const perTeam = await Promise.all(
    teams.map((t) =>
      rt.ctx.desk.listCases({ team: t.id, statuses: ACTIVE_STATUSES, ...filter, limit: COUNT_CAP + 1 }),
    ),
  );
  const atLeast = perTeam.some((cases) => cases.length > COUNT_CAP);
  const all: Case[] = perTeam
    .flatMap((cases) => cases.slice(0, COUNT_CAP))
    .sort((a, b) => a.number - b.number);
  return {
    name,
    cases: all.slice(0, PER_LIST),
    more: Math.max(0, all.length - PER_LIST),
    ...(atLeast ? { atLeast } : {}),
  };
}

export async function answerQueue(
  rt: DiscordRuntime,
  i: ChatInputCommandInteraction,
  who: Who,
): Promise<void> {
  const teams = supervisedTeams(rt, who);
  const { locale } = who.reader;
  if (teams.length === 0) {
    await sayPrivately(i, adapterText('queue.not_supervisor', locale));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  await runForActor(rt, i, who.reader, 'queue', async () => {
    const now = rt.ctx.clock.now();
    const lists = await Promise.all([
      readList(rt, 'approvals', teams, { approvalPending: true }),
      readList(rt, 'overdue', teams, { overdueAt: now }),
      readList(rt, 'at_risk', teams, { atRisk: true }),
      readList(rt, 'undelivered', teams, { withUndelivered: true }),
    ]);
    for (const list of lists) for (const c of list.cases) rt.recentCases.remember(c);
    const messages = queueMessages(
      teams.map((t) => t.name),
      lists,
      directoryOf(rt),
      locale,
    );
    for (const [index, m] of messages.entries()) {
      if (index === 0) await i.editReply({ content: m.content, components: m.components });
      else await i.followUp({ content: m.content, components: m.components, flags: MessageFlags.Ephemeral });
    }
  });
}
