// Environment variables the app reads, with their defaults. .env.example documents each one.
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';

export interface Env {
  databaseUrl: string | undefined;
  configPath: string;
  /** Whether configPath fell back to the committed example. */
  usingExampleConfig: boolean;
  replicaId: string;
}

export const DEFAULT_CONFIG = 'config/support.yaml';
export const EXAMPLE_CONFIG = 'config/support.example.yaml';

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const explicit = env.SUPPORT_CONFIG?.trim();
  const configPath = explicit || (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : EXAMPLE_CONFIG);
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    configPath,
    usingExampleConfig: !explicit && configPath === EXAMPLE_CONFIG,
    replicaId: env.REPLICA_ID?.trim() || `${hostname()}:${process.pid}`,
  };
}
