// Sends a notice's text to one channel as one or more messages (2,000 characters each), the
// buttons on the last one. Each part carries a nonce: a retry within Discord's few minutes gets the
// first message back instead of a second one. Parts of a split text are also remembered once
// sent, so a retry after longer resends only what did not go out (adapters/shared/parts.ts).
import type { ClaimedNotice, NoticeAction } from '../../../src/core/index.ts';
import { sendInParts } from '../../shared/parts.ts';
import { nonceFor } from '../ids.ts';
import { actionRows } from '../render/components.ts';
import { splitText } from '../render/markdown.ts';
import type { DiscordRefName, DiscordRuntime } from '../runtime.ts';
import { postMessage } from './rest-calls.ts';

/** Returns the id of the last message (the one carrying the buttons for `actions`). */
export async function sendNoticeText(
  rt: DiscordRuntime,
  notice: ClaimedNotice,
  channelId: string,
  text: string,
  actions: readonly NoticeAction[],
): Promise<string> {
  const { refs } = rt.ctx.store;
  const components = actionRows(actions, notice.locale);
  const partRef = (index: number): DiscordRefName => `discord.sent.${notice.id}.${channelId}.${index}`;
  const progress = {
    sent: (index: number) => refs.get(notice.caseId, partRef(index)),
    record: (index: number, messageId: string) => refs.put(notice.caseId, partRef(index), messageId),
  };
  return sendInParts(splitText(text), progress, async (content, index, last) => {
    const message = await postMessage(rt.sinkRest, channelId, {
      content,
      ...(last && components.length > 0 ? { components } : {}),
      nonce: nonceFor(notice.id, channelId, index),
    });
    return message.id;
  });
}
