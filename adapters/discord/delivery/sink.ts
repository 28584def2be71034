// Delivers outbox notices on Discord: the customer's case thread, a person's DMs, every
// supervisor's DMs, or the team's triage card and its staff thread. Then brings the card and the
// approval copies up to date. REST failures become retry / park / unknown (see delivery-errors).
import { DiscordAPIError } from 'discord.js';
import {
  type ActionId,
  ACTIVE_STATUSES,
  type Case,
  type ClaimedNotice,
  type DeliveryResult,
  type NoticeAction,
  type Person,
} from '../../../src/core/index.ts';
import type { PlatformSink } from '../../../src/platform/adapter.ts';
import { actionRows } from '../render/components.ts';
import { noticeText } from '../render/markdown.ts';
import { parseConversation } from '../ids.ts';
import { type DiscordRefName, type DiscordRuntime, dmChannelOf, directoryOf } from '../runtime.ts';
import { adapterText } from '../render/labels.ts';
import { recordApprovalCopy, syncCaseViews } from './case-views.ts';
import { classifyDeliveryError } from './outcome.ts';
import { type BlockedAction, channelInUrl, reportMissingPermissions } from './permission-alerts.ts';
import { openDm } from './rest-calls.ts';
import { sendNoticeText } from './send-text.ts';
import { deliverToTriage, ensureCard, cardThread } from './triage-card.ts';

/** Notices the adapter already showed where they were written (a note typed in the staff thread). */
export const skipRef = (noticeId: string): DiscordRefName => `discord.skip.${noticeId}`;

const SENT: DeliveryResult = { status: 'sent' };

export function createDiscordSink(rt: DiscordRuntime): PlatformSink {
  const { logger } = rt.ctx;
  const { refs } = rt.ctx.store;

  const dm = (userId: string) => dmChannelOf(rt, userId, () => openDm(rt.sinkRest, userId));

  /** A person with no Discord id still gets it: in the case's staff thread, addressed by name. */
  async function relayToStaffThread(notice: ClaimedNotice, c: Case, who: string): Promise<DeliveryResult> {
    const ensured = await ensureCard(rt, notice, c);
    if ('error' in ensured) return { status: 'rejected', error: `${ensured.error} (relaying to ${who})` };
    const threadId = await cardThread(rt, c, ensured.card, ensured.team);
    const heading = adapterText('relay.for_person', ensured.team.locale, { name: who });
    const lastId = await sendNoticeText(rt, notice, threadId, `${heading}\n${noticeText(notice)}`);
    await rememberApproval(notice, threadId, lastId);
    return SENT;
  }

  async function rememberApproval(notice: ClaimedNotice, channelId: string, messageId: string) {
    const approvalId = notice.actions.find((a) => a.id === 'approve')?.approvalId;
    if (approvalId) await recordApprovalCopy(rt, notice.caseId, approvalId, { channelId, messageId });
  }

  async function route(notice: ClaimedNotice, c: Case): Promise<DeliveryResult> {
    const r = notice.recipient;
    const people = directoryOf(rt).people;
    switch (r.kind) {
      case 'customer': {
        const conversation = parseConversation(r.conversation) ?? parseConversation(c.conversation);
        if (!conversation) {
          return {
            status: 'rejected',
            error: `case ${c.number}: "${r.conversation}" is not a Discord conversation`,
          };
        }
        const components = actionRows(customerActions(notice, c), notice.locale);
        await sendNoticeText(rt, notice, conversation.channelId, noticeText(notice), { components });
        return SENT;
      }
      case 'person': {
        const person = people[r.personId];
        if (!person?.discordId) return relayToStaffThread(notice, c, person?.name ?? r.personId);
        await sendNoticeText(rt, notice, await dm(person.discordId), noticeText(notice));
        return SENT;
      }
      case 'supervisors': {
        const team = directoryOf(rt).teams[r.teamId];
        const reachable = (team?.supervisors ?? [])
          .map((id) => people[id])
          .filter((p): p is Person & { discordId: string } => p?.discordId !== undefined);
        if (reachable.length === 0) {
          const names = (team?.supervisors ?? []).map((id) => people[id]?.name ?? id).join(', ');
          return relayToStaffThread(notice, c, names);
        }
        for (const supervisor of reachable) {
          const channelId = await dm(supervisor.discordId);
          const lastId = await sendNoticeText(rt, notice, channelId, noticeText(notice));
          await rememberApproval(notice, channelId, lastId);
        }
        return SENT;
      }
      case 'triage': {
        if ((await refs.get(c.id, skipRef(notice.id))) !== null) return SENT;
        return deliverToTriage(rt, notice, c, (threadId) =>
          sendNoticeText(rt, notice, threadId, noticeText(notice)),
        );
      }
    }
  }

  async function handleFailure(error: unknown, notice: ClaimedNotice, c: Case): Promise<DeliveryResult> {
    const classified = classifyDeliveryError(error);
    if (!classified) throw error;
    const { result } = classified;
    const fields = { notice: notice.id, case: c.id, number: c.number, key: notice.key };
    if (result.status === 'retry') logger.warn('discord.delivery_retry', { ...fields, error: result.error });
    else
      logger.error('discord.delivery_rejected', { ...fields, error: 'error' in result ? result.error : '' });
    if (classified.permission && error instanceof DiscordAPIError) {
      await reportMissingPermissions(rt, c, {
        channelId: channelInUrl(error.url) ?? '?',
        what: blockedAction(error),
        ...classified.permission,
      });
    }
    return result;
  }

  return {
    async deliver(notice, c) {
      rt.recentCases.remember(c);
      let result: DeliveryResult;
      try {
        result = await route(notice, c);
      } catch (error) {
        return handleFailure(error, notice, c);
      }
      if (result.status !== 'sent') {
        logger.error('discord.delivery_rejected', { notice: notice.id, case: c.id, error: result.error });
        return result;
      }
      try {
        await syncCaseViews(rt, c);
      } catch (error) {
        // The notice itself went out; the views catch up with the case's next notice.
        const classified = classifyDeliveryError(error);
        logger.warn('discord.views_stale', { case: c.id, error: (error as Error).message });
        if (classified?.permission && error instanceof DiscordAPIError) {
          await reportMissingPermissions(rt, c, {
            channelId: channelInUrl(error.url) ?? '?',
            what: blockedAction(error),
            ...classified.permission,
          });
        }
      }
      return result;
    },
  };
}

/**
 * The customer always has their controls at hand: a message that brings no buttons of its own
 * gets the ones that fit the case now (the core still decides when one is pressed).
 */
function customerActions(notice: ClaimedNotice, c: Case): NoticeAction[] {
  if (notice.actions.length > 0) return [...notice.actions];
  const ids: ActionId[] = !ACTIVE_STATUSES.includes(c.status)
    ? ['reopen']
    : c.approval?.status === 'pending'
      ? ['add_details', 'mark_resolved']
      : ['add_details', 'ask_supervisor', 'mark_resolved'];
  return ids.map((id) => ({ id, caseId: c.id }));
}

function blockedAction(error: DiscordAPIError): BlockedAction {
  if (/\/threads/.test(error.url) || /thread-members/.test(error.url)) return 'thread';
  return error.method.toUpperCase() === 'PATCH' ? 'edit' : 'post';
}
