// Applies the committed migrations of the database DATABASE_URL names: SQLite (prisma/sqlite) or
// PostgreSQL (prisma/postgres). `npm run migrate` and every start-up call this; it is safe when
// several processes run it at once.
import { databaseKind } from './database-url.ts';
import { type ApplyOptions, MigrationError, type MigrationReport } from './migration-files.ts';

export {
  type ApplyOptions,
  MigrationError,
  type MigrationErrorCode,
  type MigrationFile,
  type MigrationReport,
  POSTGRES_MIGRATIONS_DIR,
  readMigrations,
  SQLITE_MIGRATIONS_DIR,
} from './migration-files.ts';

export async function applyMigrations(
  databaseUrl: string,
  options: ApplyOptions = {},
): Promise<MigrationReport> {
  let kind: ReturnType<typeof databaseKind>;
  try {
    kind = databaseKind(databaseUrl);
  } catch (e) {
    throw new MigrationError('unsupported_database', (e as Error).message);
  }
  // Each provider's driver loads only when it is used.
  if (kind === 'postgresql') {
    const { applyPostgresMigrations } = await import('./postgres/migrate-postgres.ts');
    return applyPostgresMigrations(databaseUrl, options);
  }
  const { applySqliteMigrations } = await import('./sqlite/migrate-sqlite.ts');
  return applySqliteMigrations(databaseUrl, options);
}
