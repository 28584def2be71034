// One bot per SQLite file (src/store/sqlite/writer-lock.ts), seen from real processes: a second
// copy on the same file is refused at start with a message naming the file and the holder's pid;
// the lock dies with its holder, kill -9 included; the files are created owner-only.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, openStore } from '../../src/store/open-store.ts';
import { seedCase } from '../support/case-factory.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOLDER = path.join(ROOT, 'test/fixtures/store-holder.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** Starting node with tsx takes a second or two; far more on a loaded machine. */
const START_TIMEOUT_MS = 30_000;

const dir = mkdtempSync(path.join(tmpdir(), 'writer-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let dirs = 0;
/** A fresh working directory; the database is `data/ladder.db` in it, as in production. */
const workdir = () => mkdtempSync(path.join(dir, `w${++dirs}-`));
const URL = 'file:./data/ladder.db';

interface Holder {
  child: ChildProcess;
  /** `ready <pid>` or `refused <json>`. */
  line: string;
  exitCode: Promise<number | null>;
}

const started: ChildProcess[] = [];
/** Kills the whole process group of every child this file started (also after a timeout). */
afterAll(() => {
  for (const child of started) killGroup(child);
});

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Starts a process that opens the store in `cwd` and waits for its first line. */
function startHolder(cwd: string, umask?: string): Promise<Holder> {
  const child = spawn(process.execPath, ['--import', TSX, HOLDER, URL, ...(umask ? [umask] : [])], {
    cwd,
    detached: true, // its own process group, killed whole
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const exitCode = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`no answer from the store holder within ${START_TIMEOUT_MS} ms: ${err}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('ready ') || l.startsWith('refused '));
      if (!line) return;
      clearTimeout(timer);
      resolve({ child, line, exitCode });
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    void exitCode.then((code) => {
      clearTimeout(timer);
      reject(new Error(`store holder exited ${code} before answering: ${err}`));
    });
  });
}

const refusal = (line: string) =>
  JSON.parse(line.slice('refused '.length)) as { name: string; message: string; file: string; pid: number };

const killHard = async (holder: Holder) => {
  killGroup(holder.child);
  await holder.exitCode;
};

describe('one bot per SQLite file', () => {
  it('refuses a second process on the same file, naming the file and the holder, until the holder is killed -9', async () => {
    const cwd = workdir();
    const first = await startHolder(cwd);
    try {
      expect(first.line).toBe(`ready ${first.child.pid}`);
      const second = await startHolder(cwd);
      expect(await second.exitCode).toBe(3);
      expect(refusal(second.line)).toEqual({
        name: 'DatabaseLockedError',
        file: 'data/ladder.db',
        pid: first.child.pid,
        message: `another copy of the bot is already running on data/ladder.db (pid ${first.child.pid}); stop it, or give this one its own DATABASE_URL`,
      });
    } finally {
      await killHard(first);
    }
    // SIGKILL ran no clean-up: the OS dropped the lock with the process.
    const next = await startHolder(cwd);
    try {
      expect(next.line).toBe(`ready ${next.child.pid}`);
    } finally {
      await killHard(next);
    }
  }, 120_000);

  it('refuses a second store in the process holding the file, and keeps holding it', async () => {
    const url = `file:${path.join(workdir(), 'ladder.db')}`;
    const store = await openStore({ databaseUrl: url });
    try {
      const refused = await openStore({ databaseUrl: url }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DatabaseLockedError);
      expect(refused).toMatchObject({ code: 'database_locked', pid: process.pid });
      await seedCase(store); // the first store still works
    } finally {
      await store.close();
    }
    // Closing the store let go of the file.
    const again = await openStore({ databaseUrl: url });
    await again.close();
  });

  it('lets a process that opts out (singleWriter: false) open the file beside the bot', async () => {
    const url = `file:${path.join(workdir(), 'ladder.db')}`;
    const bot = await openStore({ databaseUrl: url });
    const command = await openStore({ databaseUrl: url, singleWriter: false });
    try {
      const c = await seedCase(command);
      expect((await bot.cases.getCase(c.id))?.id).toBe(c.id);
    } finally {
      await command.close();
      await bot.close();
    }
  });

  it('creates the database, its WAL and shared memory, and the lock file owner-only (0600), even with umask 000', async () => {
    const cwd = workdir();
    const holder = await startHolder(cwd, '000');
    try {
      expect(holder.line).toBe(`ready ${holder.child.pid}`);
      const data = path.join(cwd, 'data');
      const modes = Object.fromEntries(
        ['ladder.db', 'ladder.db-wal', 'ladder.db-shm', 'ladder.db-lock'].map((name) => [
          name,
          (statSync(path.join(data, name)).mode & 0o777).toString(8),
        ]),
      );
      expect(modes).toEqual({
        'ladder.db': '600',
        'ladder.db-wal': '600',
        'ladder.db-shm': '600',
        'ladder.db-lock': '600',
      });
    } finally {
      await killHard(holder);
    }
  }, 60_000);
});
