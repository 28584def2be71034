// The escaper, by table: what Slack sends in (mrkdwn) becomes plain words for the core; any plain
// words going out become text that shows as written and notifies nobody.
import { describe, expect, it } from 'vitest';
import { neutralise, plainFromSlack, withoutMention } from '../../../adapters/slack/render/escape.ts';

const Z = '\u200B';

describe('neutralise (outbound, plain → safe mrkdwn)', () => {
  it.each([
    ['plain words', 'My invoice is wrong', 'My invoice is wrong'],
    ['ampersand', 'Q&A', 'Q&amp;A'],
    ['angle brackets', 'if a < b > c', 'if a &lt; b &gt; c'],
    ['an entity typed literally', '&amp;', '&amp;amp;'],
    ['<!channel>', 'hey <!channel>', 'hey &lt;!channel&gt;'],
    ['<!here>', '<!here|here> now', '&lt;!here|here&gt; now'],
    ['<!everyone>', '<!everyone>', '&lt;!everyone&gt;'],
    ['a user mention', 'ask <@U04TOM0003>', `ask &lt;@${Z}U04TOM0003&gt;`],
    ['a group mention', '<!subteam^S05ACME|@it-team>', `&lt;!subteam^S05ACME|@${Z}it-team&gt;`],
    ['a channel link', '<#C05TRIAGE01|triage>', '&lt;#C05TRIAGE01|triage&gt;'],
    ['bare @channel', '@channel help', `@${Z}channel help`],
    ['bare @here in a sentence', 'anyone (@here)?', `anyone (@${Z}here)?`],
    ['@everyone in caps', '@EVERYONE', `@${Z}EVERYONE`],
    ['a handle', 'thanks @jonas', `thanks @${Z}jonas`],
    ['an e-mail address stays usable', 'write to billing@acme.example', 'write to billing@acme.example'],
    ['mrkdwn emphasis is left to Slack', '*urgent* _please_', '*urgent* _please_'],
    ['several lines', 'line 1\n<!here>', 'line 1\n&lt;!here&gt;'],
  ])('%s', (_, input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it('nothing that reaches Slack can form a mention or a broadcast', () => {
    const nasty = '<!channel> <!here> <!everyone> <@U1> <!subteam^S1> @channel @here @everyone <<@U2>>';
    const out = neutralise(nasty);
    expect(out).not.toMatch(/<[@!#]/);
    expect(out).not.toMatch(/(^|\s)@(channel|here|everyone)\b/);
  });
});

describe('plainFromSlack (inbound, mrkdwn → plain words)', () => {
  const names: Record<string, string> = { U04TOM0003: 'Tom Whitfield' };
  it.each([
    ['escapes undone', 'Q&amp;A &lt;b&gt;', 'Q&A <b>'],
    ['a directory person by name', 'ask <@U04TOM0003>', 'ask @Tom Whitfield'],
    ['an unknown user by id', 'ask <@U09XYZ>', 'ask @U09XYZ'],
    ['a labelled mention', '<@U09XYZ|sam>', '@sam'],
    ['broadcasts', '<!channel> <!here|here> <!everyone>', '@channel @here @everyone'],
    ['a user group', '<!subteam^S05ACME|@it-team>', '@it-team'],
    ['a channel', '<#C05TRIAGE01|triage>', '#triage'],
    [
      'a labelled link',
      '<https://status.acme.example|status page>',
      'status page (https://status.acme.example)',
    ],
    ['a bare link', '<https://acme.example>', 'https://acme.example'],
    ['a mailto link', '<mailto:a@acme.example|a@acme.example>', 'a@acme.example (mailto:a@acme.example)'],
    ['a date', '<!date^1763884800^{date}|23 Nov>', '23 Nov'],
  ])('%s', (_, input, expected) => {
    expect(plainFromSlack(input, (id) => names[id])).toBe(expected);
  });

  it('round trip: words a person typed show as typed, and notify nobody', () => {
    const typed = 'Q&A <script> @here';
    const fromSlack = 'Q&amp;A &lt;script&gt; <!here>';
    expect(plainFromSlack(fromSlack)).toBe(typed);
    expect(neutralise(plainFromSlack(fromSlack))).toBe(`Q&amp;A &lt;script&gt; @${Z}here`);
  });

  it('drops the bot’s own mention from an @mention', () => {
    expect(withoutMention('<@U0BOT0001> my   screen is black', 'U0BOT0001')).toBe('my screen is black');
  });
});
