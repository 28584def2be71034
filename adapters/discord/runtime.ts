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
  | `discord.reached.${string}`
  | `discord.member.${string}`;

export interface DiscordRuntime {
  ctx: AdapterContext<DiscordRefName>;
  options: DiscordOptions;
  /** Gateway and the REST calls made while answering someone (waits out rate limits). */
  client: Client;
  /** Outbox deliveries: fails fast on a rate limit so the outbox owns the retry. */
  sinkRest: REST;
  /** The DM channel with a Discord user, opened once per person (adapters/shared/dm-channels.ts). */
  dmChannel(userId: string): Promise<string>;
  recentCases: RecentCases;
}

export const directoryOf = (rt: DiscordRuntime): Directory => rt.ctx.config.desk.directory;
