// The app's logs: JSON lines from pino at the chosen level, with secrets and (below debug) what
// people wrote redacted; the test loggers keep the `level event k=v` form.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel, lineLogger, redact } from '../../src/log.ts';

function capture(level: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level, format: 'json', destination }), lines };
}

describe('createLogger', () => {
  it('writes one JSON object per event, with its level, time and fields', () => {
    const { logger, lines } = capture('info');
    logger.info('sweep', { claimed: 3, ms: 12 });
    logger.error('outbox.parked', { notice: 'n1' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', event: 'sweep', claimed: 3, ms: 12 });
    expect(typeof lines[0]?.time).toBe('string');
    expect(lines[1]).toMatchObject({ level: 'error', event: 'outbox.parked' });
  });

  it('drops events below the level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    expect(lines.map((l) => l.event)).toEqual(['c']);
  });

  it('never logs tokens or secrets, and keeps message bodies out below debug', () => {
    const info = capture('info');
    info.logger.info('x', {
      botToken: 'xoxb-123',
      signingSecret: 's',
      text: 'my password is hunter2',
      case: 'c1',
    });
    expect(info.lines[0]).toMatchObject({
      botToken: '[redacted]',
      signingSecret: '[redacted]',
      text: '[redacted]',
      case: 'c1',
    });
    const debug = capture('debug');
    debug.logger.debug('x', { token: 'xoxb-123', words: 'My invoice is wrong' });
    expect(debug.lines[0]).toMatchObject({ token: '[redacted]', words: 'My invoice is wrong' });
  });

  it('hides credentials inside URLs in any field', () => {
    expect(
      redact(
        { database: 'postgresql://app:secret@db:5432/x', error: 'connect to https://u:p@h failed' },
        'info',
      ),
    ).toEqual({
      database: 'postgresql://***@db:5432/x',
      error: 'connect to https://***@h failed',
    });
  });
});

describe('lineLogger', () => {
  it('writes `time level event k=v` lines and quotes values with spaces', () => {
    const lines: string[] = [];
    const logger = lineLogger((l) => lines.push(l), 'info');
    logger.debug('hidden');
    logger.warn('slack.refused', { user: 'U1', text: 'two words' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S+ warn slack\.refused user=U1 text="two words"$/);
  });
});
