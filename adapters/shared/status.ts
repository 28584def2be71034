// A customer's open cases as they read them (`/support status`, Slack's Home tab): "Case #12: with
// an expert. Handled by: Jonas. Next reply due by …", the first few by number, and a line saying
// when there are more.
import { type Case, type Directory, renderText } from '../../src/core/index.ts';
import { sharedLabel } from './labels.ts';
import { type Escape, shownName, shownParams } from './params.ts';
import type { Reader } from './reader.ts';

/** Most cases a status lists (the first ones by number). */
export const STATUS_LIMIT = 10;

export function statusLine(c: Case, directory: Directory, reader: Reader, escape: Escape): string {
  const window = c.window;
  const ownerName =
    c.ownerId === null
      ? renderText('nobody', reader)
      : shownName(directory.people[c.ownerId]?.name ?? c.ownerId, escape);
  const dueAt = window && window.paused === null ? window.dueAt.toISOString() : '';
  return renderText('customer.status_line', {
    ...reader,
    params: { number: c.number, status: c.status, ownerName, dueAt },
  });
}

/** `cases` are the first of the customer's open cases; `more` says that others follow. */
export function statusText(
  cases: readonly Case[],
  name: string,
  directory: Directory,
  reader: Reader,
  escape: Escape,
  more = false,
): string {
  const params = shownParams({ name }, escape);
  if (cases.length === 0) return renderText('customer.status_none', { ...reader, params });
  const header = renderText('customer.status_header', { ...reader, params });
  const lines = cases.map((c) => `• ${statusLine(c, directory, reader, escape)}`);
  return [header, ...lines, ...(more ? [sharedLabel(reader.locale, 'status_more')] : [])].join('\n');
}
