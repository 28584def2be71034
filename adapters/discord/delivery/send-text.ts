// Sends a notice's text to one channel as one or more messages (2,000 characters each), the
// buttons on the last one. Each part carries a nonce: a retry within Discord's few minutes gets the
// first message back instead of a second one. Parts of a split text are also remembered once
// sent, so a retry after longer resends only what did not go out.
import type { ClaimedNotice, Locale } from '../../../src/core/index.ts';
import { type ActionRow, actionRows } from '../render/components.ts';
import { splitText } from '../render/markdown.ts';
import { nonceFor } from '../ids.ts';
import type { DiscordRefName, DiscordRuntime } from '../runtime.ts';
import { postMessage } from './rest-calls.ts';

export interface SendOptions {
  /** Buttons for the last message; defaults to the notice's actions in its locale. */
  components?: ActionRow[];
  locale?: Locale;
}

/** Returns the id of the last message (the one carrying the buttons). */
export async function sendNoticeText(
  rt: DiscordRuntime,
  notice: ClaimedNotice,
  channelId: string,
  text: string,
  options: SendOptions = {},
): Promise<string> {
  const { refs } = rt.ctx.store;
  const parts = splitText(text);
  const components = options.components ?? actionRows(notice.actions, options.locale ?? notice.locale);
  let lastId = '';
  const track = parts.length > 1;
  for (const [index, content] of parts.entries()) {
    const ref: DiscordRefName = `discord.sent.${notice.id}.${channelId}.${index}`;
    const already = track ? await refs.get(notice.caseId, ref) : null;
    if (already !== null) {
      lastId = already;
      continue;
    }
    const last = index === parts.length - 1;
    const message = await postMessage(rt.sinkRest, channelId, {
      content,
      ...(last && components.length > 0 ? { components } : {}),
      nonce: nonceFor(notice.id, channelId, index),
    });
    if (track) await refs.put(notice.caseId, ref, message.id);
    lastId = message.id;
  }
  return lastId;
}
