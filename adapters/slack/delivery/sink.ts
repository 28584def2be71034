// The Slack PlatformSink: delivers one outbox notice of a Slack case. Customer notices go to the
// case's thread; person notices to a direct message; supervisor notices to each supervisor's
// direct messages; triage notices to the team's triage card (created by the first, threaded
// under it after). The frame around each delivery (one per case at a time, cards brought up to
// date after it) is adapters/shared/sink.ts; a retried supervisors' notice skips those it reached.
// After each sent notice the customer's original message shows the case's status as a reaction
// (delivery/status-reaction.ts).
import type {
  AnswerBank,
  Case,
  ClaimedNotice,
  Clock,
  DeliveryResult,
  Directory,
  Person,
} from '../../../src/core/index.ts';
import { mayHaveArrived } from '../../../src/core/index.ts';
import type { AppConfig, Logger, PlatformSink } from '../../../src/platform/adapter.ts';
import { customerThreshold, forCustomer, queryOf, similarAnswers } from '../../shared/answer-suggestions.ts';
import { approvalIdOf, shownOnApprovalCopies } from '../../shared/approval-copies.ts';
import { customerActions, isInProgress, liveActions } from '../../shared/customer-actions.ts';
import { deliverToEach, reachedIn } from '../../shared/each-recipient.ts';
import { deliveringSink } from '../../shared/sink.ts';
import { decodeConversation, type MessageRef, REF, type SlackRefs } from '../conversation.ts';
import { label } from '../render/labels.ts';
import { noticeText, type RenderedMessage, renderNotice } from '../render/notice.ts';
import { customerSuggestionBlocks } from '../render/suggestions.ts';
import { caseCards } from './case-cards.ts';
import { deliveryOutcome, slackErrorOf } from './outcome.ts';
import type { NoticeTag, SlackPoster } from './slack-api.ts';
import { statusReactions } from './status-reaction.ts';

export interface SlackSinkDeps {
  poster: SlackPoster;
  refs: SlackRefs;
  directory: Directory;
  logger: Logger;
  /**
   * The answer bank and the config's thresholds: a new case's triage card shows the closest past
   * answers, its acknowledgement those strong enough for the customer. Without it, neither.
   */
  answers?: { bank: AnswerBank; config: Pick<AppConfig, 'answerBank'> };
  /** Says when Slack answered each sent notice (see DeliverySteps.clock). */
  clock?: Clock;
}

/** Every notice message carries its id; one that may already be there is looked for first. */
const tagOf = (notice: ClaimedNotice): NoticeTag => ({
  noticeId: notice.id,
  lookFirst: mayHaveArrived(notice),
});

const rejected = (error: string): DeliveryResult => ({ status: 'rejected', error });
const SENT: DeliveryResult = { status: 'sent' };

/** The Slack error that will never go away for this person (no such user, DMs closed), or null. */
function refusal(e: unknown): string | null {
  const outcome = deliveryOutcome(e);
  return 'unknown' in outcome || outcome.status !== 'rejected' ? null : outcome.error;
}

