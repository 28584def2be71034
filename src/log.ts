// A tiny structured logger: one line per event, `level event key=value ...`, to stderr.
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const format = (value: LogFields[string]) => {
  const text = String(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
};

export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) => {
    const pairs = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${format(v)}`);
    write([new Date().toISOString(), level, event, ...pairs].join(' '));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** For tests and the demo: keeps lines in memory. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line.replace(/^\S+ /, '')));
  return Object.assign(logger, { lines });
}
