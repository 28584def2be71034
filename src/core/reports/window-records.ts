// Every promise window of a case, rebuilt from its audit trail by replaying what the core does
// (windows.ts, steps.ts, handle-timer.ts, commands/*). A case has at most one window at a time;
// each one it ever had becomes a record with the outcome it ended with.
//
// How each event moves the windows (W = the running window, if any):
//   case_opened           opens a first_response window held by nobody (the triage queue).
//   claimed               a running first_response W is kept, and a callback window opens for the
//                         taker; any other W (a callback, or a paused first response) just changes
//                         holder to the taker.
//   colleague_took        W (if any) just changes holder to the colleague (Ask a colleague).
//   abuse_taken_over      a supervisor holds the case: W (unless a decision window) changes holder to
//                         them, the same promise and due time.
//   answered              W ends (kept), the case waits on the customer. Not while a decision is
//                         pending: the approval window runs on.
//   asked_customer        W pauses, the case waits on the customer (not while a decision is pending).
//   details_added         while the case waits on the customer: a paused W resumes (the same
//                         promise); with none, a fresh window opens for the owner (callback when the
//                         owner is the expert or the level is 3+, else first_response).
//   taken_over            a supervisor took the case (heavy.ts): W runs on, now theirs (at level 1
//                         the claim before it in the same commit already moved it).
//   expert_assigned       W ends; a callback window opens for the expert (its dueAt is recorded).
//   no_expert_available   W ends (a person escalated; the supervisor request follows).
//   supervisor_requested  W ends; an approval window opens, held by the supervisors as a group.
//   escalation_approved   the approval window ends (kept); a callback window opens for the supervisor.
//   escalation_declined   the approval window ends (kept); a fresh window opens for whoever had the
//                         case before the request (or the new expert, when a reassign declined it).
//   window_renegotiated   W ends renegotiated; a callback window opens with the new dueAt.
//   window_missed         W ends missed; the same kind of window opens again for the same holder,
//                         unless a reassignment or a supervisor request replaces it in the same commit.
//   resolved, closed,
//   auto_closed           W ends; the case is finished.
//   reopened              a fresh window opens for the owner (a first response when reopened by a
//                         message; otherwise as for details_added; level 4 comes back as 3).
//   went_outside          level 4; on a finished case a callback window opens for the supervisor.
//   window_nudged         records W's due time. Everything else leaves the windows alone.
//
// The outcome of a window that ends other than by window_missed or window_renegotiated:
//   kept       a staff member ended it (answer, claim, handover, supervisor request, decision,
//              resolve, close; see actorKind for who counts as staff), or it was paused on a staff
//              question when it ended (nothing was owed: the case was waiting on the customer).
//   cancelled  the customer ended it while it ran (closed the case, asked for a supervisor).
// A window that ends at the very instant it opened (replaced within the commit that opened it, as
// after a miss that moves the case to another expert or a supervisor) is no window and not recorded.
// A late answer that beats the miss timer's sweep by seconds is kept: the trail is the truth, and
// the core treats that miss timer as stale too.
import type { Level, WindowKind } from '../model.ts';
import { actorKind, type CaseHistory } from './case-history.ts';
import { booleanField, instantField, textField, type ReportEvent } from './input.ts';

export type WindowOutcome = 'kept' | 'missed' | 'renegotiated' | 'cancelled';

export interface WindowRecord {
  caseId: string;
  kind: WindowKind;
  /**
   * Who had to act when it ended (or has to now): a person id, or null for the triage queue (a
   * first response nobody took) or the supervisors as a group (a decision).
   */
  holder: string | null;
  team: string;
  /** The case's level and topic when the window opened. */
  level: Level;
  topic: string;
  startedAt: Date;
  /**
   * The due time last recorded by an event for this window (expert_assigned, window_renegotiated,
   * window_nudged, window_missed); null when no event recorded it.
   */
  dueAt: Date | null;
  /** Paused on a question to the customer (when it ended, or now). */
  paused: boolean;
  /** Null while it runs (at the end of the trail). */
  end: { at: Date; outcome: WindowOutcome; byEvent: string } | null;
}

const WINDOW_KINDS: readonly string[] = ['first_response', 'callback', 'approval'] satisfies WindowKind[];
const isWindowKind = (value: string | null): value is WindowKind =>
  value !== null && WINDOW_KINDS.includes(value);

/** The case as the replay needs it between events. */
interface Replay {
  history: CaseHistory;
  records: WindowRecord[];
  current: WindowRecord | null;
  level: Level;
  topic: string;
  ownerId: string | null;
  expertId: string | null;
  supervisorId: string | null;
  /** Who held the case when the pending supervisor request was made. */
  ownerBeforeRequest: string | null;
  awaitingDecision: boolean;
  waitingOnCustomer: boolean;
  finished: boolean;
}

/** Every window of the case in the order they opened; the last one may still be running. */
export function caseWindows(history: CaseHistory): WindowRecord[] {
  const r: Replay = {
    history,
    records: [],
    current: null,
    level: 1,
    topic: history.case.topic,
    ownerId: null,
    expertId: null,
    supervisorId: null,
    ownerBeforeRequest: null,
    awaitingDecision: false,
    waitingOnCustomer: false,
    finished: false,
  };
  for (const event of history.events) apply(r, event);
  if (r.current) r.records.push(r.current);
  return r.records;
}

