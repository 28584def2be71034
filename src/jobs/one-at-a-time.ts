// A job that never runs twice at once in this process: a call while it runs asks for one more run
// right after (so work written meanwhile is not left for the next tick), and nothing starts once
// the signal is aborted. A failed run is logged as `<name>.failed`.
import type { Logger } from '../log.ts';

export interface OneAtATime {
  /** Runs the job now, or once more after the run in flight (then resolves at once). */
  run(): Promise<void>;
  /** Whether a run is in flight. */
  readonly busy: boolean;
  /** Resolves when no run is in flight (nor asked for). */
  settled(): Promise<void>;
}

export function oneAtATime(
  name: string,
  job: () => Promise<void>,
  options: { signal: AbortSignal; logger: Logger },
): OneAtATime {
  let running: Promise<void> | null = null;
  let again = false;
  const start = (): Promise<void> => {
    const current = job()
      .catch((e: unknown) =>
        options.logger.error(`${name}.failed`, { error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        running = null;
        if (again && !options.signal.aborted) {
          again = false;
          void start();
        }
      });
    running = current;
    return current;
  };
  return {
    async run() {
      if (options.signal.aborted) return;
      if (running) {
        again = true;
        return;
      }
      await start();
    },
    get busy() {
      return running !== null;
    },
    async settled() {
      while (running) await running;
    },
  };
}
