// A postgresql:// URL -> the pg pool settings and the schema the app's tables live in. Two query
// parameters follow Prisma's conventions: `schema` (default public) and `connection_limit` (pool
// size, default 10); they are taken out before the URL reaches pg.
import type { PoolConfig } from 'pg';

export interface PostgresConnection {
  pool: PoolConfig;
  schema: string;
}

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEFAULT_POOL_SIZE = 10;

export function postgresConnection(url: string): PostgresConnection {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SIMPLE_NAME.test(schema)) {
    throw new Error(`DATABASE_URL schema "${schema}": use letters, digits and underscores only`);
  }
  const limit = Number(parsed.searchParams.get('connection_limit') ?? DEFAULT_POOL_SIZE);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`DATABASE_URL connection_limit must be a positive whole number`);
  }
  parsed.searchParams.delete('schema');
  parsed.searchParams.delete('connection_limit');
  return {
    schema,
    // Raw statements name tables without a schema: search_path points them at the app's schema.
    pool: { connectionString: parsed.toString(), max: limit, options: `-c search_path=${schema}` },
  };
}
