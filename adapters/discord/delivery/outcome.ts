// What a failed REST call means for the outbox. 429: retry when Discord says (marked rateLimited:
// the outbox retries exactly then and does not count it toward parking); permanent refusals
// (missing access, unknown channel, DMs closed): park; 5xx: retry (sends carry a nonce, so a
// resend cannot duplicate); anything else, such as a timeout: unknown outcome (thrown).
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { DeliveryResult } from '../../../src/core/index.ts';

/** Discord JSON error codes that will not change by retrying. */
const PERMANENT: Readonly<Record<number, string>> = {
  10003: 'unknown channel',
  10008: 'unknown message',
  10013: 'unknown user',
  50001: 'missing access',
  50007: 'the user does not accept direct messages from the bot',
  50013: 'missing permissions',
  50083: 'the thread is archived',
  160002: 'the thread is locked',
};

/** Codes that an admin can fix by changing the bot's permissions. */
export const PERMISSION_CODES: ReadonlySet<number> = new Set([50001, 50013]);

export interface Classified {
  result: DeliveryResult;
  /** Set for 403 missing permissions/access: the admin should be told. */
  permission?: { code: number; reason: string };
}

/** Null when the outcome is unknown: the caller rethrows so the outbox marks it ambiguous. */
export function classifyDeliveryError(error: unknown): Classified | null {
  if (error instanceof RateLimitError) {
    return {
      result: {
        status: 'retry',
        afterMs: Math.max(error.retryAfter, error.timeToReset, 0),
        error: `discord rate limit on ${error.route} (${error.global ? 'global' : error.scope})`,
        rateLimited: true,
      },
    };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const reason = PERMANENT[code] ?? error.message;
    if (error.status === 429) {
      return {
        result: {
          status: 'retry',
          afterMs: 1_000,
          error: `discord 429: ${error.message}`,
          rateLimited: true,
        },
      };
    }
    if (error.status >= 500) {
      return { result: { status: 'retry', afterMs: 0, error: `discord ${error.status}: ${error.message}` } };
    }
    const result: DeliveryResult = {
      status: 'rejected',
      error: `discord ${error.status} code ${code} (${reason}) on ${error.method.toUpperCase()} ${pathOf(error.url)}`,
    };
    return PERMISSION_CODES.has(code) ? { result, permission: { code, reason } } : { result };
  }
  if (error instanceof HTTPError && error.status >= 500) {
    return { result: { status: 'retry', afterMs: 0, error: `discord ${error.status}: ${error.message}` } };
  }
  return null;
}

const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/\/api\/v\d+/, '');
