// "Deliver now" after every desk command that wrote notices: a desk whose commands, once they
// have committed, ask the outbox for a pass at once (paced and coalesced by the jobs), so an
// acknowledgement does not wait for the next tick. Reads and commands without notices pass
// through untouched; a command's result and errors are its own.
import type { Desk } from '../core/desk.ts';
import type { Logger } from '../log.ts';

const wroteNotices = (result: unknown): boolean => {
  const notices = (result as { notices?: unknown } | null)?.notices;
  return Array.isArray(notices) && notices.length > 0;
};

export function deliverAfterCommands(desk: Desk, deliverNow: () => Promise<unknown>, logger: Logger): Desk {
  const ask = () =>
    void deliverNow().catch((e: unknown) =>
      logger.error('outbox.deliver_now_failed', { error: e instanceof Error ? e.message : String(e) }),
    );
  return new Proxy(desk, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        if (wroteNotices(result)) ask();
        return result;
      };
    },
  });
}
