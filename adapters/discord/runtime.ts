// What every part of the adapter shares: the app context, the settings, the two REST clients, a
// person's DM channel and the cases seen lately.
import type { Client, REST } from 'discord.js';
import type { Case, Directory } from '../../src/core/index.ts';
import type { AdapterContext } from '../../src/platform/adapter.ts';
import type { DiscordOptions } from './options.ts';

/** Every name of a reference the adapter keeps per case (cards, approval copies, sent parts). */
export type DiscordRefName =
  | 'discord.card'
  | 'discord.card.state'
  | 'discord.card.thread'
  | 'discord.thread.group'
  | `discord.approval.${string}`
  | `discord.skip.${string}`
  | `discord.sent.${string}`
  | `discord.reached.${string}`
  | `discord.member.${string}`
  | `discord.written.${string}`;

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

/**
 * The cases this process has recently seen (delivered a notice for, or changed by a command), so a
 * button that opens a form can decide who may see the form without a database read inside
 * Discord's 3 seconds. Only a positive answer is taken from here; anything else reads the store.
 */
const MAX_CASES = 500;

export class RecentCases {
  private readonly cases = new Map<string, Case>();

  remember(c: Case): void {
    const known = this.cases.get(c.id);
    if (known && known.version > c.version) return;
    this.cases.delete(c.id);
    this.cases.set(c.id, c);
    if (this.cases.size > MAX_CASES) {
      const oldest = this.cases.keys().next().value;
      if (oldest !== undefined) this.cases.delete(oldest);
    }
  }

  get(caseId: string): Case | undefined {
    return this.cases.get(caseId);
  }
}

/** Whether a result of a desk command carries the case as it is now. */
export const hasCase = (value: unknown): value is { case: Case } =>
  typeof value === 'object' && value !== null && 'case' in value && typeof value.case === 'object';
