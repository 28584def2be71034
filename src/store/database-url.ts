// Which database the app talks to, from an explicit option or DATABASE_URL.
import path from 'node:path';

/** Relative to the process's working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/ladder.db';

export type DatabaseKind = 'sqlite' | 'postgresql';

export function resolveDatabaseUrl(
  explicit?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const fromEnv = env.DATABASE_URL?.trim();
  return explicit ?? (fromEnv ? fromEnv : DEFAULT_DATABASE_URL);
}

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgresql://') || url.startsWith('postgres://')) return 'postgresql';
  throw new Error(`Unsupported DATABASE_URL "${url}": use file:<path> (SQLite) or postgresql://...`);
}

/** The SQLite file a `file:` URL names, resolved against `cwd`. Query parameters are ignored. */
export function sqliteFilePath(url: string, cwd: string = process.cwd()): string {
  if (!url.startsWith('file:')) throw new Error(`Not a SQLite URL (expected file:<path>): "${url}"`);
  const withoutQuery = url.slice('file:'.length).split('?')[0] ?? '';
  // `file:///abs/path` and `file:/abs/path` are absolute; `file:./x.db` and `file:x.db` are relative.
  const raw = withoutQuery.startsWith('//') ? withoutQuery.slice(2) : withoutQuery;
  if (raw === '' || raw === ':memory:') {
    throw new Error(`SQLite URL "${url}" names no file: every connection needs the same file`);
  }
  return path.resolve(cwd, raw);
}

/** The URL with any password hidden, for logs: `postgresql://app:***@db/ladder`. */
export const redactUrl = (url: string): string => url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1:***@');
