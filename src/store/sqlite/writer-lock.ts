// One bot per SQLite file. Two copies of the bot on one file each sweep and send, and the file's
// locks fence their database writes but not their platform calls: messages go out twice. So the
// bot takes a lock for its whole life, in a small SQLite database beside the file (`<db>-lock`)
// opened in exclusive locking mode: SQLite's POSIX locks belong to the process and the OS drops
// them when it ends, however it ends (kill -9 included), so a lock is never left behind.
//
// The holder writes its pid into the lock database's header (user_version, bytes 60-63), which
// another process can read with a plain file read while the lock is held: SQLite locks bytes far
// past the header, and POSIX locks are advisory.
import { openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile } from './private-file.ts';

/** Thrown at start when another process already runs the bot on the same SQLite file. */
export class DatabaseLockedError extends Error {
  readonly code = 'database_locked' as const;

  constructor(
    /** The database file, as shown in the message (relative to the working directory when inside it). */
    readonly file: string,
    /** The process holding the file, when it could be read. */
    readonly pid: number | null,
  ) {
    super(
      `another copy of the bot is already running on ${file}${pid === null ? '' : ` (pid ${pid})`}; ` +
        'stop it, or give this one its own DATABASE_URL',
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface WriterLock {
  /** Lets the next process in (the store's close calls it); once only. */
  release(): void;
}

/** Lock files this process holds: a second open in the same process is refused without touching them. */
const held = new Set<string>();

/** Takes the lock of `dbFile` for this process, or throws DatabaseLockedError at once. */
export function acquireWriterLock(dbFile: string): WriterLock {
  const lockFile = `${dbFile}-lock`;
  const shown = shownPath(dbFile);
  // Reading the holder's pid opens the lock file: in the holding process that would drop its lock.
  if (held.has(lockFile)) throw new DatabaseLockedError(shown, process.pid);
  createPrivateFile(lockFile);
  const db = new Database(lockFile, { timeout: 0 });
  try {
    // Exclusive locking mode: the lock taken by the first write is kept until the connection closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    db.pragma(`user_version = ${process.pid}`);
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new DatabaseLockedError(shown, holderPid(lockFile));
    }
    throw error;
  }
  held.add(lockFile);
  return {
    release() {
      if (!held.delete(lockFile)) return;
      db.close();
    },
  };
}

/** The pid the holder wrote into the lock database's header (user_version), if readable. */
function holderPid(lockFile: string): number | null {
  const header = Buffer.alloc(4);
  let fd: number | null = null;
  try {
    fd = openSync(lockFile, 'r');
    if (readSync(fd, header, 0, 4, 60) < 4) return null;
    const pid = header.readInt32BE(0);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** `data/ladder.db` for a file under the working directory, else the absolute path. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
