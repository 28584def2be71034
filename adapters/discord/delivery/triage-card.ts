// The staff card: one per case in the team's triage channel, created by the first triage notice
// and edited in place (status, level, owner, next due time, risk). Its thread holds staff-only
// traffic: later triage notices, relayed notices and the notes staff write there.
import {
  type ActionId,
  type Case,
  type ClaimedNotice,
  type DeliveryResult,
  forStaffParams,
  type Team,
} from '../../../src/core/index.ts';
import { liveSuggestions, queryOf, similarAnswers } from '../../shared/answer-suggestions.ts';
import { isInProgress, TRIAGE_CARD_ACTIONS } from '../../shared/customer-actions.ts';
import { nonceFor } from '../ids.ts';
import { type CardContent, cardFingerprint, cardMessage } from '../render/cards.ts';
import { adapterText } from '../render/labels.ts';
import { noticeText } from '../render/markdown.ts';
import { type DiscordRefName, type DiscordRuntime, directoryOf } from '../runtime.ts';
import { editMessage, postMessage, startThreadFromMessage } from './rest-calls.ts';

/** What the case keeps about its card (ref `discord.card`). */
export interface CardRef extends CardContent {
  channelId: string;
  messageId: string;
}

export const CARD_REF = 'discord.card' satisfies DiscordRefName;
const CARD_STATE_REF = 'discord.card.state' satisfies DiscordRefName;
const CARD_THREAD_REF = 'discord.card.thread' satisfies DiscordRefName;

export async function readCard(rt: DiscordRuntime, caseId: string): Promise<CardRef | null> {
  const raw = await rt.ctx.store.refs.get(caseId, CARD_REF);
  return raw === null ? null : (JSON.parse(raw) as CardRef);
}

function triageTeam(rt: DiscordRuntime, c: Case): { team: Team; channelId: string } | { error: string } {
  const team = directoryOf(rt).teams[c.team];
  if (!team) return { error: `case ${c.number}: team ${c.team} is not in the config` };
  if (!team.discordTriageChannel) {
    return { error: `case ${c.number}: team ${team.id} has no discordTriageChannel in the config` };
  }
  return { team, channelId: team.discordTriageChannel };
}

/** The text of the card: the new-case notice, or the same rebuilt from the case if that was missed. */
function cardText(rt: DiscordRuntime, c: Case, notice: ClaimedNotice, team: Team): string {
  if (notice.key === 'triage.new_case') return noticeText(notice);
  const topic = directoryOf(rt).topics[c.topic];
  return noticeText({
    key: 'triage.new_case',
    locale: team.locale,
    timeZone: c.policy.calendar.timeZone,
    // Rebuilt from the case: its words masked for staff as the core's notice had them.
    params: forStaffParams('triage.new_case', {
      number: c.number,
      customerName: c.customer.name,
      words: c.words,
      topicName: topic?.names[team.locale] ?? topic?.names.en ?? c.topic,
      priority: c.priority,
      position: 0,
      firstResponseAt: (c.window?.dueAt ?? c.createdAt).toISOString(),
    }),
  });
}

/** The card as kept, its suggestions read again from the bank while the case is in progress. */
async function withLiveSuggestions(rt: DiscordRuntime, c: Case, card: CardRef): Promise<CardRef> {
  const kept = card.suggestions ?? [];
  if (kept.length === 0 || !isInProgress(c)) return { ...card, suggestions: [] };
  return { ...card, suggestions: await liveSuggestions(rt.ctx.store.answers, kept) };
}

/** Creates the case's card if it has none. */
export async function ensureCard(
  rt: DiscordRuntime,
  notice: ClaimedNotice,
  c: Case,
): Promise<{ card: CardRef; team: Team } | { error: string }> {
  const target = triageTeam(rt, c);
  if ('error' in target) return target;
  const existing = await readCard(rt, c.id);
  if (existing) return { card: existing, team: target.team };
  const { refs } = rt.ctx.store;
  const locale = target.team.locale;
  const actions: ActionId[] = [...TRIAGE_CARD_ACTIONS];
  // The answer bank's closest past answers, looked up as the card is made and kept with it.
  const suggestions = await similarAnswers(rt.ctx.store.answers, queryOf(c));
  const draft = {
    channelId: target.channelId,
    text: cardText(rt, c, notice, target.team),
    actions,
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
  const message = await postMessage(rt.sinkRest, target.channelId, {
    ...cardMessage(c, draft, directoryOf(rt), locale),
    nonce: nonceFor(notice.id, target.channelId, 'card'),
  });
  const card: CardRef = { ...draft, messageId: message.id };
  // Kept without the suggestions' text (ids and scores only): a redraw reads them from the bank,
  // so an entry retired or erased since leaves no copy in the card's reference.
  const kept = { ...card, suggestions: suggestions.map((s) => ({ id: s.id, text: '', score: s.score })) };
  await refs.put(c.id, CARD_REF, JSON.stringify(kept));
  await refs.put(c.id, CARD_STATE_REF, cardFingerprint(c));
  return { card, team: target.team };
}

/** The card's thread (its id is the card message's id), started on first use. */
export async function cardThread(rt: DiscordRuntime, c: Case, card: CardRef, team: Team): Promise<string> {
  const { refs } = rt.ctx.store;
  const known = await refs.get(c.id, CARD_THREAD_REF);
  if (known !== null) return known;
  const name = adapterText('thread.staff', team.locale, { number: c.number });
  const threadId = await startThreadFromMessage(rt.sinkRest, card.channelId, card.messageId, name);
  await refs.put(c.id, CARD_THREAD_REF, threadId);
  return threadId;
}

/** Edits the card when the case's status, owner, due time or risk changed since the last edit. */
export async function refreshCard(rt: DiscordRuntime, c: Case): Promise<void> {
  const card = await readCard(rt, c.id);
  if (!card) return;
  const { refs } = rt.ctx.store;
  const state = cardFingerprint(c);
  if ((await refs.get(c.id, CARD_STATE_REF)) === state) return;
  const locale = directoryOf(rt).teams[c.team]?.locale ?? 'en';
  await editMessage(
    rt.sinkRest,
    card.channelId,
    card.messageId,
    cardMessage(c, await withLiveSuggestions(rt, c, card), directoryOf(rt), locale),
  );
  await refs.put(c.id, CARD_STATE_REF, state);
}

export async function deliverToTriage(
  rt: DiscordRuntime,
  notice: ClaimedNotice,
  c: Case,
  send: (channelId: string) => Promise<unknown>,
): Promise<DeliveryResult> {
  const ensured = await ensureCard(rt, notice, c);
  if ('error' in ensured) return { status: 'rejected', error: ensured.error };
  const threadId = await cardThread(rt, c, ensured.card, ensured.team);
  if (notice.key !== 'triage.new_case') await send(threadId);
  return { status: 'sent' };
}
