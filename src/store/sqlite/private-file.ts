// The SQLite file is created readable by its owner only (0600), whatever the umask: it holds
// what customers wrote. SQLite gives the -wal and -shm files it creates beside it the main file's
// permissions, so creating the main file right is enough. An existing file keeps its mode (an
// operator may have chosen it).
import { closeSync, fchmodSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;

/** Creates `file` (and its directory) empty with mode 0600 unless it exists. */
export function createPrivateFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  let fd: number;
  try {
    // O_EXCL: an existing file is never opened here. (Opening and closing a file this process has
    // an SQLite connection on would drop that connection's POSIX locks.)
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE); // the umask may have taken bits off the mode asked for
  } finally {
    closeSync(fd);
  }
}