export function createSlackSink(deps: SlackSinkDeps): PlatformSink {
  const { poster, refs, directory, logger } = deps;
  const cards = caseCards({ refs, poster, directory, answers: deps.answers?.bank });
  const showStatus = statusReactions({ refs, poster });

  async function post(notice: ClaimedNotice, channel: string, message: RenderedMessage, threadTs?: string) {
    // Kept before posting, so "Show full text" works as soon as the message is seen.
    if (message.fullText !== undefined) {
      await refs.put(notice.caseId, REF.fullText(notice.id), message.fullText);
    }
    return poster.post(channel, message, threadTs, tagOf(notice));
  }

  async function toPerson(notice: ClaimedNotice, c: Case, slackId: string): Promise<MessageRef> {
    const channel = await poster.dmChannel(slackId);
    const actions = liveActions(notice, c);
    // A reply under this message is relayed to the customer (see inbound/messages.ts): say so. Under
    // a question to a colleague, a reply is their answer, for the holder only.
    const colleague = notice.key === 'colleague.asked';
    const hint = label(notice.locale, colleague ? 'colleague_reply_hint' : 'dm_reply_hint');
    const message = renderNotice(notice, actions, hint);
    const ref = await post(notice, channel, message);
    await cards.rememberThread(c.id, ref, colleague ? 'colleague' : 'dm');
    const approvalId = approvalIdOf(actions);
    if (approvalId) await cards.addApprovalCopy(c.id, approvalId, { ...ref, text: firstText(message) });
    return ref;
  }

  async function toSupervisors(notice: ClaimedNotice, c: Case, teamId: string): Promise<DeliveryResult> {
    if (shownOnApprovalCopies(notice) && (await cards.settleApproval(c))) return SENT;
    const team = directory.teams[teamId];
    const supervisors = (team?.supervisors ?? [])
      .map((id) => directory.people[id])
      .filter((p): p is Person & { slackId: string } => p?.slackId !== undefined);
    if (supervisors.length === 0) return rejected(`team ${teamId} has no supervisor with a slackId`);
    return deliverToEach({
      people: supervisors,
      reached: reachedIn(refs, c.id, (personId) => REF.deliveredTo(notice.id, personId)),
      send: async (person) => (await toPerson(notice, c, person.slackId)).ts,
      refusal,
      refused: (person, error) =>
        logger.warn('slack.supervisor_unreachable', { case: c.id, person: person.id, error }),
    });
  }

  async function toTriage(notice: ClaimedNotice, c: Case, teamId: string): Promise<DeliveryResult> {
    const team = directory.teams[teamId];
    if (!team?.slackTriageChannel) return rejected(`team ${teamId} has no slackTriageChannel`);
    const card = await cards.triageCard(c.id);
    if (!card) {
      const suggestions = deps.answers ? await similarAnswers(deps.answers.bank, queryOf(c)) : [];
      const intro = noticeText(notice);
      await cards.createTriageCard(c, team, team.slackTriageChannel, intro, tagOf(notice), suggestions);
      return SENT;
    }
    await post(notice, card.channel, renderNotice(notice, liveActions(notice, c)), card.ts);
    return SENT;
  }

  /** Under the acknowledgement of a case still in progress: answers strong enough for the customer. */
  async function forTheCustomer(notice: ClaimedNotice, c: Case) {
    if (!deps.answers || notice.key !== 'customer.ack' || !isInProgress(c)) return [];
    const threshold = customerThreshold(deps.answers.config, c.audience);
    if (threshold === null) return [];
    return forCustomer(await similarAnswers(deps.answers.bank, queryOf(c)), threshold);
  }

  async function route(notice: ClaimedNotice, c: Case): Promise<DeliveryResult> {
    const r = notice.recipient;
    switch (r.kind) {
      case 'customer': {
        const thread = decodeConversation(r.conversation);
        if (!thread) return rejected(`not a Slack conversation: ${r.conversation}`);
        const message = renderNotice(notice, customerActions(notice, c));
        const offered = await forTheCustomer(notice, c);
        const blocks = [...message.blocks, ...customerSuggestionBlocks(c.id, offered, notice.locale)];
        await post(notice, thread.channel, { ...message, blocks }, thread.threadTs);
        return SENT;
      }
      case 'person': {
        const person = directory.people[r.personId];
        if (!person?.slackId) return rejected(`person ${r.personId} has no slackId`);
        await toPerson(notice, c, person.slackId);
        return SENT;
      }
      case 'supervisors':
        return toSupervisors(notice, c, r.teamId);
      case 'triage':
        return toTriage(notice, c, r.teamId);
    }
  }

  const fields = (notice: ClaimedNotice, c: Case) => ({
    case: c.id,
    number: c.number,
    notice: notice.id,
    key: notice.key,
    to: notice.recipient.kind,
  });

  return deliveringSink({
    clock: deps.clock,
    route,
    async failed(e, notice, c) {
      const outcome = deliveryOutcome(e);
      if (!('unknown' in outcome)) return outcome;
      logger.error('slack.delivery_unknown', { ...fields(notice, c), error: slackErrorOf(e) });
      return null;
    },
    notSent: (result, notice, c) =>
      logger.warn('slack.delivery_failed', {
        ...fields(notice, c),
        outcome: result.status,
        error: result.error,
      }),
    // Cards follow the case, and so does the status reaction on the customer's original message
    // (best effort on its own: a failed reaction is logged, and neither keeps the other back).
    async followCase(c) {
      try {
        await showStatus(c);
      } catch (e) {
        logger.warn('slack.reaction_failed', { case: c.id, number: c.number, error: slackErrorOf(e) });
      }
      await cards.refreshTriageCard(c);
      await cards.settleApproval(c);
    },
    async followFailed(e, c) {
      logger.warn('slack.card_update_failed', { case: c.id, number: c.number, error: slackErrorOf(e) });
    },
  });
}

function firstText(message: RenderedMessage): string {
  const first = message.blocks[0];
  return first?.type === 'section' && first.text ? first.text.text : message.text;
}
