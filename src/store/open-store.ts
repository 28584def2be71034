// Opens the app's store: resolves the URL, applies committed migrations, connects. A
// `file:` URL is SQLite, a `postgresql://` URL is PostgreSQL; nothing else changes. Each provider's
// modules (its Prisma client, driver and adapter) load only when that provider is used.
import type { InspectableStore } from './store.ts';
import { databaseKind, resolveDatabaseUrl, sqliteFilePath } from './database-url.ts';
import { applyMigrations } from './migrate.ts';
import { createPrivateFile } from './sqlite/private-file.ts';
import { acquireWriterLock } from './sqlite/writer-lock.ts';

export { DatabaseLockedError } from './sqlite/writer-lock.ts';

export interface OpenStoreOptions {
  /** Defaults to DATABASE_URL, else `file:./data/ladder.db`. */
  databaseUrl?: string;
  /**
   * SQLite: take the file's writer lock for the store's life, so a second copy of the bot on the
   * same file is refused at start with DatabaseLockedError (see sqlite/writer-lock.ts). Default
   * true; false only for a process that neither sweeps nor sends (a one-off command) and for tests
   * that open one file from several processes on purpose. PostgreSQL ignores it: replicas share it.
   */
  singleWriter?: boolean;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<InspectableStore> {
  const url = resolveDatabaseUrl(options.databaseUrl);
  if (isSqlite(url)) return openSqlite(url, options.singleWriter ?? true);
  await applyMigrations(url); // refuses, naming it, a URL that is neither SQLite nor PostgreSQL
  const { openPostgresStore } = await import('./postgres/open-postgres-store.ts');
  return openPostgresStore(url);
}

const isSqlite = (url: string): boolean => {
  try {
    return databaseKind(url) === 'sqlite';
  } catch {
    return false;
  }
};

/** The lock comes first: a refused copy does not even migrate. The store's close releases it. */
async function openSqlite(url: string, singleWriter: boolean): Promise<InspectableStore> {
  const file = sqliteFilePath(url);
  createPrivateFile(file);
  const lock = singleWriter ? acquireWriterLock(file) : null;
  try {
    await applyMigrations(url);
    const { openSqliteStore } = await import('./sqlite/open-sqlite-store.ts');
    const store = await openSqliteStore(url);
    if (!lock) return store;
    return {
      ...store,
      close: async () => {
        try {
          await store.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
