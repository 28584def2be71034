// "Deliver now" for tests and benchmarks that drive an adapter without the jobs. `coalesced`: like
// the jobs' deliverNow, at most one outbox pass at a time, and one more right after it when asked
// meanwhile, so passes never overlap (a card is never redrawn from an older state after a newer
// one). `deliverNowLike`: the whole of the jobs' deliverNow, the notices a command claimed at once
// first, then such a pass when asked.
import type { Case, ClaimedNotice } from '../../src/core/model.ts';
import { deliverClaimedAtOnce } from '../../src/jobs/outbox.ts';
import type { DeliverNow } from '../../src/platform/deliver-after-commands.ts';

export function coalesced(run: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again);
    })().finally(() => {
      running = null;
    });
    await running;
  };
}

export function deliverNowLike(
  options: Parameters<typeof deliverClaimedAtOnce>[0],
  pass: () => Promise<unknown>,
): DeliverNow {
  const passOnce = coalesced(pass);
  return async (sending: readonly ClaimedNotice[], pass: boolean, known?: Case) => {
    if (sending.length > 0) await deliverClaimedAtOnce(options, sending, known);
    if (pass) await passOnce();
  };
}
