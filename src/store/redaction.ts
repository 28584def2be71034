// What redacting texts does to stored values, the same in every store: free text people wrote (or
// wrote about a customer) becomes ERASED; ids, numbers, instants, statuses, levels, kinds and the
// codes the core writes stay, so reports still count. An empty text stays empty (there was nothing).
import { type Case, CASE_STATUSES, type CaseEvent } from '../core/model.ts';
import type { Params } from '../core/texts/params.ts';

export const ERASED = '[erased]';

/**
 * Reasons written as codes rather than words (rendered through `reason.*`; a decline by the core
 * itself: the case was resolved, closed, reassigned; why data was erased): kept, reports count them.
 */
const CODES: ReadonlySet<string> = new Set([
  'no_expert',
  'customer_asked',
  'staff_asked',
  'missed_window',
  'reassigned',
  ...CASE_STATUSES,
  'request',
  'retention',
]);

const erased = (text: string): string => (text === '' ? text : ERASED);
const erasedUnlessCode = (text: string): string => (CODES.has(text) ? text : erased(text));

/** Fields of audit events and notice params that hold free text. */
const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'words',
  'text',
  'summary',
  'comment',
  'note',
  'apology',
  'plan',
  'channel',
  // Ask a colleague: the question (the answer is a `text`).
  'question',
]);
/** Params that hold the customer's name (staff names come from the directory and stay). */
const NAME_PARAMS: ReadonlySet<string> = new Set(['name', 'customerName']);

/**
 * The case with its texts redacted: the customer's words and name, rating comment, outside contact,
 * recovery, approval, the heavy mark's note.
 */
export function redactCase(c: Case): Case {
  const approval = c.approval && {
    ...c.approval,
    reason: erasedUnlessCode(c.approval.reason),
    ...(c.approval.apology !== undefined && { apology: erased(c.approval.apology) }),
    ...(c.approval.plan !== undefined && { plan: erased(c.approval.plan) }),
    ...(c.approval.declineReason !== undefined && {
      declineReason: erasedUnlessCode(c.approval.declineReason),
    }),
  };
  return {
    ...c,
    customer: { ...c.customer, name: erased(c.customer.name) },
    words: erased(c.words),
    rating: c.rating && { ...c.rating, comment: erased(c.rating.comment) },
    outside: c.outside && { ...c.outside, channel: erased(c.outside.channel), note: erased(c.outside.note) },
    recovery: c.recovery && {
      ...c.recovery,
      sent: c.recovery.sent && { ...c.recovery.sent, text: erased(c.recovery.sent.text) },
    },
    approval,
    heavy: c.heavy && { ...c.heavy, note: erased(c.heavy.note) },
  };
}

/** Redacts the free-text values of a flat record (event data, notice params). */
function redactRecord<T extends Readonly<Record<string, unknown>>>(record: T, names: ReadonlySet<string>): T {
  const out: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string') continue;
    if (key === 'reason') out[key] = erasedUnlessCode(value);
    else if (TEXT_FIELDS.has(key) || names.has(key)) out[key] = erased(value);
  }
  return out as T;
}

export const redactEventData = (data: CaseEvent['data']): CaseEvent['data'] => redactRecord(data, new Set());

export const redactParams = (params: Params): Params => redactRecord(params, NAME_PARAMS);

/** The texts an event holds (what its author wrote), as redactEventData would erase them. */
export function textsOf(data: CaseEvent['data']): string[] {
  const redacted = redactEventData(data) as Record<string, unknown>;
  return Object.entries(data).flatMap(([key, value]) =>
    typeof value === 'string' && redacted[key] !== value ? [value] : [],
  );
}

/**
 * An adapter's reference of a case redacted whole: its value, or each string inside a JSON value,
 * that is prose (has a space) becomes ERASED; ids (no space) stay, so cards can still be found.
 */
export function redactReference(value: string): string {
  const json = parseJsonObject(value);
  if (json === undefined) return isProse(value) ? ERASED : value;
  const redacted = mapStrings(json, (s) => (isProse(s) ? ERASED : s));
  return JSON.stringify(redacted) === JSON.stringify(json) ? value : JSON.stringify(redacted);
}

/**
 * Texts shorter than this are not looked for inside other values: "ok" would be found in ids and
 * words alike. A value equal to such a text is still erased.
 */
export const MIN_SCRUB_LENGTH = 4;

/**
 * `value` with every occurrence of `texts` replaced by ERASED: as written, JSON-escaped, and with
 * `& < >` escaped as Slack and HTML do. For values that may quote what a person wrote elsewhere.
 */
export function scrubTexts(value: string, texts: readonly string[]): string {
  let out = value;
  for (const text of texts) {
    if (text === '') continue;
    if (out === text) return ERASED;
    if (text.length < MIN_SCRUB_LENGTH) continue;
    for (const form of new Set([text, JSON.stringify(text).slice(1, -1), escapeMarkup(text)])) {
      out = out.split(form).join(ERASED);
    }
  }
  return out;
}

/** Params with every string scrubbed of `texts` (see scrubTexts). */
export function scrubParams(params: Params, texts: readonly string[]): Params {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' ? scrubTexts(value, texts) : value,
    ]),
  );
}

const isProse = (s: string): boolean => /\s/.test(s.trim());
const escapeMarkup = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function parseJsonObject(value: string): object | undefined {
  if (!/^\s*[[{]/.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function mapStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
}
