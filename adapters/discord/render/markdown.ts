// Turning notices into Discord text: user-provided values are neutralised before rendering (no
// markdown tricks, no mention syntax; adapters/shared/params.ts says which values), and text is cut
// or split to Discord's limits, never inside a markdown escape.
import { escapeMarkdown } from 'discord.js';
import type { Notice } from '../../../src/core/index.ts';
import { truncate as cutText, splitText as splitLongText } from '../../shared/long-text.ts';
import { noticeText as sharedNoticeText } from '../../shared/params.ts';
import { instantsIn, withDiscordTimes } from './times.ts';

/** Discord's limits, in characters. */
export const LIMITS = { content: 2000, embedDescription: 4096, embedTitle: 256, fieldValue: 1024 } as const;

/** The escapes `escapeMarkdown` writes (`\*`, `\_`, `\\`…): a cut or a split never falls inside one. */
export const MARKDOWN_ESCAPES = /\\[\s\S]/g;

/**
 * What a line may start with that Discord formats: a heading (`#`, `##`, `###`, `-#` subtext), a
 * list item (`-`, `+`; `*` is already escaped as italics) or a numbered one (`1.`), a quote (`>`).
 */
const LINE_MARKUP = /^([ \t]*)(?:([#>+-])|(\d+)\.)/gm;

/**
 * User text shown as written: markdown escaped (masked links `[text](url)`, headings, lists and
 * quotes included, so someone else's words can never look like a link or a heading the bot
 * wrote), and mention syntax broken with a zero-width space so it can never ping (allowed_mentions
 * also parses nothing; this keeps the text honest).
 */
export function neutralise(text: string): string {
  return escapeMarkdown(text)
    .replace(/[[\]]/g, '\\$&')
    .replace(LINE_MARKUP, (_, indent: string, mark: string | undefined, digits: string | undefined) =>
      mark === undefined ? `${indent}${digits}\\.` : `${indent}\\${mark}`,
    )
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

/** The notice in its reader's language, its instants as Discord timestamps (render/times.ts). */
export const noticeText = (notice: Pick<Notice, 'key' | 'params' | 'locale' | 'timeZone'>): string =>
  withDiscordTimes(sharedNoticeText(notice, neutralise), instantsIn(notice.params), notice);

/** Splits text into messages of at most `limit` characters (see adapters/shared/long-text.ts). */
export const splitText = (text: string, limit: number = LIMITS.content): string[] =>
  splitLongText(text, limit, MARKDOWN_ESCAPES);

/** Text cut to `limit` with an ellipsis; `cut` tells whether anything was left out. */
export const truncate = (text: string, limit: number): { text: string; cut: boolean } =>
  cutText(text, limit, MARKDOWN_ESCAPES);
