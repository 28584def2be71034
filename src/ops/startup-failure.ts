// What stops the bot at start, as one plain line naming the variable or file and what to do, and
// an exit code a process manager can act on (the README lists them). Network errors are never
// blamed on a token: only an answer from the platform saying the token is bad is.
export const EXIT = {
  /** EX_SOFTWARE: anything not foreseen below (the line says what; LOG_LEVEL=debug shows the stack). */
  unexpected: 70,
  /** EX_UNAVAILABLE: the database or a chat platform cannot be reached. */
  unavailable: 69,
  /** EX_CANTCREAT: the SQLite file or its folder cannot be created or written. */
  cannotCreate: 73,
  /** EX_TEMPFAIL: another copy of the bot holds the SQLite file. */
  locked: 75,
  /** EX_NOPERM: a platform or the database refused the credentials it was given. */
  refused: 77,
  /** EX_CONFIG: the config file or an environment variable is wrong. */
  config: 78,
} as const;

export interface StartupFailure {
  code: number;
  message: string;
}

/** Where the bot was when it failed: the database, a platform, or one of its own servers. */
export type StartupPhase = 'database' | 'slack' | 'discord' | 'ops' | 'console';

const NETWORK = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string | number;
  hostname?: string;
  address?: string;
  port?: number;
  data?: { error?: string };
  errors?: ErrorLike[];
  cause?: ErrorLike;
  /** Slack's Web API client keeps the network error it wraps here. */
  original?: ErrorLike;
}

/** The first network error code in an error, its cause or an AggregateError's parts. */
function networkCode(e: ErrorLike | undefined, depth = 0): string | undefined {
  if (!e || depth > 4) return undefined;
  if (typeof e.code === 'string' && NETWORK.has(e.code)) return e.code;
  // A request that gave up (a busy machine, a slow network): fetch's and undici's timeouts.
  if (e.name === 'TimeoutError' || e.code === 'UND_ERR_CONNECT_TIMEOUT') return 'timed out';
  const inMessage =
    /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b/.exec(
      e.message ?? '',
    )?.[1];
  if (inMessage) return inMessage;
  for (const part of e.errors ?? []) {
    const found = networkCode(part, depth + 1);
    if (found) return found;
  }
  return networkCode(e.cause, depth + 1) ?? networkCode(e.original, depth + 1);
}

const where = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return 'the server';
  }
};

export function describeStartupFailure(
  error: unknown,
  phase: StartupPhase,
  databaseUrl = '',
): StartupFailure {
  const e = (error ?? {}) as ErrorLike;
  const message = e.message ?? String(error);
  const net = networkCode(e);
  if (phase === 'database') {
    if (e.name === 'DatabaseLockedError') return { code: EXIT.locked, message };
    if (databaseUrl.startsWith('file:')) {
      if (
        /EACCES|EROFS|ENOENT|ENOTDIR|EEXIST|EPERM|SQLITE_CANTOPEN|SQLITE_READONLY|unable to open|readonly/i.test(
          `${e.code} ${message}`,
        )
      )
        return {
          code: EXIT.cannotCreate,
          message: `Cannot create or write the SQLite database of DATABASE_URL (${databaseUrl}): ${message}. Point DATABASE_URL at a file in a folder this user may write, e.g. file:./data/ladder.db.`,
        };
    } else {
      if (net)
        return {
          code: EXIT.unavailable,
          message: `PostgreSQL at ${where(databaseUrl)} (DATABASE_URL) cannot be reached (${net}). Is the server running and the address right?`,
        };
      if (e.code === '3D000')
        return {
          code: EXIT.unavailable,
          message: `The database named in DATABASE_URL does not exist on ${where(databaseUrl)}: ${message}. Create it (createdb …) or fix the name.`,
        };
      if (e.code === '28P01' || e.code === '28000')
        return {
          code: EXIT.refused,
          message: `PostgreSQL at ${where(databaseUrl)} refused the user or password in DATABASE_URL: ${message}.`,
        };
    }
    return { code: EXIT.unexpected, message: `The database (DATABASE_URL) failed at start: ${message}` };
  }
  if (phase === 'slack' || phase === 'discord') {
    const name = phase === 'slack' ? 'Slack' : 'Discord';
    const token = phase === 'slack' ? 'SLACK_BOT_TOKEN (or SLACK_APP_TOKEN)' : 'DISCORD_TOKEN';
    // Slack's client wraps a failed request ("fetch failed"); the reason sits in its cause.
    const requestFailed = e.code === 'slack_webapi_request_error';
    const reason =
      net ?? (requestFailed ? (e.original?.cause?.message ?? e.original?.message ?? message) : undefined);
    if (reason)
      return {
        code: EXIT.unavailable,
        message: `${name} cannot be reached (${reason}${e.hostname ? ` ${e.hostname}` : ''}): check the network, a proxy or the firewall. The token was not checked.`,
      };
    const refused =
      /invalid_auth|not_authed|token_revoked|account_inactive|invalid_token|TokenInvalid|An invalid token was provided|401/i.test(
        `${e.code ?? ''} ${e.data?.error ?? ''} ${message}`,
      );
    if (refused)
      return {
        code: EXIT.refused,
        message: `${name} refused the token in ${token} (${e.data?.error ?? e.code ?? message}). Copy it again from the app's settings.`,
      };
    return { code: EXIT.unexpected, message: `${name} failed at start: ${message}` };
  }
  if (phase === 'console') {
    if (e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL' || e.code === 'EACCES')
      return {
        code: EXIT.config,
        message: `The web console cannot listen on ${e.address ?? ''}:${e.port ?? ''} (${e.code}): set CONSOLE_PORT to a free port (or another CONSOLE_HOST).`,
      };
    return { code: EXIT.unexpected, message: `The web console failed at start: ${message}` };
  }
  if (e.code === 'EADDRINUSE')
    return {
      code: EXIT.config,
      message: `The ops server's port is taken (${e.address ?? ''}:${e.port ?? ''}): set METRICS_PORT to a free port (or another METRICS_HOST).`,
    };
  return { code: EXIT.unexpected, message: `The ops server failed at start: ${message}` };
}
