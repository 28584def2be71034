// Delivers outbox notices on Discord: the customer's case thread, a person's DMs, every
// supervisor's DMs, or the team's triage card and its staff thread. Then brings the card and the
// approval copies up to date, in the frame of adapters/shared/sink.ts (one delivery per case at a
// time); a retried supervisors' notice skips those it reached. REST failures become retry / park /
// unknown (see outcome.ts).
import { DiscordAPIError } from 'discord.js';
import type { Case, ClaimedNotice, DeliveryResult, Person } from '../../../src/core/index.ts';
import type { PlatformSink } from '../../../src/platform/adapter.ts';
import { approvalIdOf, shownOnApprovalCopies } from '../../shared/approval-copies.ts';
import { customerActions, liveActions } from '../../shared/customer-actions.ts';
import { deliverToEach, reachedIn } from '../../shared/each-recipient.ts';
import { deliveringSink } from '../../shared/sink.ts';
import { parseConversation } from '../ids.ts';
import { adapterText } from '../render/labels.ts';
import { noticeText } from '../render/markdown.ts';
import { type DiscordRefName, type DiscordRuntime, directoryOf } from '../runtime.ts';
import { approvalCopiesOf, settleApproval, syncCaseViews } from './case-views.ts';
import { classifyDeliveryError } from './outcome.ts';
import { type BlockedAction, channelInUrl, reportMissingPermissions } from './permission-alerts.ts';
import { sendNoticeText } from './send-text.ts';
import { offerAnswers } from './suggestions.ts';
import { cardThread, deliverToTriage, ensureCard } from './triage-card.ts';
import { alreadyInThread, sendButtonsOnly } from './written-here.ts';

/** Notices the adapter already showed where they were written (a note typed in the staff thread). */
export const skipRef = (noticeId: string): DiscordRefName => `discord.skip.${noticeId}`;

const SENT: DeliveryResult = { status: 'sent' };

/** Discord's reason when it will never reach this person as things are (DMs closed…), or null. */
function refusal(error: unknown): string | null {
  const classified = classifyDeliveryError(error);
  return classified?.result.status === 'rejected' ? classified.result.error : null;
}

