// `/support report` (a supervisor's week per team, src/platform/team-report.ts) and `/support
// console` (a one-time sign-in link to the web console), both private. Anyone who supervises no
// team is told kindly, in their language, that these are for supervisors.
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { renderText } from '../../../src/core/index.ts';
import { teamsSupervisedBy, teamWeek } from '../../../src/platform/team-report.ts';
import { reportMessages } from '../render/report.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import type { Who } from './identity.ts';
import { firstTime, runForActor, sayPrivately } from './replies.ts';

export async function answerReport(
  rt: DiscordRuntime,
  i: ChatInputCommandInteraction,
  who: Who,
): Promise<void> {
  const teams = teamsSupervisedBy(directoryOf(rt), who.person?.id);
  if (teams.length === 0) {
    await sayPrivately(i, renderText('report.not_supervisor', who.reader));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  await runForActor(rt, i, who.reader, 'report', async () => {
    const now = rt.ctx.clock.now();
    const weeks = await Promise.all(teams.map((t) => teamWeek(rt.ctx.store.reports, rt.ctx.desk, t, now)));
    const messages = reportMessages(weeks, who.reader, renderText('report.intro', who.reader));
    for (const [index, content] of messages.entries()) {
      if (index === 0) await i.editReply({ content });
      else await i.followUp({ content, flags: MessageFlags.Ephemeral });
    }
  });
}

export async function answerConsole(
  rt: DiscordRuntime,
  i: ChatInputCommandInteraction,
  who: Who,
): Promise<void> {
  const person = who.person;
  if (!person || teamsSupervisedBy(directoryOf(rt), person.id).length === 0) {
    await sayPrivately(i, renderText('console.not_supervisor', who.reader));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  await runForActor(rt, i, who.reader, 'console', async () => {
    const link = (await rt.ctx.consoleLinks?.issue(person.id)) ?? null;
    // In angle brackets: Discord shows the link without a preview of the sign-in page.
    await sayPrivately(
      i,
      link === null
        ? renderText('console.off', who.reader)
        : renderText('console.link', { ...who.reader, params: { link: `<${link}>` } }),
    );
  });
}
