// Logs. The app logs with pino: one JSON object per line on stdout (`{"level":"info","time":…,
// "event":"sweep","claimed":3,…}`), or readable lines when a terminal is attached or
// LOG_FORMAT=pretty. LOG_LEVEL picks the threshold (debug, info, warn, error; default info).
// Tokens, secrets and credentials inside URLs are always redacted; the words people write (message
// bodies, names of the fields below) are redacted unless LOG_LEVEL=debug.
// Tests and the demo use lineLogger/memoryLogger: the same Logger, as `level event k=v` lines.
import pino, { type DestinationStream } from 'pino';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Fields that carry a secret: never logged, whatever the level. */
const SECRET_FIELD = /token|secret|password|passwd|authorization|cookie|api[-_]?key/i;
/** Fields that carry what people wrote: logged only at debug. */
const BODY_FIELDS = new Set([
  'text',
  'words',
  'summary',
  'comment',
  'note',
  'apology',
  'plan',
  'body',
  'content',
]);
/** `scheme://user:password@host` → `scheme://***@host`. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi;

export function redact(fields: LogFields, level: LogLevel): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (SECRET_FIELD.test(key)) out[key] = '[redacted]';
    else if (BODY_FIELDS.has(key) && level !== 'debug') out[key] = '[redacted]';
    else out[key] = typeof value === 'string' ? value.replace(URL_CREDENTIALS, '$1***@') : value;
  }
  return out;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** `pretty` when a terminal is attached, else `json`, unless said here. */
  format?: 'json' | 'pretty';
  /** Where JSON lines go (default stdout); tests pass a stream. */
  destination?: DestinationStream;
}

/** The app's logger, on pino. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const format = options.format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  const base = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    format === 'pretty' && !options.destination
      ? pino.transport({
          target: 'pino-pretty',
          options: { messageKey: 'event', translateTime: 'SYS:HH:MM:ss' },
        })
      : // Synchronous: a line logged just before the process exits is not lost.
        (options.destination ?? pino.destination({ dest: 1, sync: true })),
  );
  const emit =
    (at: LogLevel) =>
    (event: string, fields: LogFields = {}) =>
      base[at]({ event, ...redact(fields, level) });
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger writing `ISO level event k=v` lines (tests, fixtures, the demo). */
export function lineLogger(write: (line: string) => void, level: LogLevel = 'debug'): Logger {
  const format = (value: LogFields[string]) => {
    const text = String(value);
    return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
  };
  const threshold = LOG_LEVELS.indexOf(level);
  const emit =
    (at: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (LOG_LEVELS.indexOf(at) < threshold) return;
      const pairs = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${format(v)}`);
      write([new Date().toISOString(), at, event, ...pairs].join(' '));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** For tests and the demo: keeps lines (without their time) in memory. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = lineLogger((line) => lines.push(line.replace(/^\S+ /, '')), 'info');
  return Object.assign(logger, { lines });
}
