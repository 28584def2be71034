// `/support away [until]` and `/support back`, answered privately (adapters/shared/away.ts): going
// away with open cases offers "Hand over #n" per case and "Hand over all"; the buttons run here.
import { wordsForStaff } from '../../shared/abuse.ts';
import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { comeBack, goAway, handOverAll } from '../../shared/away.ts';
import { handOverRows } from '../render/components.ts';
import { neutralise } from '../render/markdown.ts';
import type { DiscordRuntime } from '../runtime.ts';
import type { Who } from './identity.ts';
import { firstTime, runForActor, sayPrivately } from './replies.ts';

/** The longest `until` Discord lets a member type (the option's max_length). */
export const UNTIL_MAX = 40;

export async function answerAway(
  rt: DiscordRuntime,
  i: ChatInputCommandInteraction,
  who: Who,
): Promise<void> {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  const until = i.options.getString('until', false) ?? '';
  await runForActor(rt, i, who.reader, 'away', async () => {
    const answer = await goAway(rt.ctx.desk, who.actor, until, who.reader);
    if (answer.held.length === 0) {
      await sayPrivately(i, answer.text);
      return;
    }
    const lines = answer.held.map(
      (c) =>
        `#${c.number} ${neutralise(c.customer.name)}: ${neutralise(wordsForStaff(c.words, who.reader.locale))}`,
    );
    const content = [answer.text, answer.offer, ...lines].join('\n').slice(0, 2000);
    await i.editReply({ content, components: handOverRows(answer.held, who.reader.locale) });
  });
}

export async function answerBack(
  rt: DiscordRuntime,
  i: ChatInputCommandInteraction,
  who: Who,
): Promise<void> {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  await runForActor(rt, i, who.reader, 'back', async () =>
    sayPrivately(i, await comeBack(rt.ctx.desk, who.actor, who.reader)),
  );
}

/** "Hand over #n" (one case, through the desk) or "Hand over all", from the away answer. */
export async function onHandOver(
  rt: DiscordRuntime,
  i: ButtonInteraction,
  who: Who,
  caseId: string | null,
): Promise<void> {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  await runForActor(rt, i, who.reader, 'hand_over', async () => {
    if (caseId === null) {
      await sayPrivately(i, await handOverAll(rt.ctx.desk, who.actor, who.reader));
      return rt.ctx.desk.awayNow(who.actor.id);
    }
    return rt.ctx.desk.handOver({ caseId, actor: who.actor });
  });
}