function apply(r: Replay, e: ReportEvent): void {
  switch (e.type) {
    case 'case_opened':
      r.topic = textField(e, 'topic') ?? r.history.case.topic;
      open(r, e, 'first_response', null);
      return;
    case 'topic_changed':
      r.topic = textField(e, 'to') ?? r.topic;
      return;
    case 'claimed': {
      r.ownerId = e.actorId;
      const w = r.current;
      if (w && !w.paused && w.kind === 'first_response') {
        end(r, e);
        open(r, e, 'callback', e.actorId);
      } else if (w) w.holder = e.actorId;
      return;
    }
    case 'colleague_took':
    case 'taken_over':
      // The colleague asked, or a supervisor taking a heavy case, takes the running promise as it
      // stands (an expert's take is followed by expert_assigned in the same commit, which replaces
      // it; at level 1 the claim before a take-over in the same commit already moved it).
      r.ownerId = e.actorId;
      if (r.current) r.current.holder = e.actorId;
      return;
    case 'abuse_taken_over': {
      r.ownerId = e.actorId;
      r.supervisorId = e.actorId;
      const w = r.current;
      if (w && w.kind !== 'approval') w.holder = e.actorId;
      return;
    }
    case 'answered':
    case 'asked_customer':
      if (r.awaitingDecision) return;
      if (r.ownerId === null) r.ownerId = e.actorId;
      if (e.type === 'answered') end(r, e);
      else if (r.current) r.current.paused = true;
      r.waitingOnCustomer = true;
      return;
    case 'details_added':
      if (!r.waitingOnCustomer) return;
      if (r.current?.paused) {
        r.current.paused = false;
        r.waitingOnCustomer = false;
      } else backToWork(r, e, r.ownerId);
      return;
    case 'expert_assigned': {
      const expertId = textField(e, 'expertId');
      end(r, e);
      r.level = r.level < 2 ? 2 : r.level;
      r.ownerId = expertId;
      r.expertId = expertId;
      r.awaitingDecision = false;
      open(r, e, 'callback', expertId, instantField(e, 'dueAt'));
      return;
    }
    case 'no_expert_available':
      end(r, e);
      return;
    case 'supervisor_requested':
      end(r, e);
      r.ownerBeforeRequest = r.ownerId;
      r.awaitingDecision = true;
      open(r, e, 'approval', null);
      return;
    case 'escalation_approved':
      end(r, e);
      r.awaitingDecision = false;
      r.level = r.level === 4 ? 4 : 3;
      r.ownerId = e.actorId;
      r.supervisorId = e.actorId;
      open(r, e, 'callback', e.actorId);
      return;
    case 'escalation_declined':
      end(r, e);
      r.awaitingDecision = false;
      backToWork(r, e, r.ownerBeforeRequest);
      return;
    case 'window_renegotiated':
      end(r, e, 'renegotiated');
      open(r, e, 'callback', e.actorId, instantField(e, 'dueAt'));
      return;
    case 'window_nudged':
      if (r.current) r.current.dueAt = instantField(e, 'dueAt') ?? r.current.dueAt;
      return;
    case 'window_missed':
      missed(r, e);
      return;
    case 'resolved':
    case 'closed':
    case 'auto_closed':
      end(r, e);
      r.finished = true;
      r.awaitingDecision = false;
      r.waitingOnCustomer = false;
      return;
    case 'reopened':
      r.finished = false;
      r.level = r.level === 4 ? 3 : r.level;
      backToWork(r, e, r.ownerId, booleanField(e, 'byMessage'));
      return;
    case 'went_outside':
      r.level = 4;
      if (r.finished) {
        r.finished = false;
        backToWork(r, e, r.supervisorId);
      }
      return;
  }
}

/** The miss, then the same promise again with a new time (see the top of the file). */
function missed(r: Replay, e: ReportEvent): void {
  const recorded = textField(e, 'window');
  const w = r.current ?? openRecord(r, e, isWindowKind(recorded) ? recorded : 'callback', r.ownerId);
  if (isWindowKind(recorded)) w.kind = recorded;
  w.dueAt = instantField(e, 'dueAt') ?? w.dueAt;
  r.current = w;
  end(r, e, 'missed');
  open(r, e, w.kind, w.holder);
}

/** The case goes back to work with `ownerId` and a fresh promise (steps.ts backToWork). */
function backToWork(r: Replay, e: ReportEvent, ownerId: string | null, firstResponse = false): void {
  end(r, e);
  r.ownerId = ownerId;
  const withExpert = ownerId !== null && ownerId === r.expertId;
  const kind = firstResponse ? 'first_response' : withExpert || r.level >= 3 ? 'callback' : 'first_response';
  open(r, e, kind, ownerId);
}

function openRecord(
  r: Replay,
  e: ReportEvent,
  kind: WindowKind,
  holder: string | null,
  dueAt: Date | null = null,
): WindowRecord {
  return {
    caseId: r.history.case.id,
    kind,
    holder,
    team: r.history.case.team,
    level: r.level,
    topic: r.topic,
    startedAt: e.at,
    dueAt,
    paused: false,
    end: null,
  };
}

/** Opens a window (ending the running one): the case waits on staff again. */
function open(r: Replay, e: ReportEvent, kind: WindowKind, holder: string | null, dueAt: Date | null = null) {
  end(r, e);
  r.current = openRecord(r, e, kind, holder, dueAt);
  r.waitingOnCustomer = false;
}

/** Ends the running window, if any, with `outcome` or the one the event implies. */
function end(r: Replay, e: ReportEvent, outcome?: WindowOutcome): void {
  const w = r.current;
  if (w === null) return;
  r.current = null;
  const how = outcome ?? (w.paused || actorKind(r.history, e) === 'staff' ? 'kept' : 'cancelled');
  const sameInstant = w.startedAt.getTime() === e.at.getTime();
  if (sameInstant && how !== 'missed' && how !== 'renegotiated') return;
  w.end = { at: e.at, outcome: how, byEvent: e.type };
  r.records.push(w);
}
