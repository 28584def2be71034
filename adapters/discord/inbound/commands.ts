// Slash commands: `/support open` (the intake form), `/support status` (the member's open cases)
// and `/support-panel` (posts the "Open a case" panel; server managers only).
import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { type Case, type Locale, type Params, renderText, type TextKey } from '../../../src/core/index.ts';
import { COMMAND_NAMES } from '../command-definitions.ts';
import { panelRows } from '../render/components.ts';
import { noticeText } from '../render/markdown.ts';
import { localeOf, whoIs, type Who } from './identity.ts';
import { postMessage } from '../delivery/rest-calls.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { displayNameOf } from './buttons.ts';
import { intakeForm } from '../render/forms.ts';
import { firstTime, runForActor, sayPrivately } from './replies.ts';

export async function onCommand(rt: DiscordRuntime, i: ChatInputCommandInteraction): Promise<void> {
  const who = whoIs(directoryOf(rt), i.user, { displayName: displayNameOf(i), locale: i.locale });
  if (i.commandName === COMMAND_NAMES.support) {
    const sub = i.options.getSubcommand(false);
    if (sub === COMMAND_NAMES.status) {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
      await runForActor(rt, i, who.locale, 'status', async () => sayPrivately(i, await statusText(rt, who)));
      return;
    }
    await i.showModal(intakeForm(directoryOf(rt), who.locale));
    return;
  }
  if (i.commandName === COMMAND_NAMES.panel) {
    await postPanel(rt, i, who);
    return;
  }
  rt.ctx.logger.warn('discord.unknown_command', { interaction: i.id, command: i.commandName.slice(0, 50) });
  await sayPrivately(i, adapterText('unknown_button', who.locale));
}

async function postPanel(rt: DiscordRuntime, i: ChatInputCommandInteraction, who: Who): Promise<void> {
  // Discord hides the command from others (default_member_permissions); this is the second lock.
  if (!i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await sayPrivately(i, adapterText('panel.managers_only', who.locale));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  const locale: Locale = localeOf(i.guildLocale);
  await runForActor(rt, i, who.locale, 'support-panel', async () => {
    await postMessage(rt.client.rest, i.channelId, {
      content: adapterText('panel.text', locale),
      components: panelRows(locale),
    });
    await sayPrivately(i, adapterText('panel.posted', who.locale));
  });
}

/** Most cases `/support status` lists (the first ones by number); a line says when there are more. */
const STATUS_LIMIT = 10;

async function statusText(rt: DiscordRuntime, who: Who): Promise<string> {
  const { cases, more } = await rt.ctx.desk.openCasesOf(who.customer.id, STATUS_LIMIT);
  const { locale, timeZone, name } = who.customer;
  const render = (key: TextKey, params: Params) =>
    noticeText({ key, locale, timeZone, params: { name, ...params } });
  if (cases.length === 0) return render('customer.status_none', {});
  const people = directoryOf(rt).people;
  const ownerName = (c: Case) =>
    c.ownerId === null ? renderText('nobody', { locale, timeZone }) : (people[c.ownerId]?.name ?? c.ownerId);
  const lines = cases.map((c) =>
    render('customer.status_line', {
      number: c.number,
      status: c.status,
      ownerName: ownerName(c),
      dueAt: c.window && !c.window.paused ? c.window.dueAt.toISOString() : '',
    }),
  );
  const tail = more ? [adapterText('status.more', locale)] : [];
  return [render('customer.status_header', {}), ...lines, ...tail].join('\n');
}
