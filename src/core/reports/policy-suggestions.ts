// Feedback into policy: the topics whose promises were missed most in a period, each with the
// change a supervisor might make (a longer window, another expert, more people on the rota). Only
// ever a suggestion: applying one is an edit of the config file (policies, topics' experts), never
// done by the bot. Pure: a Report and what the policies promise now in, plain figures out.
import { AUDIENCES, type DeskConfig } from '../model.ts';
import type { Report } from './build-report.ts';

/** A topic needs this many windows of a kind ended (kept or missed) to be judged… */
export const POLICY_MIN_ENDED = 3;
/** …and at least this share of them missed. */
export const POLICY_MISSED_SHARE = 1 / 3;
/** Most suggestions in a digest. */
export const POLICY_LIST = 3;

/** What the config promises for a topic now. */
export interface TopicPolicyNow {
  /** The windows of the topic's normal priority, in minutes, one per audience where they differ. */
  firstResponseMinutes: readonly number[];
  callbackMinutes: readonly number[];
  /** Experts and backups the topic has in the directory. */
  experts: number;
}

export type PolicyChange =
  /** Callback windows missed: a longer callback window, or another expert for the topic. */
  | 'longer_callback_or_expert'
  /** First responses missed: a longer first-response window, or more people on the triage rota. */
  | 'longer_first_response_or_rota';

export interface PolicySuggestion {
  topic: string;
  change: PolicyChange;
  missed: number;
  /** Windows of that kind ended kept or missed. */
  ended: number;
  /** What the topic has now; null when the config does not know the topic any more. */
  now: TopicPolicyNow | null;
}

const CHANGES = [
  ['callback', 'longer_callback_or_expert'],
  ['first_response', 'longer_first_response_or_rota'],
] as const;

/**
 * The topics whose windows were missed most: for each topic and kind (callback, first response)
 * with POLICY_MIN_ENDED or more ended and POLICY_MISSED_SHARE or more of them missed, the largest
 * share missed first, then the most missed, callbacks before first responses, then by topic; at
 * most POLICY_LIST.
 */
export function policySuggestions(
  report: Report,
  policyNow: (topic: string) => TopicPolicyNow | null = () => null,
): PolicySuggestion[] {
  const found: (PolicySuggestion & { order: number })[] = [];
  for (const group of report.windows.byTopic) {
    CHANGES.forEach(([kind, change], order) => {
      const { kept, missed } = group.byKind[kind];
      const ended = kept + missed;
      if (ended < POLICY_MIN_ENDED || missed < POLICY_MISSED_SHARE * ended) return;
      found.push({ topic: group.key, change, missed, ended, now: policyNow(group.key), order });
    });
  }
  return found
    .sort(
      (a, b) =>
        b.missed / b.ended - a.missed / a.ended ||
        b.missed - a.missed ||
        a.order - b.order ||
        (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
    )
    .slice(0, POLICY_LIST)
    .map(({ order: _order, ...s }) => s);
}

/** What the config promises each topic now (its normal priority on each audience), for policySuggestions. */
export function policyNowFrom(config: DeskConfig): (topic: string) => TopicPolicyNow | null {
  const distinct = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
  const normal = AUDIENCES.map((audience) => config.policies[audience].normal);
  return (id) => {
    const topic = config.directory.topics[id];
    if (!topic) return null;
    return {
      firstResponseMinutes: distinct(normal.map((p) => p.firstResponseMinutes)),
      callbackMinutes: distinct(normal.map((p) => p.callbackWindowMinutes)),
      experts: new Set([...topic.experts, ...topic.backups]).size,
    };
  };
}
