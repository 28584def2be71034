// Slack retries an event it thinks was missed (X-Slack-Retry-Num) and Bolt does not dedupe: every
// event id is remembered in storage, so a retry is dropped even after a restart.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { CaseStore, Clock } from '../../../src/core/ports.ts';
import type { Logger } from '../../../src/log.ts';

export function dropRetriedEvents(
  store: CaseStore,
  clock: Clock,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (
      typeof eventId === 'string' &&
      !(await store.rememberInbound(`slack:event:${eventId}`, clock.now()))
    ) {
      logger.info('slack.duplicate_event', { event: eventId, retry: context.retryNum });
      return;
    }
    await next();
  };
}
