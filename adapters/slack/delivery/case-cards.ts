// Cards that live as long as their case: the triage card (created by the case's first triage
// notice, redrawn in place whenever the case has changed since) and the approval cards sent to
// supervisors (every copy redrawn once, with the decision and without buttons: see
// adapters/shared/approval-copies.ts).
import type { AnswerBank, Case, Directory, Team } from '../../../src/core/index.ts';
import {
  keptSuggestions,
  liveSuggestions,
  type Suggestion,
  suggestionsToKeep,
} from '../../shared/answer-suggestions.ts';
import { approvalCopies, approvalOutcome } from '../../shared/approval-copies.ts';
import { isInProgress } from '../../shared/customer-actions.ts';
import {
  formatMessageRef,
  formatThreadRef,
  type MessageRef,
  parseMessageRef,
  REF,
  type SlackRefName,
  type SlackRefs,
  THREAD_CASE,
  threadKey,
  type ThreadKind,
} from '../conversation.ts';
import { decidedApprovalBlocks, triageCardBlocks } from '../render/cards.ts';
import { neutralise } from '../render/escape.ts';
import type { NoticeTag, SlackPoster } from './slack-api.ts';

/** A copy of an approval card: where it is, and the text it opened with. */
export interface ApprovalCopy extends MessageRef {
  text: string;
}

export function caseCards(deps: {
  refs: SlackRefs;
  poster: SlackPoster;
  directory: Directory;
  /** The answer bank, to redraw the card's suggestions as they are now (none without it). */
  answers?: Pick<AnswerBank, 'get'> | undefined;
}) {
  const { refs, poster, directory } = deps;
  const triageLocale = (team: Team) => team.locale;
  const copies = approvalCopies<SlackRefName, ApprovalCopy>(
    refs,
    { copies: REF.approvalCopies, settled: REF.approvalFinal },
    (a, b) => a.channel === b.channel && a.ts === b.ts,
  );

  async function rememberThread(caseId: string, ref: MessageRef, kind: ThreadKind): Promise<void> {
    await refs.put(threadKey(ref.channel, ref.ts), THREAD_CASE, formatThreadRef(kind, caseId));
  }

  async function triageCard(caseId: string): Promise<MessageRef | null> {
    return parseMessageRef(await refs.get(caseId, REF.triageCard));
  }

  /** Posts the case's triage card, opening with `intro`, with the answer bank's suggestions. */
  async function createTriageCard(
    c: Case,
    team: Team,
    channel: string,
    intro: string,
    tag?: NoticeTag,
    suggestions: readonly Suggestion[] = [],
  ): Promise<MessageRef> {
    const timeZone = c.policy.calendar.timeZone;
    const blocks = triageCardBlocks(intro, c, directory, triageLocale(team), timeZone, suggestions);
    await refs.put(c.id, REF.triageIntro, intro);
    if (suggestions.length > 0) await refs.put(c.id, REF.triageSuggestions, suggestionsToKeep(suggestions));
    const ref = await poster.post(channel, { text: intro, blocks }, undefined, tag);
    await refs.put(c.id, REF.triageCard, formatMessageRef(ref));
    await refs.put(c.id, REF.triageVersion, String(c.version));
    await rememberThread(c.id, ref, 'triage');
    return ref;
  }

  /** Redraws the triage card when the case changed since it was last drawn. */
  async function refreshTriageCard(c: Case): Promise<void> {
    const ref = await triageCard(c.id);
    const team = directory.teams[c.team];
    if (!ref || !team) return;
    const shown = Number(await refs.get(c.id, REF.triageVersion));
    if (shown >= c.version) return;
    const intro = (await refs.get(c.id, REF.triageIntro)) ?? `#${c.number}`;
    const kept = keptSuggestions(await refs.get(c.id, REF.triageSuggestions));
    // Read again only while the card shows them (a case in progress).
    const suggestions =
      deps.answers && kept.length > 0 && isInProgress(c) ? await liveSuggestions(deps.answers, kept) : [];
    const zone = c.policy.calendar.timeZone;
    const blocks = triageCardBlocks(intro, c, directory, triageLocale(team), zone, suggestions);
    await poster.update(ref, { text: intro, blocks });
    await refs.put(c.id, REF.triageVersion, String(c.version));
  }

  /**
   * Once the approval is decided (or no longer needed), every copy shows the outcome and loses its
   * buttons. True when the copies show it (now or before).
   */
  async function settleApproval(c: Case): Promise<boolean> {
    const team = directory.teams[c.team];
    const reader = team && { locale: triageLocale(team), timeZone: c.policy.calendar.timeZone };
    const outcome = reader ? approvalOutcome(c, directory, reader, neutralise) : null;
    if (outcome === null) return false;
    return copies.settle(c, (copy) =>
      poster.update(copy, { text: outcome, blocks: decidedApprovalBlocks(copy.text, outcome) }),
    );
  }

  return {
    rememberThread,
    triageCard,
    createTriageCard,
    refreshTriageCard,
    addApprovalCopy: copies.add,
    settleApproval,
  };
}

export type CaseCards = ReturnType<typeof caseCards>;
