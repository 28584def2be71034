// `/support queue`: a supervisor's lists, as Slack's App Home shows them (pending approvals with
// Approve / Decline, overdue promises, cases at risk, messages not delivered), for the teams they
// supervise. Pure: the lists come from inbound/queue.ts. Each list shows at most PER_LIST cases and
// says how many more there are; the whole text is split into messages of 2,000 characters, and the
// first one carries the approvals' buttons (2 cases per row, 5 rows: 10 cases, Discord's limit).
import { ComponentType } from 'discord.js';
import type { Case, Directory, Locale } from '../../../src/core/index.ts';
import { shownName } from '../../shared/params.ts';
import { actionCustomId, parseConversation } from '../ids.ts';
import { type ActionRow, decisionButton } from './components.ts';
import { type AdapterTextKey, adapterText } from './labels.ts';
import { neutralise, splitText, truncate } from './markdown.ts';
import { discordTime } from './times.ts';

/** Most cases shown per list: 10 pending approvals take 20 buttons, within Discord's 25. */
export const PER_LIST = 10;
/** Most cases read per team and list to count "and N more"; beyond, the count says "more than". */
export const COUNT_CAP = 100;

export type QueueListName = 'approvals' | 'overdue' | 'at_risk' | 'undelivered';

export interface QueueList {
  name: QueueListName;
  /** The list's first cases (at most PER_LIST are shown). */
  cases: readonly Case[];
  /** Cases in the list beyond those shown. */
  more: number;
  /** `more` is a lower bound: some team had more than COUNT_CAP. */
  atLeast?: boolean;
}

export interface QueueMessage {
  content: string;
  components: ActionRow[];
}

const NAME_LIMIT = 40;

const oneLine = (text: string): string => truncate(shownName(text, neutralise), NAME_LIMIT).text;

function caseLine(c: Case, directory: Directory, locale: Locale): string {
  const topic = directory.topics[c.topic];
  const topicName = topic ? (topic.names[locale] ?? topic.names.en) : c.topic;
  const window = c.window;
  const shown = window && window.paused === null ? discordTime(window.dueAt.toISOString()) : null;
  const place = parseConversation(c.conversation);
  return adapterText('queue.line', locale, {
    number: c.number,
    customer: oneLine(c.customer.name),
    topic: oneLine(topicName),
    due: shown ? adapterText('queue.due', locale, { due: shown }) : adapterText('queue.no_due', locale),
    thread: place ? `<#${place.channelId}>` : adapterText('queue.not_on_discord', locale),
  });
}

function listText(list: QueueList, directory: Directory, locale: Locale): string {
  const title = adapterText(`queue.${list.name}` satisfies AdapterTextKey, locale);
  const shown = list.cases.slice(0, PER_LIST);
  const more = list.more + Math.max(0, list.cases.length - PER_LIST);
  const lines = shown.length
    ? shown.map((c) => `• ${caseLine(c, directory, locale)}`)
    : [adapterText('queue.none', locale)];
  if (more > 0)
    lines.push(adapterText(list.atLeast ? 'queue.more_many' : 'queue.more', locale, { count: more }));
  return [`**${title}**`, ...lines].join('\n');
}

/** The Approve and Decline buttons of each pending approval shown, two cases to a row. */
function decisionRows(cases: readonly Case[], locale: Locale): ActionRow[] {
  const buttons = cases.slice(0, PER_LIST).flatMap((c) => {
    const approval = c.approval;
    if (!approval || approval.status !== 'pending') return [];
    return (['approve', 'decline'] as const).map((id) =>
      decisionButton(actionCustomId({ id, caseId: c.id, approvalId: approval.id }), id, c.number, locale),
    );
  });
  const rows: ActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < 5; i += 4)
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 4) });
  return rows;
}

/** The messages answering `/support queue`: the text split at 2,000 characters, buttons on the first. */
export function queueMessages(
  teams: readonly string[],
  lists: readonly QueueList[],
  directory: Directory,
  locale: Locale,
): QueueMessage[] {
  const header = adapterText('queue.header', locale, {
    teams: truncate(teams.map((t) => shownName(t, neutralise)).join(', '), 200).text,
  });
  const text = [header, ...lists.map((l) => listText(l, directory, locale))].join('\n\n');
  const approvals = lists.find((l) => l.name === 'approvals');
  const rows = approvals ? decisionRows(approvals.cases, locale) : [];
  return splitText(text).map((content, index) => ({ content, components: index === 0 ? rows : [] }));
}
