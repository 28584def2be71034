// Environment variables the app reads, with their defaults. .env.example documents each one. A
// `.env` file in the working directory is loaded first when there is one (without a word when
// there is none).
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { LOG_LEVELS, type LogLevel } from './log.ts';

export interface Env {
  databaseUrl: string | undefined;
  configPath: string;
  /** Whether configPath fell back to the committed example. */
  usingExampleConfig: boolean;
  replicaId: string;
  logLevel: LogLevel;
  /** Unset: pretty on a terminal, JSON otherwise. */
  logFormat: 'json' | 'pretty' | undefined;
  /** The ops server (/metrics, /healthz, /readyz). */
  metrics: { host: string; port: number };
  /** The web console (src/console), or null when CONSOLE_PORT is not set. */
  console: ConsoleSettings | null;
}

export interface ConsoleSettings {
  host: string;
  port: number;
  /** What the sign-in form takes. */
  token: string;
  /** Signs sessions and one-time links: CONSOLE_SECRET, else the token. */
  secret: string;
  /** The address supervisors' browsers reach, for one-time links; unset: the server's own URL. */
  publicUrl: string | undefined;
}

/** A shorter token or secret could be guessed; 32 characters of `openssl rand -hex 16` are not. */
export const MIN_CONSOLE_SECRET_LENGTH = 32;

export const DEFAULT_CONFIG = 'config/support.yaml';
export const EXAMPLE_CONFIG = 'config/support.example.yaml';
export const DEFAULT_METRICS_PORT = 9464;

/** A variable set to something the app cannot use: the message names it and what would do. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/** Loads `.env` from the working directory into process.env, if the file exists. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const explicit = env.SUPPORT_CONFIG?.trim();
  const configPath = explicit || (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : EXAMPLE_CONFIG);
  const level = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(level as LogLevel))
    throw new EnvError(`LOG_LEVEL="${env.LOG_LEVEL}" is not a level: use one of ${LOG_LEVELS.join(', ')}`);
  const format = env.LOG_FORMAT?.trim().toLowerCase() || undefined;
  if (format !== undefined && format !== 'json' && format !== 'pretty')
    throw new EnvError(`LOG_FORMAT="${env.LOG_FORMAT}" is not a format: use json or pretty`);
  const portText = env.METRICS_PORT?.trim() || String(DEFAULT_METRICS_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    throw new EnvError(`METRICS_PORT="${env.METRICS_PORT}" is not a port number (0-65535)`);
  return {
    console: readConsole(env),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    configPath,
    usingExampleConfig: !explicit && configPath === EXAMPLE_CONFIG,
    replicaId: env.REPLICA_ID?.trim() || `${hostname()}:${process.pid}`,
    logLevel: level as LogLevel,
    logFormat: format,
    metrics: { host: env.METRICS_HOST?.trim() || '127.0.0.1', port },
  };
}

function readConsole(env: NodeJS.ProcessEnv): ConsoleSettings | null {
  const portText = env.CONSOLE_PORT?.trim();
  if (!portText) return null;
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    throw new EnvError(`CONSOLE_PORT="${env.CONSOLE_PORT}" is not a port number (0-65535)`);
  const token = env.CONSOLE_TOKEN?.trim() ?? '';
  if (token.length < MIN_CONSOLE_SECRET_LENGTH)
    throw new EnvError(
      `CONSOLE_TOKEN must be set to a secret of at least ${MIN_CONSOLE_SECRET_LENGTH} characters when CONSOLE_PORT is set (e.g. the output of: openssl rand -hex 24)`,
    );
  const secret = env.CONSOLE_SECRET?.trim() || undefined;
  if (secret !== undefined && secret.length < MIN_CONSOLE_SECRET_LENGTH)
    throw new EnvError(
      `CONSOLE_SECRET must be at least ${MIN_CONSOLE_SECRET_LENGTH} characters (or unset: the token is used)`,
    );
  const publicUrl = env.CONSOLE_PUBLIC_URL?.trim() || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(publicUrl))
    throw new EnvError(
      `CONSOLE_PUBLIC_URL="${publicUrl}" is not an http(s) address, e.g. https://support.example.com`,
    );
  return { host: env.CONSOLE_HOST?.trim() || '127.0.0.1', port, token, secret: secret ?? token, publicUrl };
}
