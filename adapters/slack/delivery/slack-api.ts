// The few Web API calls delivery makes, on a client with no internal retries (the outbox owns
// retrying) that rejects rate-limited calls at once so their Retry-After reaches the outbox.
import { type Logger as SlackLogger, webApi } from '@slack/bolt';
import type { MessageRef } from '../conversation.ts';
import type { RenderedMessage } from '../render/notice.ts';

export type WebClient = InstanceType<typeof webApi.WebClient>;

export function deliveryClient(options: {
  token: string;
  apiUrl?: string;
  timeoutMs?: number;
  logger?: SlackLogger;
}): WebClient {
  return new webApi.WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
  });
}

/**
 * Which outbox notice a message carries (in its metadata), and whether to look for it first: a
 * notice sent again after its sender died mid-send may already be there (see `mayHaveArrived`).
 */
export interface NoticeTag {
  noticeId: string;
  lookFirst: boolean;
}

/** The metadata event type of the bot's notice messages. */
export const NOTICE_EVENT = 'support_notice';

/** Messages a lookup reads back: enough for a thread, or the latest stretch of a channel. */
const LOOKUP_LIMIT = 200;

export interface SlackPoster {
  /** Posts a message; with `tag`, it carries the notice id, and an earlier copy found is reused. */
  post(channel: string, message: RenderedMessage, threadTs?: string, tag?: NoticeTag): Promise<MessageRef>;
  update(ref: MessageRef, message: Pick<RenderedMessage, 'text' | 'blocks'>): Promise<void>;
  /** The direct-message channel with a Slack user (opened once, then remembered). */
  dmChannel(userId: string): Promise<string>;
  /** Adds the bot's reaction `name` to a message (already there counts as done). */
  react(ref: MessageRef, name: string): Promise<void>;
  /** Takes the bot's reaction `name` off a message (already gone counts as done). */
  unreact(ref: MessageRef, name: string): Promise<void>;
}

/** Slack's answer when the call had nothing to do: the reaction was already there, or already gone. */
function alreadyDone(e: unknown, error: 'already_reacted' | 'no_reaction'): boolean {
  return (e as { data?: { error?: unknown } } | null)?.data?.error === error;
}

/** Opens (or finds) the direct conversation with a Slack user; see adapters/shared/dm-channels.ts. */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  const result = await client.conversations.open({ users: userId });
  const id = result.channel?.id;
  if (!id) throw new Error(`conversations.open gave no channel for ${userId}`);
  return id;
}

/**
 * The message carrying notice `noticeId` in the thread (or the channel's latest messages), or null
 * when none does, or the lookup itself failed (then the notice is posted: at least once).
 */
async function findNotice(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  noticeId: string,
  onLookupFailed: (error: unknown) => void,
): Promise<MessageRef | null> {
  try {
    const page = threadTs
      ? await client.conversations.replies({
          channel,
          ts: threadTs,
          include_all_metadata: true,
          limit: LOOKUP_LIMIT,
        })
      : await client.conversations.history({ channel, include_all_metadata: true, limit: LOOKUP_LIMIT });
    const found = (page.messages ?? []).find(
      (m) =>
        m.metadata?.event_type === NOTICE_EVENT &&
        (m.metadata.event_payload as Record<string, unknown> | undefined)?.notice === noticeId,
    );
    return found?.ts ? { channel, ts: found.ts } : null;
  } catch (error) {
    onLookupFailed(error);
    return null;
  }
}

export function slackPoster(
  client: WebClient,
  dmChannel: (userId: string) => Promise<string>,
  onLookupFailed: (error: unknown) => void = () => {},
): SlackPoster {
  return {
    async post(channel, message, threadTs, tag) {
      if (tag?.lookFirst) {
        const earlier = await findNotice(client, channel, threadTs, tag.noticeId, onLookupFailed);
        if (earlier) return earlier;
      }
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(tag ? { metadata: { event_type: NOTICE_EVENT, event_payload: { notice: tag.noticeId } } } : {}),
      });
      if (!result.ts) throw new Error('chat.postMessage answered without a ts');
      return { channel: result.channel ?? channel, ts: result.ts };
    },
    async update(ref, message) {
      await client.chat.update({
        channel: ref.channel,
        ts: ref.ts,
        text: message.text,
        blocks: message.blocks,
      });
    },
    dmChannel,
    async react(ref, name) {
      try {
        await client.reactions.add({ channel: ref.channel, timestamp: ref.ts, name });
      } catch (e) {
        if (!alreadyDone(e, 'already_reacted')) throw e;
      }
    },
    async unreact(ref, name) {
      try {
        await client.reactions.remove({ channel: ref.channel, timestamp: ref.ts, name });
      } catch (e) {
        if (!alreadyDone(e, 'no_reaction')) throw e;
      }
    },
  };
}
