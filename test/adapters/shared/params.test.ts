// Parameter roles, by table: which values of a notice's params are the renderer's (instants, codes,
// counts) and which came from a person or the config and go through the platform's escaping; and a
// notice rendered with a platform's escaper, the same way on both.
import { describe, expect, it } from 'vitest';
import { neutralise as discordEscape } from '../../../adapters/discord/render/markdown.ts';
import { noticeText, paramRole, shownName, shownParams } from '../../../adapters/shared/params.ts';
import { neutralise as slackEscape } from '../../../adapters/slack/render/escape.ts';

/** An escaper that shows plainly what it touched. */
const mark = (words: string) => `[${words}]`;

describe('paramRole', () => {
  it.each([
    ['dueAt', '2026-11-23T10:00:00Z', 'instant'],
    ['firstResponseAt', '2026-11-23T10:00:00Z', 'instant'],
    ['status', 'waiting_on_expert', 'code'],
    ['priority', 'high', 'code'],
    ['band', 'elevated', 'code'],
    ['level', '3', 'code'],
    ['role', 'expert', 'code'],
    ['decision', 'approved', 'code'],
    ['signals', 'missed_window,asked_supervisor', 'code'],
    ['reason', 'customer_asked', 'code'],
    ['reason', 'Refunds need a manager', 'text'],
    ['number', 12, 'count'],
    ['position', 0, 'count'],
    ['name', 'Eglė', 'name'],
    ['customerName', 'Eglė', 'name'],
    ['supervisorName', 'Marie Dubois', 'name'],
    ['words', 'My invoice is wrong', 'text'],
    ['apology', 'I am sorry', 'text'],
    ['topic', 'billing', 'text'],
  ] as const)('%s = %j is %s', (name, value, role) => {
    expect(paramRole(name, value)).toBe(role);
  });
});

describe('shownParams', () => {
  it('escapes names and text, and leaves instants, codes and counts to the renderer', () => {
    expect(
      shownParams(
        {
          number: 3,
          status: 'open',
          reason: 'no_expert',
          dueAt: '2026-11-23T10:00:00Z',
          customerName: 'Eglė',
          words: '*hi*',
        },
        mark,
      ),
    ).toEqual({
      number: 3,
      status: 'open',
      reason: 'no_expert',
      dueAt: '2026-11-23T10:00:00Z',
      customerName: '[Eglė]',
      words: '[*hi*]',
    });
  });

  it('shows a name on one line, so it cannot forge a line of the message', () => {
    expect(shownName('Eglė\n*Approved by Marie*', mark)).toBe('[Eglė *Approved by Marie*]');
    expect(shownParams({ words: 'line 1\nline 2' }, mark)).toEqual({ words: '[line 1\nline 2]' });
  });
});

describe('noticeText on both platforms', () => {
  const notice = {
    key: 'customer.ack',
    params: {
      name: 'Eglė',
      number: 7,
      words: 'Ping @everyone <@&123> *now* & <!here>',
      position: 0,
      firstResponseAt: '2026-11-23T13:00:00.000Z',
    },
    locale: 'en',
    timeZone: 'Europe/Vilnius',
  } as const;

  it('Slack: the customer’s words escaped as mrkdwn, mentions defused, the instant in the reader’s zone', () => {
    const text = noticeText(notice, slackEscape);
    expect(text).toContain('Ping @\u200Beveryone &lt;@&amp;123&gt; *now* &amp; &lt;!here&gt;');
    expect(text).toContain('15:00');
  });

  it('Discord: the customer’s words with markdown escaped and mentions broken, the same instant', () => {
    const text = noticeText(notice, discordEscape);
    expect(text).toContain('Ping @\u200beveryone <@&\u200b123> \\*now\\* & <!here>');
    expect(text).toContain('15:00');
  });
});
