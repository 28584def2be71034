// "Deliver now" after every desk command that wrote notices: a desk whose commands, once they
// have committed, hand the outbox at once the notices they already claimed for this replica (a new
// case's, see DeskDeps.sendAtOnce) and ask for a pass when some were left for it (paced and
// coalesced by the jobs), so an acknowledgement does not wait for the next tick. Reads and
// commands without notices pass through untouched; a command's result and errors are its own.
import type { Desk } from '../core/desk.ts';
import type { Case, ClaimedNotice } from '../core/model.ts';
import type { Logger } from '../log.ts';

interface Written {
  case?: Case;
  notices: readonly unknown[];
  sending?: readonly ClaimedNotice[];
}

const wroteNotices = (result: unknown): result is Written => {
  const notices = (result as Partial<Written> | null)?.notices;
  return Array.isArray(notices) && notices.length > 0;
};

/**
 * Delivers `sending` (claimed, their send started; `known`: their case as the command wrote it)
 * right away, then, when `pass` is true, runs an outbox pass for the notices left pending.
 */
export type DeliverNow = (sending: readonly ClaimedNotice[], pass: boolean, known?: Case) => Promise<unknown>;

export function deliverAfterCommands(desk: Desk, deliverNow: DeliverNow, logger: Logger): Desk {
  const ask = ({ case: known, notices, sending = [] }: Written) =>
    void deliverNow(sending, sending.length < notices.length, known).catch((e: unknown) =>
      logger.error('outbox.deliver_now_failed', { error: e instanceof Error ? e.message : String(e) }),
    );
  return new Proxy(desk, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        if (wroteNotices(result)) ask(result);
        return result;
      };
    },
  });
}
