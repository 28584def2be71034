/**
 * Runs async operations one after another. The store has one SQLite connection and Prisma's
 * interactive transaction holds it across awaits: any other query issued meanwhile would run
 * INSIDE that transaction (and vanish with its rollback), so every operation takes its turn.
 */
export function serialQueue(): <T>(operation: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(operation: () => Promise<T>): Promise<T> => {
    const run = tail.then(operation, operation);
    tail = run.catch(() => undefined);
    return run;
  };
}
