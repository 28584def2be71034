// Starting without the bot's ids asks Slack who the bot is (auth.test); a refused token stops the
// start with a message naming the variable to check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { createDesk } from '../../../src/core/desk.ts';
import { memoryLogger } from '../../../src/log.ts';
import { sinkRoutes } from '../../../src/platform/sink-routes.ts';
import { createMemoryStore } from '../../../src/store/memory-store.ts';
import { FakeSlack } from '../../fakes/slack/fake-slack.ts';
import { FakeClock, SequentialIds } from '../../support/fake-clock.ts';

describe('Slack adapter start', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await FakeSlack.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  function adapter() {
    const config = loadConfig('config/support.example.yaml');
    const store = createMemoryStore();
    const clock = new FakeClock('2026-11-23T08:00:00Z');
    const logger = memoryLogger();
    const desk = createDesk({
      store,
      clock,
      ids: new SequentialIds(),
      config: config.desk,
    });
    const options = { botToken: 'xoxb-1-2', signingSecret: 'secret', apiUrl: fake.apiUrl, port: 0 };
    return {
      slack: createSlackAdapter(
        {
          desk,
          sinks: sinkRoutes(store.cases),
          store,
          config,
          clock,
          logger,
        },
        options,
      ),
      logger,
    };
  }

  it('learns the bot’s ids from auth.test, listens, and stops cleanly (twice is fine)', async () => {
    const { slack, logger } = adapter();
    await slack.start();
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(slack.port).toBeGreaterThan(0);
    expect(
      logger.lines.some((l) => l.startsWith('info slack.started mode=http') && l.includes('bot=U0BOT0001')),
    ).toBe(true);
    await slack.stop();
    await slack.stop();
  });

  it('a refused token fails the start with a clear message', async () => {
    fake.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const { slack } = adapter();
    await expect(slack.start()).rejects.toThrow(
      'Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN',
    );
    expect(slack.port).toBeUndefined();
  });
});
