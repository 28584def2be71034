// The bot as a separate process, in its own process group so the whole group is killed after the
// test (npm, its shell and node), also when the test times out. Output is kept for assertions;
// log lines are JSON (pino) and can be read back as objects.
import { type ChildProcess, spawn } from 'node:child_process';

export interface BotProcess {
  child: ChildProcess;
  /** Resolves when the output so far satisfies `ready`; rejects if the process exits first. */
  started: Promise<void>;
  exited: Promise<number | null>;
  output(): string;
  stderr(): string;
  /** The JSON log lines written so far. */
  logs(): Record<string, unknown>[];
  /** SIGKILL to the whole process group (safe to call twice, or after it exited). */
  kill(): void;
}

export function spawnBot(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready?: (logs: Record<string, unknown>[]) => boolean },
): BotProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
  let output = '';
  let errors = '';
  const logs = (): Record<string, unknown>[] =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (options.ready?.(logs())) resolve();
    };
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      check();
    });
    child.stderr?.on('data', (d: Buffer) => {
      errors += d.toString();
      output += d.toString();
    });
    void exited.then((code) => reject(new Error(`exited ${code} before ready:\n${output}`)));
  });
  started.catch(() => {});
  return {
    child,
    started,
    exited,
    output: () => output,
    stderr: () => errors,
    logs,
    kill() {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

/** True once a log line with this event (and these fields) was written. */
export const logged =
  (event: string, fields: Record<string, unknown> = {}) =>
  (logs: Record<string, unknown>[]): boolean =>
    logs.some((l) => l.event === event && Object.entries(fields).every(([k, v]) => l[k] === v));
