// Turning notices into Discord text: user-provided values are neutralised before rendering
// (no markdown tricks, no mention syntax), and text is cut to Discord's limits.
import { escapeMarkdown } from 'discord.js';
import { isTextKey, type Notice, renderText } from '../../../src/core/index.ts';

/** Discord's limits, in characters. */
export const LIMITS = { content: 2000, embedDescription: 4096, embedTitle: 256, fieldValue: 1024 } as const;

/** Params holding a code the renderer translates (they never carry user text). */
const CODED = new Set(['priority', 'status', 'band', 'level', 'role', 'decision', 'signals']);

/**
 * User text shown as written: markdown escaped, and mention syntax broken with a zero-width
 * space so it can never ping (allowed_mentions also parses nothing; this keeps the text honest).
 */
export function neutralise(text: string): string {
  return escapeMarkdown(text)
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

function neutraliseParams(params: Notice['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const coded = CODED.has(name) || (name === 'reason' && isTextKey(`reason.${value}`));
    out[name] = typeof value !== 'string' || name.endsWith('At') || coded ? value : neutralise(value);
  }
  return out;
}

/** The notice in its reader's language. */
export function noticeText(notice: Pick<Notice, 'key' | 'params' | 'locale' | 'timeZone'>): string {
  const params = neutraliseParams(notice.params);
  return renderText(notice.key, { locale: notice.locale, timeZone: notice.timeZone, params });
}

/**
 * Splits text into messages of at most `limit` characters, preferring line breaks, then spaces.
 * Nothing is dropped: the parts joined back give the whole text (modulo the break characters).
 */
export function splitText(text: string, limit: number = LIMITS.content): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const line = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const at = line > limit / 2 ? line : space > limit / 2 ? space : limit;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts;
}

/** Text cut to `limit` with an ellipsis; `cut` tells whether anything was left out. */
export function truncate(text: string, limit: number): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  return { text: `${text.slice(0, limit - 1).trimEnd()}…`, cut: true };
}
