// Parameter roles: what each value in a notice's or an error's params is, so both platforms show
// user text the same way. An instant (`dueAt`) and a code the catalog translates (`status`,
// `priority`…) are the renderer's; a count is a number; everything else came from a person or the
// config — a name (`name`, `…Name`) or text (`words`, `reason`, `apology`…) — and goes through the
// platform's escaping (Slack mrkdwn, Discord markdown and mentions) before it is placed in a text.
import { isTextKey, type Notice, renderText } from '../../src/core/index.ts';

export type ParamRole = 'instant' | 'code' | 'count' | 'name' | 'text';

/** Params the renderer turns into a label of the catalog (`status` → "with an expert"). */
const CODES: ReadonlySet<string> = new Set([
  'priority',
  'status',
  'band',
  'level',
  'role',
  'decision',
  'signals',
]);

type Params = Notice['params'];

export function paramRole(name: string, value: string | number): ParamRole {
  if (typeof value === 'number') return 'count';
  if (name.endsWith('At')) return 'instant';
  // A reason is a code when the catalog has a label for it (`reassigned`), else a person's words.
  if (CODES.has(name) || (name === 'reason' && isTextKey(`reason.${value}`))) return 'code';
  if (name === 'name' || name.endsWith('Name')) return 'name';
  return 'text';
}

/**
 * How a platform shows plain words as written: its markup escaped, its mentions defused, so a
 * value can never format, link or ping.
 */
export type Escape = (words: string) => string;

/**
 * A person's name as the platform shows it: escaped, and on one line, so it can never start a line
 * of the message that looks like ours.
 */
export const shownName = (name: string, escape: Escape): string => escape(name.replace(/\s+/g, ' ').trim());

/** The params with every person's or config's value escaped for the platform, by role. */
export function shownParams(params: Params, escape: Escape): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const role = paramRole(name, value);
      const shown =
        role === 'name' ? shownName(String(value), escape) : role === 'text' ? escape(String(value)) : value;
      return [name, shown];
    }),
  );
}

/** A notice's text in its reader's language and zone, values escaped for the platform. */
export function noticeText(
  notice: Pick<Notice, 'key' | 'params' | 'locale' | 'timeZone'>,
  escape: Escape,
): string {
  return renderText(notice.key, {
    locale: notice.locale,
    timeZone: notice.timeZone,
    params: shownParams(notice.params, escape),
  });
}
