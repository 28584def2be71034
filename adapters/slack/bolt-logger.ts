// Bolt and the Web API client log through the app's logger, one line per message, debug dropped.
import { type Logger as SlackLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/platform/adapter.ts';

export function boltLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) =>
    parts
      .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
      .join(' ');
  return {
    debug: () => {},
    info: (...parts) => logger.info('slack.sdk', { message: text(parts) }),
    warn: (...parts) => logger.warn('slack.sdk', { message: text(parts) }),
    error: (...parts) => logger.error('slack.sdk', { message: text(parts) }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
