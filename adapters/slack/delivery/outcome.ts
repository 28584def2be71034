// Maps what the Web API answered to the outbox's DeliveryResult. 429 waits as long as Slack asks
// (marked rateLimited: the outbox retries exactly then and does not count it toward parking);
// errors that will not go away (no such channel, bot not invited, missing scope) park the notice
// visibly; an answer we cannot interpret after the request left is rethrown, so the outbox marks it
// ambiguous and never resends it blindly.
import { webApi } from '@slack/bolt';
import type { DeliveryResult } from '../../../src/core/index.ts';

const { ErrorCode } = webApi;

/** Slack error codes that mean "this will never work as is": the notice is parked. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'restricted_action',
  'team_access_not_granted',
  'ekm_access_denied',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'message_not_found',
  'cant_update_message',
]);

/** Temporary on Slack's side and known not to have posted anything: try again later. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'service_unavailable', 'request_timeout']);

/** Of those, Slack's rate limit (a 429's body, also seen as ok:false without the 429). */
const RATE_LIMITED = 'ratelimited';

/** Connection failures where the request never reached Slack. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const TRANSIENT_RETRY_MS = 5_000;

interface ErrorLike {
  code?: unknown;
  retryAfter?: unknown;
  data?: { error?: unknown };
  statusCode?: unknown;
  original?: { cause?: { code?: unknown }; code?: unknown };
  message?: unknown;
}

/** The Slack error code of a failed call (`channel_not_found`, `ratelimited`…), for logs. */
export function slackErrorOf(e: unknown): string {
  const err = (e ?? {}) as ErrorLike;
  if (err.code === ErrorCode.PlatformError) return String(err.data?.error ?? 'unknown_error');
  if (err.code === ErrorCode.RateLimitedError) return 'ratelimited';
  if (err.code === ErrorCode.HTTPError) return `http_${String(err.statusCode)}`;
  return e instanceof Error ? e.message : String(e);
}

/** The result for a failed call, or the error itself when the outcome is unknown. */
export function deliveryOutcome(e: unknown): DeliveryResult | { unknown: unknown } {
  const err = (e ?? {}) as ErrorLike;
  if (err.code === ErrorCode.RateLimitedError) {
    const seconds = Number(err.retryAfter);
    return {
      status: 'retry',
      afterMs: Number.isFinite(seconds) ? seconds * 1000 : 1000,
      error: RATE_LIMITED,
      rateLimited: true,
    };
  }
  if (err.code === ErrorCode.PlatformError) {
    const code = String(err.data?.error ?? 'unknown_error');
    if (PERMANENT.has(code)) return { status: 'rejected', error: code };
    if (code === RATE_LIMITED) {
      return { status: 'retry', afterMs: TRANSIENT_RETRY_MS, error: code, rateLimited: true };
    }
    if (TRANSIENT.has(code)) return { status: 'retry', afterMs: TRANSIENT_RETRY_MS, error: code };
    // fatal_error and codes we do not know: Slack may have done part of it.
    return { unknown: e };
  }
  if (err.code === ErrorCode.HTTPError && (err.statusCode === 502 || err.statusCode === 503)) {
    return { status: 'retry', afterMs: TRANSIENT_RETRY_MS, error: `http_${String(err.statusCode)}` };
  }
  if (err.code === ErrorCode.RequestError) {
    const cause = err.original?.cause?.code ?? err.original?.code;
    if (typeof cause === 'string' && NOT_SENT.has(cause)) {
      return { status: 'retry', afterMs: TRANSIENT_RETRY_MS, error: cause };
    }
  }
  return { unknown: e };
}
