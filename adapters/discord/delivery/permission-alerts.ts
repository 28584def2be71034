// Missing permissions are for a person to fix: the bot says so in plain words, in the log and to
// the admins (DISCORD_ADMIN_CHANNEL_ID if set, else a DM to each of the team's supervisors), at
// most once an hour per channel so a broken channel does not flood anyone.
import type { Case, Locale } from '../../../src/core/index.ts';
import { type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { nonceFor } from '../ids.ts';
import { postMessage } from './rest-calls.ts';

const QUIET_MS = 60 * 60_000;
const lastReported = new WeakMap<DiscordRuntime, Map<string, number>>();

export type BlockedAction = 'post' | 'edit' | 'thread';

/** The channel named in a failed REST url (`/channels/<id>/...`). */
export const channelInUrl = (url: string): string | null => /\/channels\/(\d+)/.exec(url)?.[1] ?? null;

export async function reportMissingPermissions(
  rt: DiscordRuntime,
  c: Case,
  failure: { channelId: string; what: BlockedAction; code: number; reason: string },
): Promise<void> {
  rt.ctx.logger.error('discord.missing_permissions', {
    case: c.id,
    number: c.number,
    channel: failure.channelId,
    code: failure.code,
    hint: `The bot is not allowed to ${failure.what} in channel ${failure.channelId} (${failure.reason}). Give it View Channel, Send Messages, Send Messages in Threads, Create Private/Public Threads, Embed Links and Read Message History there; the notice is parked, not lost.`,
  });
  await tellAdmins(rt, {
    teamId: c.team,
    channelId: failure.channelId,
    about: { case: c.id },
    textIn: (locale) =>
      adapterText('admin.missing_permissions', locale, {
        what: adapterText(`admin.what.${failure.what}`, locale),
        channel: failure.channelId,
        number: c.number,
        reason: failure.reason,
      }),
  });
}

/**
 * A case could not be opened: the bot may not create (or join a member to) a thread in the
 * support channel. No case exists yet, so the admins hear of the member and the channel.
 */
export async function reportBlockedIntake(
  rt: DiscordRuntime,
  failure: { teamId: string; channelId: string; code: number; reason: string; memberName: string },
): Promise<void> {
  rt.ctx.logger.error('discord.missing_permissions', {
    channel: failure.channelId,
    code: failure.code,
    hint: `The bot is not allowed to open a thread in channel ${failure.channelId} (${failure.reason}), so no case can be opened there. Give it Create Private Threads, Create Public Threads, Send Messages in Threads and View Channel there.`,
  });
  await tellAdmins(rt, {
    teamId: failure.teamId,
    channelId: failure.channelId,
    about: { intake: failure.channelId },
    textIn: (locale) =>
      adapterText('admin.missing_permissions_intake', locale, {
        channel: failure.channelId,
        name: failure.memberName,
        reason: failure.reason,
      }),
  });
}

/** The admin channel (or each of the team's supervisors by DM), once an hour per channel. */
async function tellAdmins(
  rt: DiscordRuntime,
  alert: {
    teamId: string;
    channelId: string;
    about: Record<string, string>;
    textIn: (locale: Locale) => string;
  },
): Promise<void> {
  const { logger, clock } = rt.ctx;
  const team = directoryOf(rt).teams[alert.teamId];
  const seen = lastReported.get(rt) ?? new Map<string, number>();
  lastReported.set(rt, seen);
  const now = clock.now().getTime();
  const last = seen.get(alert.channelId);
  if (last !== undefined && now - last < QUIET_MS) return;
  seen.set(alert.channelId, now);

  const people = directoryOf(rt).people;
  const adminChannel = rt.options.adminChannelId;
  // The admin channel reads the team's language; each supervisor reads their own.
  const targets: { locale: Locale; channel: () => Promise<string> }[] = adminChannel
    ? [{ locale: team?.locale ?? 'en', channel: async () => adminChannel }]
    : (team?.supervisors ?? []).flatMap((id) => {
        const person = people[id];
        const userId = person?.discordId;
        if (!person || userId === undefined) return [];
        return [
          {
            locale: person.locale,
            channel: () => rt.dmChannel(userId),
          },
        ];
      });
  if (targets.length === 0) {
    logger.warn('discord.admin_unreachable', {
      ...alert.about,
      hint: 'set DISCORD_ADMIN_CHANNEL_ID or give a team supervisor a discordId to hear about problems on Discord',
    });
  }
  for (const target of targets) {
    try {
      const channelId = await target.channel();
      if (channelId !== alert.channelId)
        await postMessage(rt.sinkRest, channelId, {
          content: alert.textIn(target.locale),
          nonce: nonceFor(`admin:${alert.channelId}:${now}`, channelId, 'admin'),
        });
    } catch (e) {
      logger.error('discord.admin_notice_failed', { ...alert.about, error: (e as Error).message });
    }
  }
}
