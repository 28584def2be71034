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

export interface SlackPoster {
  post(channel: string, message: RenderedMessage, threadTs?: string): Promise<MessageRef>;
  update(ref: MessageRef, message: Pick<RenderedMessage, 'text' | 'blocks'>): Promise<void>;
  /** The direct-message channel with a Slack user (opened once, then remembered). */
  dmChannel(userId: string): Promise<string>;
}

/** Opens (or finds) the direct conversation with a Slack user; see adapters/shared/dm-channels.ts. */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  const result = await client.conversations.open({ users: userId });
  const id = result.channel?.id;
  if (!id) throw new Error(`conversations.open gave no channel for ${userId}`);
  return id;
}

export function slackPoster(client: WebClient, dmChannel: (userId: string) => Promise<string>): SlackPoster {
  return {
    async post(channel, message, threadTs) {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
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
  };
}
