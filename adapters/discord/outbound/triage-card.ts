// The staff card: one per case in the team's triage channel, created by the first triage notice
// and edited in place (status, level, owner, next due time, risk). Its thread holds staff-only
// traffic: later triage notices, relayed notices and the notes staff write there.
import type { APIEmbed } from 'discord.js';
import {
  type ActionId,
  type Case,
  CATALOGS,
  type ClaimedNotice,
  type DeliveryResult,
  type Locale,
  type Team,
  type TextKey,
} from '../../../src/core/index.ts';
import { actionRows, showAllButton } from '../components.ts';
import { LIMITS, neutralise, noticeText, truncate } from '../format.ts';
import { nonceFor } from '../ids.ts';
import { type DiscordRefName, type DiscordRuntime, directoryOf } from '../runtime.ts';
import { adapterText } from '../texts.ts';
import { editMessage, postMessage, startThreadFromMessage } from './rest-calls.ts';

/** What the case keeps about its card (ref `discord.card`). */
export interface CardRef {
  channelId: string;
  messageId: string;
  /** The card's full text (the new-case notice), for "Show the full text". */
  text: string;
  actions: ActionId[];
}

export const CARD_REF = 'discord.card' satisfies DiscordRefName;
const CARD_STATE_REF = 'discord.card.state' satisfies DiscordRefName;
const CARD_THREAD_REF = 'discord.card.thread' satisfies DiscordRefName;

export async function readCard(rt: DiscordRuntime, caseId: string): Promise<CardRef | null> {
  const raw = await rt.ctx.store.refs.get(caseId, CARD_REF);
  return raw === null ? null : (JSON.parse(raw) as CardRef);
}

const COLOURS = { low: 0x5865f2, elevated: 0xfee75c, high: 0xed4245, done: 0x57f287 } as const;

function label(locale: Locale, key: string): string {
  return CATALOGS[locale][key as TextKey] ?? key;
}

/** The card's live state; when it has not changed, the card is not edited. */
const fingerprint = (c: Case) =>
  [
    c.status,
    c.level,
    c.ownerId,
    c.window?.dueAt.toISOString(),
    c.window?.paused ? 'paused' : '',
    c.risk.band,
  ].join('|');

function cardMessage(rt: DiscordRuntime, c: Case, card: Omit<CardRef, 'messageId'>, locale: Locale) {
  const people = directoryOf(rt).people;
  const done = c.status === 'resolved' || c.status === 'closed';
  const description = truncate(card.text, LIMITS.embedDescription);
  const due = c.window && !c.window.paused ? Math.floor(c.window.dueAt.getTime() / 1000) : null;
  const owner = c.ownerId === null ? label(locale, 'nobody') : (people[c.ownerId]?.name ?? c.ownerId);
  const embed: APIEmbed = {
    title: truncate(`#${c.number} · ${neutralise(c.customer.name)}`, LIMITS.embedTitle).text,
    description: description.text,
    color: done ? COLOURS.done : COLOURS[c.risk.band],
    fields: [
      { name: adapterText('card.status', locale), value: label(locale, `status.${c.status}`), inline: true },
      { name: adapterText('card.level', locale), value: label(locale, `level.${c.level}`), inline: true },
      { name: adapterText('card.owner', locale), value: truncate(owner, 200).text, inline: true },
      {
        name: adapterText('card.due', locale),
        // Discord shows <t:...> in each reader's own time zone.
        value: due === null ? adapterText('card.none', locale) : `<t:${due}:f> (<t:${due}:R>)`,
        inline: true,
      },
      { name: adapterText('card.risk', locale), value: label(locale, `risk.${c.risk.band}`), inline: true },
    ],
  };
  const actions = card.actions.map((id) => ({ id, caseId: c.id }));
  const extra = description.cut ? [showAllButton(c.id, locale)] : [];
  return { embeds: [embed], components: actionRows(actions, locale, { disabled: done, extra }) };
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
    params: {
      number: c.number,
      customerName: c.customer.name,
      words: c.words,
      topicName: topic?.names[team.locale] ?? topic?.names.en ?? c.topic,
      priority: c.priority,
      position: 0,
      firstResponseAt: (c.window?.dueAt ?? c.createdAt).toISOString(),
    },
  });
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
  const actions: ActionId[] =
    notice.key === 'triage.new_case'
      ? notice.actions.map((a) => a.id)
      : ['claim', 'escalate', 'resolve', 'ask_supervisor'];
  const draft = { channelId: target.channelId, text: cardText(rt, c, notice, target.team), actions };
  const message = await postMessage(rt.sinkRest, target.channelId, {
    ...cardMessage(rt, c, draft, locale),
    nonce: nonceFor(notice.id, target.channelId, 'card'),
  });
  const card: CardRef = { ...draft, messageId: message.id };
  await refs.put(c.id, CARD_REF, JSON.stringify(card));
  await refs.put(c.id, CARD_STATE_REF, fingerprint(c));
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
  const state = fingerprint(c);
  if ((await refs.get(c.id, CARD_STATE_REF)) === state) return;
  const locale = directoryOf(rt).teams[c.team]?.locale ?? 'en';
  await editMessage(rt.sinkRest, card.channelId, card.messageId, cardMessage(rt, c, card, locale));
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
