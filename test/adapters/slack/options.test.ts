// slackOptionsFromEnv: off without a bot token, HTTP or Socket Mode by the variables set, and a
// clear error for each inconsistent combination.
import { describe, expect, it } from 'vitest';
import { SlackConfigError, slackOptionsFromEnv } from '../../../adapters/slack/options.ts';

describe('slackOptionsFromEnv', () => {
  it('is null when SLACK_BOT_TOKEN is unset or blank (Slack is off)', () => {
    expect(slackOptionsFromEnv({})).toBeNull();
    expect(slackOptionsFromEnv({ SLACK_BOT_TOKEN: '  ', SLACK_SIGNING_SECRET: 's' })).toBeNull();
  });

  it('HTTP mode: bot token and signing secret, PORT defaulting to 3000', () => {
    expect(slackOptionsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abc' })).toEqual({
      botToken: 'xoxb-1-2',
      signingSecret: 'abc',
      port: 3000,
    });
  });

  it('Socket Mode when SLACK_APP_TOKEN is set (no signing secret needed); the API URL gets its slash', () => {
    expect(
      slackOptionsFromEnv({
        SLACK_BOT_TOKEN: 'xoxb-1-2',
        SLACK_APP_TOKEN: 'xapp-1-A1-3',
        SLACK_API_URL: 'http://127.0.0.1:9999/api',
        PORT: '8080',
      }),
    ).toEqual({
      botToken: 'xoxb-1-2',
      appToken: 'xapp-1-A1-3',
      apiUrl: 'http://127.0.0.1:9999/api/',
      port: 8080,
    });
  });

  it('SLACK_COMMAND and SLACK_SHORTCUT_CALLBACK_ID rename the command and the shortcut; blank keeps the defaults', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abc' };
    expect(
      slackOptionsFromEnv({
        ...base,
        SLACK_COMMAND: ' /it-help ',
        SLACK_SHORTCUT_CALLBACK_ID: 'make.case:v2',
      }),
    ).toMatchObject({ command: '/it-help', shortcutCallbackId: 'make.case:v2' });
    expect(slackOptionsFromEnv({ ...base, SLACK_COMMAND: '/pagalba_2' })).toMatchObject({
      command: '/pagalba_2',
    });
    const blank = slackOptionsFromEnv({ ...base, SLACK_COMMAND: '', SLACK_SHORTCUT_CALLBACK_ID: ' ' });
    expect(blank).not.toHaveProperty('command');
    expect(blank).not.toHaveProperty('shortcutCallbackId');
  });

  it.each([
    ['support', /SLACK_COMMAND must be a slash command like \/support .*got "support"/],
    ['/Support', /SLACK_COMMAND must be a slash command/],
    ['/it help', /SLACK_COMMAND must be a slash command/],
    ['/', /SLACK_COMMAND must be a slash command/],
    [`/${'a'.repeat(32)}`, /at most 32 characters/],
  ])('SLACK_COMMAND=%j is refused with a message naming the variable', (value, message) => {
    expect(() =>
      slackOptionsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_COMMAND: value }),
    ).toThrow(message);
  });

  it.each(['open case', 'x'.repeat(256), 'café!'])('SLACK_SHORTCUT_CALLBACK_ID=%j is refused', (value) => {
    expect(() =>
      slackOptionsFromEnv({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_SHORTCUT_CALLBACK_ID: value,
      }),
    ).toThrow(/SLACK_SHORTCUT_CALLBACK_ID must be the message shortcut's callback_id/);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2' }, /SLACK_SIGNING_SECRET is required in HTTP mode/],
    [{ SLACK_BOT_TOKEN: 'xapp-1-2', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN must be the bot token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, /SLACK_APP_TOKEN must be an app-level token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'http' }, /PORT must be a port number/],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'slack.com' },
      /SLACK_API_URL must be an http/,
    ],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => slackOptionsFromEnv(env)).toThrow(SlackConfigError);
    expect(() => slackOptionsFromEnv(env)).toThrow(message);
  });
});