export function createDiscordSink(rt: DiscordRuntime): PlatformSink {
  const { logger } = rt.ctx;
  const { refs } = rt.ctx.store;
  const copies = approvalCopiesOf(rt);

  /** Sends the notice's text with its buttons as they still apply, remembering an approval's copy. */
  async function sendTo(notice: ClaimedNotice, c: Case, channelId: string, text = noticeText(notice)) {
    const actions = liveActions(notice, c);
    const lastId = await sendNoticeText(rt, notice, channelId, text, actions);
    const approvalId = approvalIdOf(actions);
    if (approvalId) await copies.add(c.id, approvalId, { channelId, messageId: lastId });
    return lastId;
  }

  /** A person with no Discord id still gets it: in the case's staff thread, addressed by name. */
  async function relayToStaffThread(notice: ClaimedNotice, c: Case, who: string): Promise<DeliveryResult> {
    const ensured = await ensureCard(rt, notice, c);
    if ('error' in ensured) return { status: 'rejected', error: `${ensured.error} (relaying to ${who})` };
    const threadId = await cardThread(rt, c, ensured.card, ensured.team);
    const heading = adapterText('relay.for_person', ensured.team.locale, { name: who });
    await sendTo(notice, c, threadId, `${heading}\n${noticeText(notice)}`);
    return SENT;
  }

  async function toSupervisors(notice: ClaimedNotice, c: Case, teamId: string): Promise<DeliveryResult> {
    if (shownOnApprovalCopies(notice) && (await settleApproval(rt, c))) return SENT;
    const people = directoryOf(rt).people;
    const team = directoryOf(rt).teams[teamId];
    const reachable = (team?.supervisors ?? [])
      .map((id) => people[id])
      .filter((p): p is Person & { discordId: string } => p?.discordId !== undefined);
    if (reachable.length === 0) {
      const names = (team?.supervisors ?? []).map((id) => people[id]?.name ?? id).join(', ');
      return relayToStaffThread(notice, c, names);
    }
    return deliverToEach({
      people: reachable,
      reached: reachedIn(refs, c.id, (personId) => `discord.reached.${notice.id}.${personId}`),
      send: async (person) => sendTo(notice, c, await rt.dmChannel(person.discordId)),
      refusal,
      refused: (person, error) =>
        logger.warn('discord.supervisor_unreachable', { case: c.id, person: person.id, error }),
    });
  }

  async function route(notice: ClaimedNotice, c: Case): Promise<DeliveryResult> {
    const r = notice.recipient;
    switch (r.kind) {
      case 'customer': {
        const conversation = parseConversation(r.conversation) ?? parseConversation(c.conversation);
        if (!conversation) {
          return {
            status: 'rejected',
            error: `case ${c.number}: "${r.conversation}" is not a Discord conversation`,
          };
        }
        const actions = customerActions(notice, c);
        // Staff wrote these words in this very thread: the member reads them there already.
        if (await alreadyInThread(rt, notice, conversation.channelId)) {
          await sendButtonsOnly(rt, notice, c, conversation.channelId, actions);
          return SENT;
        }
        await sendNoticeText(rt, notice, conversation.channelId, noticeText(notice), actions);
        await offerAnswers(rt, notice, c, conversation.channelId);
        return SENT;
      }
      case 'person': {
        const person = directoryOf(rt).people[r.personId];
        if (!person?.discordId) return relayToStaffThread(notice, c, person?.name ?? r.personId);
        await sendTo(notice, c, await rt.dmChannel(person.discordId));
        return SENT;
      }
      case 'supervisors':
        return toSupervisors(notice, c, r.teamId);
      case 'triage': {
        if ((await refs.get(c.id, skipRef(notice.id))) !== null) return SENT;
        return deliverToTriage(rt, notice, c, (threadId) => sendTo(notice, c, threadId));
      }
    }
  }

  /** Missing permissions are for a person to fix: told to the admins (see permission-alerts.ts). */
  async function reportIfPermissions(error: unknown, c: Case): Promise<void> {
    const classified = classifyDeliveryError(error);
    if (!classified?.permission || !(error instanceof DiscordAPIError)) return;
    await reportMissingPermissions(rt, c, {
      channelId: channelInUrl(error.url) ?? '?',
      what: blockedAction(error),
      ...classified.permission,
    });
  }

  const fields = (notice: ClaimedNotice, c: Case) => ({
    notice: notice.id,
    case: c.id,
    number: c.number,
    key: notice.key,
  });

  return deliveringSink({
    clock: rt.ctx.clock,
    route(notice, c) {
      rt.recentCases.remember(c);
      return route(notice, c);
    },
    async failed(error, _notice, c) {
      const classified = classifyDeliveryError(error);
      if (classified) await reportIfPermissions(error, c);
      return classified?.result ?? null;
    },
    notSent(result, notice, c) {
      if (result.status === 'retry')
        logger.warn('discord.delivery_retry', { ...fields(notice, c), error: result.error });
      else logger.error('discord.delivery_rejected', { ...fields(notice, c), error: result.error });
    },
    followCase: (c) => syncCaseViews(rt, c),
    // The notice itself went out; the views catch up with the case's next notice.
    async followFailed(error, c) {
      logger.warn('discord.views_stale', { case: c.id, error: (error as Error).message });
      await reportIfPermissions(error, c);
    },
  });
}

function blockedAction(error: DiscordAPIError): BlockedAction {
  if (/\/threads/.test(error.url) || /thread-members/.test(error.url)) return 'thread';
  return error.method.toUpperCase() === 'PATCH' ? 'edit' : 'post';
}
