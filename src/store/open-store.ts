// Opens the app's CaseStore: resolves the URL, applies committed migrations, connects.
import type { CaseStore } from '../core/ports.ts';
import { databaseKind, resolveDatabaseUrl } from './database-url.ts';
import { applyMigrations } from './migrate.ts';
import { openSqliteStore } from './prisma-store.ts';

export interface OpenStoreOptions {
  /** Defaults to DATABASE_URL, else `file:./data/ladder.db`. */
  databaseUrl?: string;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<CaseStore> {
  const url = resolveDatabaseUrl(options.databaseUrl);
  if (databaseKind(url) === 'postgresql') {
    throw new Error('PostgreSQL support arrives with issue 5; use a file: URL (SQLite) for now');
  }
  await applyMigrations(url);
  return openSqliteStore(url);
}
