// Slash commands: `/support open` (the intake form), `/support status` (the member's open cases),
// `/support queue` (a supervisor's lists, see queue.ts), `/support report` and `/support console`
// (a supervisor's week and a sign-in link to the web console, see report.ts), `/support away
// [until]` and `/support back` (staff, see away.ts) and `/support-panel`
// (posts the "Open a case" panel; server managers only).
import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { Locale } from '../../../src/core/index.ts';
import { localeFromTag } from '../../shared/reader.ts';
import { STATUS_LIMIT, statusText as sharedStatusText } from '../../shared/status.ts';
import { COMMAND_NAMES } from '../command-definitions.ts';
import { nonceFor } from '../ids.ts';
import { panelRows } from '../render/components.ts';
import { neutralise } from '../render/markdown.ts';
import { withDiscordTimes } from '../render/times.ts';
import { whoIs, type Who } from './identity.ts';
import { postMessage } from '../delivery/rest-calls.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { displayNameOf } from './buttons.ts';
import { intakeForm } from '../render/forms.ts';
import { answerAway, answerBack } from './away.ts';
import { answerQueue } from './queue.ts';
import { answerConsole, answerReport } from './report.ts';
import { firstTime, runForActor, sayPrivately } from './replies.ts';

export async function onCommand(rt: DiscordRuntime, i: ChatInputCommandInteraction): Promise<void> {
  const who = whoIs(directoryOf(rt), i.user, { displayName: displayNameOf(i), locale: i.locale });
  if (i.commandName === COMMAND_NAMES.support) {
    const sub = i.options.getSubcommand(false);
    if (sub === COMMAND_NAMES.status) {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
      await runForActor(rt, i, who.reader, 'status', async () => sayPrivately(i, await statusText(rt, who)));
      return;
    }
    if (sub === COMMAND_NAMES.queue) {
      await answerQueue(rt, i, who);
      return;
    }
    if (sub === COMMAND_NAMES.report) {
      await answerReport(rt, i, who);
      return;
    }
    if (sub === COMMAND_NAMES.console) {
      await answerConsole(rt, i, who);
      return;
    }
    if (sub === COMMAND_NAMES.away || sub === COMMAND_NAMES.back) {
      await (sub === COMMAND_NAMES.away ? answerAway : answerBack)(rt, i, who);
      return;
    }
    await i.showModal(intakeForm(directoryOf(rt), who.reader.locale));
    return;
  }
  if (i.commandName === COMMAND_NAMES.panel) {
    await postPanel(rt, i, who);
    return;
  }
  rt.ctx.logger.warn('discord.unknown_command', { interaction: i.id, command: i.commandName.slice(0, 50) });
  await sayPrivately(i, adapterText('unknown_button', who.reader.locale));
}

async function postPanel(rt: DiscordRuntime, i: ChatInputCommandInteraction, who: Who): Promise<void> {
  // Discord hides the command from others (default_member_permissions); this is the second lock.
  if (!i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await sayPrivately(i, adapterText('panel.managers_only', who.reader.locale));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  const locale: Locale = localeFromTag(i.guildLocale);
  await runForActor(rt, i, who.reader, 'support-panel', async () => {
    await postMessage(rt.client.rest, i.channelId, {
      content: adapterText('panel.text', locale),
      components: panelRows(locale),
      nonce: nonceFor(`discord:interaction:${i.id}`, i.channelId, 'panel'),
    });
    await sayPrivately(i, adapterText('panel.posted', who.reader.locale));
  });
}

async function statusText(rt: DiscordRuntime, who: Who): Promise<string> {
  const { cases, more } = await rt.ctx.desk.openCasesOf(who.customer.id, STATUS_LIMIT);
  const { locale, timeZone, name } = who.customer;
  const text = sharedStatusText(cases, name, directoryOf(rt), { locale, timeZone }, neutralise, more);
  const dues = cases.flatMap((c) => (c.window ? [c.window.dueAt.toISOString()] : []));
  return withDiscordTimes(text, dues, { locale, timeZone });
}
