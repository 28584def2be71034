// The start-up failure line and exit code for errors the platforms' clients throw: a refused
// connection and a request that timed out are both "cannot be reached" (69), never "unexpected".
import { describe, expect, it } from 'vitest';
import { describeStartupFailure, EXIT } from '../../src/ops/startup-failure.ts';

describe('describeStartupFailure for the chat platforms', () => {
  const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
    name: 'TimeoutError',
  });
  const connectTimeout = Object.assign(new Error('fetch failed'), {
    cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
  });
  const refused = Object.assign(new Error('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
  });

  it.each([
    ['a refused connection', refused, 'ECONNREFUSED'],
    ['a request that timed out', timeout, 'timed out'],
    ['a connection that timed out', connectTimeout, 'timed out'],
  ])('%s is "cannot be reached" (69)', (_what, error, reason) => {
    const failure = describeStartupFailure(error, 'discord');
    expect(failure.code).toBe(EXIT.unavailable);
    expect(failure.message).toContain(`Discord cannot be reached (${reason}`);
  });

  it('anything else stays unexpected (70) and says what happened', () => {
    const failure = describeStartupFailure(new Error('something odd'), 'slack');
    expect(failure.code).toBe(EXIT.unexpected);
    expect(failure.message).toBe('Slack failed at start: something odd');
  });
});
