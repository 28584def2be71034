// How the adapter names Slack places in the platform-neutral core: a case's conversation id, and
// the references it keeps per case (ReferenceStore) to update cards and find a case from a thread.
import type { ReferenceStore } from '../../src/core/index.ts';

export interface SlackThread {
  teamId: string;
  channel: string;
  /** The thread's root message ts: one case is one thread. */
  threadTs: string;
}

/** `slack:T…:C…:1700000000.000100` */
export const encodeConversation = (t: SlackThread): string => `slack:${t.teamId}:${t.channel}:${t.threadTs}`;

export function decodeConversation(conversation: string): SlackThread | null {
  const [platform, teamId, channel, threadTs, ...rest] = conversation.split(':');
  if (platform !== 'slack' || !teamId || !channel || !threadTs || rest.length > 0) return null;
  return { teamId, channel, threadTs };
}

/** A posted message: where it lives, as kept in refs (`C…:ts`). */
export interface MessageRef {
  channel: string;
  ts: string;
}
export const formatMessageRef = (m: MessageRef): string => `${m.channel}:${m.ts}`;
export function parseMessageRef(value: string | null): MessageRef | null {
  const at = value?.indexOf(':') ?? -1;
  return value && at > 0 ? { channel: value.slice(0, at), ts: value.slice(at + 1) } : null;
}

/** Names of the references kept per case. */
export const REF = {
  /** The case's triage card (`C:ts`). */
  triageCard: 'slack.triage',
  /** The card's opening text as first rendered, kept so the card can be redrawn. */
  triageIntro: 'slack.triage.intro',
  /** The case version the card last showed. */
  triageVersion: 'slack.triage.version',
  /** The answer bank's suggestions the card shows (JSON, adapters/shared/answer-suggestions.ts). */
  triageSuggestions: 'slack.triage.suggestions',
  /** JSON list of every copy of an approval card: [{ channel, ts, text }]. */
  approvalCopies: (approvalId: string): `slack.approval.${string}` => `slack.approval.${approvalId}`,
  /** Set once the copies show the decision. */
  approvalFinal: (approvalId: string): `slack.approval.${string}.final` =>
    `slack.approval.${approvalId}.final`,
  /** A multi-recipient notice already delivered to this person (so a retry skips them). */
  deliveredTo: (noticeId: string, personId: string): `slack.sent.${string}.${string}` =>
    `slack.sent.${noticeId}.${personId}`,
  /** The whole text of a message that was too long for one block. */
  fullText: (noticeId: string): `slack.full.${string}` => `slack.full.${noticeId}`,
  /** The status reaction the bot last put on the case's original message (an emoji name). */
  statusReaction: 'slack.reaction',
} as const;

/**
 * Threads the bot started about a case (the triage card, direct messages to staff) are found from a
 * reply by a reverse reference kept under this key instead of a case id.
 */
export const threadKey = (channel: string, ts: string): string => `slack-thread:${channel}:${ts}`;
export const THREAD_CASE = 'case';

/** Every name of a reference the adapter keeps: REF's, and THREAD_CASE under a thread key. */
export type SlackRefName =
  | typeof REF.triageCard
  | typeof REF.triageIntro
  | typeof REF.triageVersion
  | typeof REF.triageSuggestions
  | typeof REF.statusReaction
  | ReturnType<(typeof REF)['approvalCopies' | 'approvalFinal' | 'deliveredTo' | 'fullText']>
  | typeof THREAD_CASE;
export type SlackRefs = ReferenceStore<SlackRefName>;
/** `colleague`: the DM asking a colleague (Ask a colleague): replies there reach the holder only. */
export type ThreadKind = 'triage' | 'dm' | 'colleague';
export const formatThreadRef = (kind: ThreadKind, caseId: string): string => `${kind}:${caseId}`;
export function parseThreadRef(value: string | null): { kind: ThreadKind; caseId: string } | null {
  const at = value?.indexOf(':') ?? -1;
  const kind = value?.slice(0, at);
  if (!value || (kind !== 'triage' && kind !== 'dm' && kind !== 'colleague')) return null;
  return { kind, caseId: value.slice(at + 1) };
}
