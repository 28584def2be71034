// A case's status as its customer reads it: "Case #12: with an expert. Handled by: Jonas. Next reply
// due by …" (used by `/support status` and the Home tab).
import { type Case, type Directory, renderText } from '../../../src/core/index.ts';
import type { Reader } from '../inbound/identity.ts';
import { escapeMarkup } from './escape.ts';
import { label } from './labels.ts';

/** Most cases `/support status` lists (the first ones by number); a line says when there are more. */
export const STATUS_LIMIT = 10;

export function statusLine(c: Case, directory: Directory, reader: Reader): string {
  const window = c.window;
  const ownerName =
    c.ownerId === null
      ? renderText('nobody', { ...reader })
      : escapeMarkup(directory.people[c.ownerId]?.name ?? c.ownerId);
  return renderText('customer.status_line', {
    ...reader,
    params: {
      number: c.number,
      status: c.status,
      ownerName,
      dueAt: window && window.paused === null ? window.dueAt.toISOString() : '',
    },
  });
}

/** `cases` are the first of the customer's open cases; `more` says that others follow. */
export function statusText(
  cases: readonly Case[],
  name: string,
  directory: Directory,
  reader: Reader,
  more = false,
): string {
  const params = { name: escapeMarkup(name) };
  if (cases.length === 0) return renderText('customer.status_none', { ...reader, params });
  const header = renderText('customer.status_header', { ...reader, params });
  const lines = cases.map((c) => `• ${statusLine(c, directory, reader)}`);
  return [header, ...lines, ...(more ? [label(reader.locale, 'status_more')] : [])].join('\n');
}
