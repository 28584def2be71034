// A customer's open cases as they read them, the same on both platforms: a header by name, a line
// per case (who has it, by when, in the reader's zone), and a line when there are more.
import { describe, expect, it } from 'vitest';
import { neutralise as discordEscape } from '../../../adapters/discord/render/markdown.ts';
import { statusText } from '../../../adapters/shared/status.ts';
import { neutralise as slackEscape } from '../../../adapters/slack/render/escape.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { formatInstant } from '../../../src/core/index.ts';
import { at, makeCase, MIN } from '../../support/case-factory.ts';

const directory = loadConfig('config/support.example.yaml').desk.directory;
const reader = { locale: 'en', timeZone: 'Europe/Paris' } as const;
const dueAt = at(90 * MIN);
const window = {
  id: 'w1',
  kind: 'first_response' as const,
  holder: 'tom',
  startedAt: at(0),
  dueAt,
  lengthMs: 90 * MIN,
  consumedMs: 0,
  paused: null,
};

describe('statusText', () => {
  it('lists each case with who has it and by when, in the reader’s zone', () => {
    const cases = [makeCase({ number: 3, ownerId: 'tom', window }), makeCase({ number: 4, window: null })];
    const text = statusText(cases, 'Eglė', directory, reader, slackEscape);
    expect(text.split('\n')).toEqual([
      'Hello Eglė, here is where your requests stand:',
      `• Case #3: open. Handled by: Tom Whitfield. Next reply due by ${formatInstant(dueAt.toISOString(), 'en', 'Europe/Paris')}.`,
      '• Case #4: open. Handled by: not assigned yet.',
    ]);
  });

  it('escapes the customer’s name for each platform, and says when more cases follow', () => {
    const cases = [makeCase({ number: 5 })];
    const slack = statusText(cases, '<!here> *Eglė*', directory, reader, slackEscape, true);
    expect(slack.split('\n')[0]).toBe('Hello &lt;!here&gt; *Eglė*, here is where your requests stand:');
    expect(slack.split('\n').at(-1)).toBe('…and more open requests, not shown here.');
    const discord = statusText(cases, '@everyone *Eglė*', directory, reader, discordEscape);
    expect(discord.split('\n')[0]).toBe(
      'Hello @\u200beveryone \\*Eglė\\*, here is where your requests stand:',
    );
  });

  it('with no open case, says so', () => {
    expect(statusText([], 'Eglė', directory, reader, slackEscape)).toContain('Eglė');
  });
});
