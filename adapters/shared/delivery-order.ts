// One delivery at a time per case in this process, so a case's messages and the cards redrawn after
// them (read, then written) keep their order. Different cases go on in parallel.

export type PerCase = <T>(caseId: string, work: () => Promise<T>) => Promise<T>;

export function oneAtATimePerCase(): PerCase {
  const queues = new Map<string, Promise<unknown>>();
  return (caseId, work) => {
    const previous = queues.get(caseId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(caseId, settled);
    void settled.then(() => {
      if (queues.get(caseId) === settled) queues.delete(caseId);
    });
    return run;
  };
}
