// Slack retries an event it thinks was missed (X-Slack-Retry-Num) and Bolt does not dedupe: every
// event id is remembered in storage, so a retry is dropped even after a restart. An event that
// opens a case (`opensCase`) is remembered in the case's own transaction instead: its key is left
// in `context.inboundKey` for the intake, so the customer's acknowledgement waits for one commit,
// and an event whose case could not be written is not dropped when Slack retries it.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Clock, InboundLog } from '../../../src/core/index.ts';
import type { Logger } from '../../../src/platform/adapter.ts';

export function dropRetriedEvents(
  inbound: InboundLog,
  clock: Clock,
  logger: Logger,
  opensCase: (event: unknown) => boolean,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const { event_id: eventId, event } = body as { event_id?: unknown; event?: unknown };
    if (typeof eventId === 'string') {
      const key = `slack:event:${eventId}`;
      if (opensCase(event)) {
        context.inboundKey = key;
      } else if (!(await inbound.remember(key, clock.now()))) {
        logger.info('slack.duplicate_event', { event: eventId, retry: context.retryNum });
        return;
      }
    }
    await next();
  };
}
