// The parts of Slack payloads the adapter reads, checked before use: anything malformed is logged
// and dropped instead of reaching a desk command half-formed.
import { z } from 'zod';
import type { Logger } from '../../../src/platform/adapter.ts';

const id = z.string().min(1);

export const messageEvent = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: id,
  channel_type: z.string().optional(),
  user: id.optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  ts: id,
  thread_ts: id.optional(),
});
export type MessageEvent = z.infer<typeof messageEvent>;

export const mentionEvent = z.object({
  type: z.literal('app_mention'),
  channel: id,
  user: id,
  text: z.string().default(''),
  ts: id,
  thread_ts: id.optional(),
});

export const reactionEvent = z.object({
  type: z.literal('reaction_added'),
  user: id,
  reaction: z.string(),
  item_user: id.optional(),
  item: z.object({ type: z.literal('message'), channel: id, ts: id }),
});

export const homeEvent = z.object({
  type: z.literal('app_home_opened'),
  user: id,
  tab: z.string().optional(),
});

export const eventEnvelope = z.object({ team_id: id, event_id: id.optional() });

export const command = z.object({
  team_id: id,
  user_id: id,
  channel_id: id,
  text: z.string().default(''),
  trigger_id: id,
});

export const messageShortcut = z.object({
  team: z.object({ id }),
  user: z.object({ id }),
  channel: z.object({ id }),
  trigger_id: id,
  message: z.object({
    ts: id,
    thread_ts: id.optional(),
    user: id.optional(),
    bot_id: z.string().optional(),
    text: z.string().default(''),
  }),
});

export const buttonValue = z.object({ c: id, a: id.optional(), n: id.optional() });

export const blockAction = z.object({
  team: z.object({ id }).nullish(),
  user: z.object({ id, team_id: id.optional() }),
  trigger_id: id,
  channel: z.object({ id }).optional(),
  message: z.object({ ts: id, thread_ts: id.optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

export const viewSubmission = z.object({
  team: z.object({ id }).nullish(),
  user: z.object({ id, team_id: id.optional() }),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().default('{}'),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.unknown())) }),
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmission>;

/** Parses `value` or logs one clear line naming what was wrong, and returns null. */
export function parseOrLog<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  logger: Logger,
): z.infer<S> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  logger.warn('slack.malformed_payload', { what, problems });
  return null;
}

export function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
