// Cutting and splitting long texts, for both platforms: at a line end or a space when one is near,
// never inside one of the platform's escapes (Slack's `&amp;`, Discord's `\*`), losing nothing when
// split.
import { describe, expect, it } from 'vitest';
import { MARKDOWN_ESCAPES } from '../../../adapters/discord/render/markdown.ts';
import { splitText, truncate } from '../../../adapters/shared/long-text.ts';
import { MRKDWN_ESCAPES } from '../../../adapters/slack/render/escape.ts';

describe('truncate', () => {
  it.each([
    ['short text is kept', 'hello', 10, 'hello', false],
    ['exactly the limit is kept', 'abcdefghij', 10, 'abcdefghij', false],
    ['cut at a space, with an ellipsis', 'the quick brown fox jumps', 15, 'the quick…', true],
    ['never inside a Slack escape', 'aaaaaaa&amp;b', 10, 'aaaaaaa…', true],
    ['a Slack escape before the cut is kept whole', 'aa&amp;bbbbbbbbbb', 12, 'aa&amp;bbbb…', true],
  ])('%s', (_, text, max, expected, cut) => {
    expect(truncate(text, max, MRKDWN_ESCAPES)).toEqual({ text: expected, cut });
  });

  it.each([
    // `\*` cut after its backslash would leave a stray `\` and the next part's `*` live.
    ['never between a backslash and what it escapes', 'abcdefg\\*bold\\*', 9, 'abcdefg…'],
    ['an escaped backslash is one escape', 'abcdef\\\\\\*x', 9, 'abcdef\\\\…'],
    ['no escape in reach: cut where it fits', 'abcdefghijklmnop', 9, 'abcdefgh…'],
  ])('Discord markdown: %s', (_, text, max, expected) => {
    expect(truncate(text, max, MARKDOWN_ESCAPES)).toEqual({ text: expected, cut: true });
  });

  it('without escapes, cuts at the nearest space before the limit', () => {
    expect(truncate('one two three four', 12)).toEqual({ text: 'one two…', cut: true });
  });
});

describe('splitText', () => {
  it('splits into pieces within the limit, at line ends or spaces, losing nothing but the break', () => {
    const text = Array.from({ length: 400 }, (_, i) => `line ${i} of the export log &amp; more`).join('\n');
    const pieces = splitText(text, 3000, MRKDWN_ESCAPES);
    expect(pieces.length).toBeGreaterThan(4);
    expect(pieces.every((p) => p.length <= 3000)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
  });

  it('never splits a Slack escape or a Discord escape in two', () => {
    const slack = `${'a'.repeat(8)}&amp;${'b'.repeat(8)}`;
    expect(splitText(slack, 10, MRKDWN_ESCAPES)).toEqual(['a'.repeat(8), `&amp;${'b'.repeat(5)}`, 'bbb']);
    const discord = `${'a'.repeat(9)}\\*${'b'.repeat(8)}`;
    expect(splitText(discord, 10, MARKDOWN_ESCAPES)).toEqual(['a'.repeat(9), `\\*${'b'.repeat(8)}`]);
  });

  it('an empty text is one empty piece, so a message is still sent', () => {
    expect(splitText('', 2000)).toEqual(['']);
  });
});
