// What every part of the adapter shares: the app context, the settings and the two REST clients.
import type { Client, REST } from 'discord.js';
import type { Directory } from '../../src/core/index.ts';
import type { AdapterContext } from '../../src/platform/adapter.ts';
import type { RecentCases } from './inbound/recent-cases.ts';
import type { DiscordOptions } from './options.ts';

/** Every name of a reference the adapter keeps per case (cards, approval copies, sent parts). */
export type DiscordRefName =
  | 'discord.card'
  | 'discord.card.state'
  | 'discord.card.thread'
  | `discord.approval.${string}`
  | `discord.skip.${string}`
  | `discord.sent.${string}`
  | `discord.member.${string}`;

export interface DiscordRuntime {
  ctx: AdapterContext<DiscordRefName>;
  options: DiscordOptions;
  /** Gateway and the REST calls made while answering someone (waits out rate limits). */
  client: Client;
  /** Outbox deliveries: fails fast on a rate limit so the outbox owns the retry. */
  sinkRest: REST;
  /** DM channel id per Discord user id (Discord returns the same channel every time). */
  dmChannels: Map<string, string>;
  recentCases: RecentCases;
}

export const directoryOf = (rt: DiscordRuntime): Directory => rt.ctx.config.desk.directory;

export async function dmChannelOf(
  rt: DiscordRuntime,
  userId: string,
  open: () => Promise<string>,
): Promise<string> {
  const known = rt.dmChannels.get(userId);
  if (known) return known;
  const id = await open();
  rt.dmChannels.set(userId, id);
  return id;
}
