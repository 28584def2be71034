// Coalesces "deliver now" requests: at most one outbox run at a time, and one more after it when
// new notices were written meanwhile. The outbox stays the only path a notice takes to Slack.
import type { Logger } from '../../src/log.ts';

export function dispatchSoon(run: (() => Promise<unknown>) | undefined, logger: Logger): () => void {
  let running = false;
  let again = false;
  return () => {
    if (!run) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      do {
        again = false;
        try {
          await run();
        } catch (e) {
          logger.error('slack.dispatch_failed', { error: e instanceof Error ? e.message : String(e) });
        }
      } while (again);
      running = false;
    })();
  };
}
