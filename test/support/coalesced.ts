// "Deliver now" for tests and benchmarks that drive an adapter without the jobs: like the jobs'
// deliverNow, at most one outbox pass at a time, and one more right after it when asked meanwhile,
// so passes never overlap (a card is never redrawn from an older state after a newer one).
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
