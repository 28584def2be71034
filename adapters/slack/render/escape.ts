// Text crossing the Slack boundary. Slack sends message text as mrkdwn: `&`, `<`, `>` escaped and
// mentions as control sequences (<@U…>, <!channel>, <!subteam^…>). The core keeps plain words, so
// inbound text is turned into readable plain text; outbound, every user-provided value is escaped
// again, which also makes any control sequence it contains inert, and words starting with "@"
// (@here, @channel, @team) get a zero-width space so they notify nobody.
// See https://api.slack.com/reference/surfaces/formatting.

/** A zero-width space: "@\u200Bhere" reads as "@here" but Slack does not treat it as a mention. */
const ZWSP = '\u200B';

const CONTROL = /<([^<>\n]*)>/g;
/** An "@" that starts a word (not the one inside an e-mail address). */
const MENTION_AT = /(^|[^\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_])/gu;

/** The escapes `escapeMarkup` writes: a cut or a split never falls inside one. */
export const MRKDWN_ESCAPES = /&(?:amp|lt|gt);/g;

/** Escapes `&`, `<` and `>` (Slack's only three). */
export const escapeMarkup = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const unescapeMarkup = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** How one `<…>` control sequence reads as plain text. */
function readable(inner: string, nameOf: (userId: string) => string | undefined): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) return `@${label ?? nameOf(target.slice(1)) ?? target.slice(1)}`;
  if (target.startsWith('!subteam^')) return `@${(label ?? 'group').replace(/^@/, '')}`;
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0] ?? ''; // <!here>, <!date^…|fallback>
    return ['channel', 'here', 'everyone'].includes(word) ? `@${word}` : (label ?? word);
  }
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  return label !== undefined && label !== target ? `${label} (${target})` : target; // a link
}

/**
 * Slack message text (mrkdwn, as events carry it) as plain words for the core: mentions become
 * "@name", links "label (url)", and escapes are undone.
 */
export function plainFromSlack(
  text: string,
  nameOf: (userId: string) => string | undefined = () => undefined,
) {
  return unescapeMarkup(text.replace(CONTROL, (_, inner: string) => readable(inner, nameOf)));
}

/**
 * Plain user-provided text made safe to show in a Slack message: escaped, so nothing in it is
 * markup or a mention, and "@word" defused (e-mail addresses are left as they are).
 */
export const neutralise = (text: string): string =>
  escapeMarkup(text).replace(MENTION_AT, (_, before: string) => `${before}@${ZWSP}`);

/** A message's words without the bot's own mention (the text of an @mention). */
export function withoutMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.split(`<@${botUserId}>`).join(' ').replace(/\s+/g, ' ').trim();
}
