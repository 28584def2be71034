// `npm run migrate`: applies the committed migrations to DATABASE_URL (or the default file).
import { redactUrl, resolveDatabaseUrl } from './database-url.ts';
import { applyMigrations, type MigrationReport } from './migrate.ts';

function describeReport(r: MigrationReport): string {
  const names = r.applied.length > 0 ? ` (${r.applied.join(', ')})` : '';
  return `migrations: applied ${r.applied.length}${names}, ${r.alreadyApplied.length} already applied — ${redactUrl(r.databaseUrl)}`;
}

try {
  console.log(describeReport(await applyMigrations(resolveDatabaseUrl())));
} catch (e) {
  console.error(`migrations: ${(e as Error).message}`);
  process.exitCode = 1;
}
