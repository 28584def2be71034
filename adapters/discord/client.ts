// The discord.js client and the outbox's REST client, configured for this adapter: mentions parse
// nothing by default, the outbox's sends fail fast on a rate limit (the outbox retries them), and
// a malformed gateway payload is logged instead of crashing the process.
import { Client, GatewayIntentBits, Partials, REST } from 'discord.js';
import type { Logger } from '../../src/platform/adapter.ts';
import type { DiscordOptions } from './options.ts';

const DEFAULT_TIMEOUT_MS = 10_000;

const restBase = (options: DiscordOptions) => ({
  ...(options.apiUrl ? { api: options.apiUrl } : {}),
  timeout: options.restTimeoutMs ?? DEFAULT_TIMEOUT_MS,
});

export function createClient(options: DiscordOptions): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      // Privileged: turn on "Message Content Intent" in the Developer Portal (docs/discord.md).
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    // DM channels are never cached up front; without this, DMs to the bot are not delivered.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...restBase(options), retries: 1 },
  });
}

/** The outbox's REST: a 429 (or a bucket known to be empty) throws RateLimitError at once. */
export function createSinkRest(options: DiscordOptions): REST {
  return new REST({ ...restBase(options), retries: 0, rejectOnRateLimit: () => true }).setToken(
    options.token,
  );
}

/**
 * discord.js throws from its packet handlers on some malformed dispatches (e.g. an
 * INTERACTION_CREATE without `data`), which would end the process as an unhandled rejection.
 * Wrapping its (internal) handlePacket turns that into a log line.
 */
export function shieldMalformedDispatches(client: Client, logger: Logger): void {
  const ws = client.ws as unknown as { handlePacket?: (packet: unknown, shard: unknown) => boolean };
  const original = ws.handlePacket?.bind(ws);
  if (!original) {
    logger.warn('discord.shield_unavailable', {
      hint: 'discord.js internals changed; malformed payloads may crash',
    });
    return;
  }
  ws.handlePacket = (packet, shard) => {
    try {
      return original(packet, shard);
    } catch (error) {
      const p = packet as { t?: unknown; s?: unknown } | null;
      logger.error('discord.malformed_dispatch', {
        event: typeof p?.t === 'string' ? p.t : 'unknown',
        seq: typeof p?.s === 'number' ? p.s : undefined,
        error: error instanceof Error ? error.message : String(error),
      });
      return true;
    }
  };
}
