// Opens the app's store: resolves the URL, applies committed migrations, connects. A
// `file:` URL is SQLite, a `postgresql://` URL is PostgreSQL; nothing else changes. Each provider's
// modules (its Prisma client, driver and adapter) load only when that provider is used.
import type { InspectableStore } from './store.ts';
import { databaseKind, resolveDatabaseUrl } from './database-url.ts';
import { applyMigrations } from './migrate.ts';

export interface OpenStoreOptions {
  /** Defaults to DATABASE_URL, else `file:./data/ladder.db`. */
  databaseUrl?: string;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<InspectableStore> {
  const url = resolveDatabaseUrl(options.databaseUrl);
  await applyMigrations(url);
  if (databaseKind(url) === 'postgresql') {
    const { openPostgresStore } = await import('./postgres/open-postgres-store.ts');
    return openPostgresStore(url);
  }
  const { openSqliteStore } = await import('./sqlite/open-sqlite-store.ts');
  return openSqliteStore(url);
}
