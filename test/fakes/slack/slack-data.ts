// Shapes the fake Slack keeps, and the Block Kit limits it enforces like Slack does.

export type ApiReply = Record<string, unknown> & { ok: boolean };

export interface FakeUser {
  id: string;
  handle: string;
  realName: string;
  displayName?: string;
  tz: string;
  /** Slack's form, e.g. `en-GB`, `fr-FR`. */
  locale: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text: string;
  blocks?: unknown;
  /** Message metadata as posted; read back only with `include_all_metadata`. */
  metadata?: unknown;
}

/** Why Slack would reject these blocks (too many, a section text too long), or null. */
export function checkBlocks(blocks: unknown, max: number): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'blocks must be a list';
  if (blocks.length > max) return `no more than ${max} items allowed [json-pointer:/blocks]`;
  for (const [i, block] of blocks.entries()) {
    const text = (block as { text?: { text?: unknown } }).text?.text;
    if (typeof text === 'string' && text.length > 3000) {
      return `must be less than 3001 characters [json-pointer:/blocks/${i}/text]`;
    }
  }
  return null;
}
