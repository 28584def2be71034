// Words staff wrote in the case's own thread: the member already reads them there, under the
// author's name, so the customer notice that relays them is not posted again in that thread (only
// its buttons are). The mark is written before the desk command runs, because the outbox may
// deliver the notice as soon as the command commits; a notice takes the mark once, so the same
// words given later from elsewhere are relayed as usual.
import { createHash } from 'node:crypto';
import type { Case, ClaimedNotice, NoticeAction } from '../../../src/core/index.ts';
import { nonceFor } from '../ids.ts';
import { actionRows } from '../render/components.ts';
import type { DiscordRefName, DiscordRuntime } from '../runtime.ts';
import { postMessage } from './rest-calls.ts';

interface Mark {
  messageId: string;
  /** The notice that took the mark; `refused` when the command did not go through. */
  noticeId: string | null;
}

const markRef = (threadId: string, words: string): DiscordRefName =>
  `discord.written.${threadId}.${createHash('sha256').update(words.trim()).digest('base64url').slice(0, 22)}`;

/** Before the desk command: these words are in the thread, written by staff (message `messageId`). */
export async function markWrittenHere(
  rt: DiscordRuntime,
  caseId: string,
  where: { threadId: string; messageId: string },
  words: string,
): Promise<void> {
  const mark: Mark = { messageId: where.messageId, noticeId: null };
  await rt.ctx.store.refs.put(caseId, markRef(where.threadId, words), JSON.stringify(mark));
}

/** After a refused command: the mark must not hide a later relay of the same words. */
export async function unmarkWrittenHere(
  rt: DiscordRuntime,
  caseId: string,
  where: { threadId: string; messageId: string },
  words: string,
): Promise<void> {
  const mark: Mark = { messageId: where.messageId, noticeId: 'refused' };
  await rt.ctx.store.refs.put(caseId, markRef(where.threadId, words), JSON.stringify(mark));
}

/** Whether this customer notice relays words its reader already sees in `threadId`; takes the mark. */
export async function alreadyInThread(
  rt: DiscordRuntime,
  notice: ClaimedNotice,
  threadId: string,
): Promise<boolean> {
  const words = notice.params.text;
  if (typeof words !== 'string' || words.trim() === '') return false;
  const { refs } = rt.ctx.store;
  const ref = markRef(threadId, words);
  const raw = await refs.get(notice.caseId, ref);
  if (raw === null) return false;
  const mark = JSON.parse(raw) as Mark;
  if (mark.noticeId === notice.id) return true; // a retry of the notice that took it
  if (mark.noticeId !== null) return false;
  await refs.put(notice.caseId, ref, JSON.stringify({ ...mark, noticeId: notice.id } satisfies Mark));
  return true;
}

/** The relay's buttons alone (no words), so the member keeps what the notice offers. */
export async function sendButtonsOnly(
  rt: DiscordRuntime,
  notice: ClaimedNotice,
  c: Case,
  threadId: string,
  actions: readonly NoticeAction[],
): Promise<void> {
  if (actions.length === 0) return;
  const components = actionRows(actions, notice.locale);
  await postMessage(rt.sinkRest, threadId, {
    components,
    nonce: nonceFor(notice.id, threadId, 'buttons'),
  });
  rt.ctx.logger.info('discord.relay_skipped', { case: c.id, notice: notice.id, thread: threadId });
}
