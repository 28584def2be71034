// The case's status as a reaction on the customer's original message (the root of the case's
// thread), swapped as the case moves: received (eyes), with an expert or a supervisor
// (hammer_and_wrench), waiting on the customer (speech_balloon), resolved or closed
// (white_check_mark). Best effort: the caller logs a failure, and the next delivery tries again.
import type { Case, CaseStatus } from '../../../src/core/index.ts';
import { decodeConversation, REF, type SlackRefs } from '../conversation.ts';
import type { SlackPoster } from './slack-api.ts';

export const STATUS_REACTIONS: Readonly<Record<CaseStatus, string>> = {
  open: 'eyes',
  waiting_on_expert: 'hammer_and_wrench',
  awaiting_approval: 'hammer_and_wrench',
  waiting_on_customer: 'speech_balloon',
  resolved: 'white_check_mark',
  closed: 'white_check_mark',
};

export function statusReactions(deps: { refs: SlackRefs; poster: Pick<SlackPoster, 'react' | 'unreact'> }) {
  const { refs, poster } = deps;

  /** Shows `c`'s status on its original message, taking off the one shown before. */
  return async function showStatus(c: Case): Promise<void> {
    const thread = decodeConversation(c.conversation);
    if (!thread) return;
    const wanted = STATUS_REACTIONS[c.status];
    const own = await refs.get(c.id, REF.statusReaction);
    if (own === wanted) return;
    // A case that follows an earlier one in the same thread takes over the earlier one's reaction.
    const shown = own ?? (c.follows ? await refs.get(c.follows.caseId, REF.statusReaction) : null);
    const message = { channel: thread.channel, ts: thread.threadTs };
    if (shown !== wanted) {
      // Added first: the message is never left without a status.
      await poster.react(message, wanted);
      if (shown !== null) await poster.unreact(message, shown);
    }
    await refs.put(c.id, REF.statusReaction, wanted);
  };
}
