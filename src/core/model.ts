// The platform-neutral domain: cases, windows, timers, notices and the directory they refer to.
// All times are `Date` values supplied by the caller's clock; nothing here reads the wall clock.
import type { TextKey } from './texts/en.ts';
import type { ParamsOf } from './texts/params.ts';

export const LOCALES = ['en', 'fr', 'lt'] as const;
export type Locale = (typeof LOCALES)[number];

/** internal = employees (Slack); community = members of a public server (Discord). */
export const AUDIENCES = ['internal', 'community'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** 1 front line, 2 expert, 3 supervisor, 4 the customer went outside. */
export type Level = 1 | 2 | 3 | 4;

export const CASE_STATUSES = [
  'open',
  'waiting_on_customer',
  'waiting_on_expert',
  'awaiting_approval',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case still needs work from someone. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = [
  'open',
  'waiting_on_customer',
  'waiting_on_expert',
  'awaiting_approval',
];

export interface Customer {
  /** Opaque, platform-qualified (e.g. `slack:T1:U2`), or a directory person id. */
  id: string;
  name: string;
  locale: Locale;
  /** IANA zone, e.g. `Europe/Vilnius`. */
  timeZone: string;
}

// ---------------------------------------------------------------------------------------------
// Directory (from the config file)

/** `HH:MM` 24-hour local time. A range is [start, end) in the calendar's zone. */
export type TimeRange = readonly [start: string, end: string];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Calendar {
  id: string;
  timeZone: string;
  /** Opening hours per weekday; a missing or empty day is closed. */
  week: Partial<Record<Weekday, readonly TimeRange[]>>;
  /** Closed all day, `YYYY-MM-DD` in the calendar's zone. */
  holidays: readonly string[];
}

/** A whole-day or timed absence; `to` is inclusive for dates (`YYYY-MM-DD`), exclusive for instants. */
export interface Absence {
  from: string;
  to: string;
}

export interface Person {
  id: string;
  name: string;
  locale: Locale;
  timeZone: string;
  slackId?: string;
  discordId?: string;
  /** Out of office now, whatever the dates say. */
  away: boolean;
  absences: readonly Absence[];
  /** Most open cases this person may own at once. */
  maxOpenCases: number;
}

export interface Team {
  id: string;
  name: string;
  calendar: string;
  /** Locale used for the team's shared channels (triage, supervisors). */
  locale: Locale;
  frontLine: readonly string[];
  supervisors: readonly string[];
  slackTriageChannel?: string;
  discordTriageChannel?: string;
  /** Incident detection for the team's topics (incidents.ts); none: off. */
  incidents?: IncidentSettings;
  /**
   * Minutes (of the case's policy clock) the supervisors have to write a level 4 recovery;
   * RECOVERY_WINDOW_DEFAULT_MINUTES when unset.
   */
  recoveryWindowMinutes?: number;
}

/** One business day of eight open hours (on a 24/7 policy clock, eight hours). */
export const RECOVERY_WINDOW_DEFAULT_MINUTES = 8 * 60;

/**
 * When `threshold` new cases on one topic whose words are alike (similarity ≥ `similarity`, see
 * similar-words.ts) open within `withinMinutes` (wall clock), the team's supervisors are alerted.
 */
export interface IncidentSettings {
  threshold: number;
  withinMinutes: number;
  similarity: number;
}

export interface Topic {
  id: string;
  /** Shown to customers; per locale, falling back to `en`. */
  names: Partial<Record<Locale, string>> & { en: string };
  team: string;
  /** Ordered: earlier experts are preferred when equally loaded and equally rested. */
  experts: readonly string[];
  /** Asked only when no primary expert is available under their cap. */
  backups: readonly string[];
}

export interface Policy {
  /** Minutes (of the policy's clock) until a first staff response is due. */
  firstResponseMinutes: number;
  /** Minutes the expert has to come back to the customer. */
  callbackWindowMinutes: number;
  /** The longest window an expert may renegotiate to. */
  maxCallbackWindowMinutes: number;
  /** Minutes a supervisor has to decide on an escalation. */
  supervisorWindowMinutes: number;
  /** Fractions of a window at which the holder is nudged, e.g. [0.75]. The miss is always at 1. */
  nudgeAt: readonly number[];
  /** After this many missed windows a supervisor is asked. */
  missesBeforeSupervisor: number;
  /** `business`: count only the team calendar's open hours; `always`: 24/7. */
  clock: 'business' | 'always';
  /**
   * Minutes (of the policy's clock) a case may wait on the customer before the bot checks in with
   * them kindly; the automatic close follows at `autoCloseAfterMinutes`, both counted from when the
   * wait began.
   */
  customerReminderAfterMinutes: number;
  /** Minutes (of the policy's clock) of waiting on the customer after which the case closes itself. */
  autoCloseAfterMinutes: number;
  /**
   * Wall-clock minutes after a case is resolved or closed during which a message from the customer
   * reopens it; after that, their message opens a new case linked to the old one.
   */
  reopenWithinMinutes: number;
  /**
   * After this many missed windows of one expert, the case moves to another available expert for
   * its topic before a supervisor is asked (once per climb); null: never.
   */
  reassignAfterMisses: number | null;
}

/** What a case whose snapshot predates a policy field gets for it (see withPolicyDefaults). */
export const POLICY_FIELD_DEFAULTS = {
  customerReminderAfterMinutes: 8 * 60,
  autoCloseAfterMinutes: 24 * 60,
  reopenWithinMinutes: 7 * 24 * 60,
  reassignAfterMisses: null,
} as const satisfies Partial<Policy>;

export type PolicyTable = Record<Audience, Record<Priority, Policy>>;

/** What a case carries from the moment it opens: edits to the config never change it. */
export interface PolicySnapshot extends Policy {
  audience: Audience;
  priority: Priority;
  calendar: Calendar;
}

export interface Directory {
  people: Readonly<Record<string, Person>>;
  teams: Readonly<Record<string, Team>>;
  topics: Readonly<Record<string, Topic>>;
  calendars: Readonly<Record<string, Calendar>>;
  /** Topic used when intake did not say one. */
  defaultTopic: string;
}

export interface DeskConfig {
  directory: Directory;
  policies: PolicyTable;
  /** How many new cases one person may open, per audience (DEFAULT_INTAKE_LIMITS when unset). */
  intake?: Readonly<Record<Audience, IntakeLimit>>;
}

/**
 * A person's new request is added to their newest open case instead of opening another when it
 * comes within `cooldownMinutes` (wall clock) of that case's opening, or when they already have
 * `maxOpenCases` open. Nothing is dropped: the words become details, and they are told so.
 */
export interface IntakeLimit {
  /** 0: no cooldown. */
  cooldownMinutes: number;
  /** null: no cap. */
  maxOpenCases: number | null;
}

/**
 * Internal requests come from colleagues signed in to the workspace: no limit by default (each
 * check is a read before the case's write, which cuts intake on SQLite to about a third).
 * Community requests come from anyone who joined the server: a short cooldown and a cap.
 */
export const DEFAULT_INTAKE_LIMITS: Readonly<Record<Audience, IntakeLimit>> = {
  internal: { cooldownMinutes: 0, maxOpenCases: null },
  community: { cooldownMinutes: 2, maxOpenCases: 3 },
};

// ---------------------------------------------------------------------------------------------
// Case state

/** `recovery`: the level 4 recovery the supervisors owe (Case.recovery), never the case's own window. */
export type WindowKind = 'first_response' | 'callback' | 'approval' | 'recovery';
/** The kinds of the case's own window (Case.window). */
export type CaseWindowKind = Exclude<WindowKind, 'recovery'>;

/**
 * The case waits on the customer (status `waiting_on_customer`): nobody owes them anything, and
 * the bot checks in at `checkInAt` and closes the case at `closeAt` unless they write first.
 */
export interface CustomerWait {
  id: string;
  since: Date;
  checkInAt: Date;
  closeAt: Date;
  /** Set once the check-in was sent. */
  checkedInAt: Date | null;
}

/** A promise with a due time. Only one is open on a case at a time. */
export interface PromiseWindow {
  id: string;
  kind: WindowKind;
  /** Who must act (person id); null for the triage queue or the supervisors as a group. */
  holder: string | null;
  /** When the window's clock last (re)started. */
  startedAt: Date;
  dueAt: Date;
  /** Whole length in policy-clock milliseconds; nudges sit at fractions of it. */
  lengthMs: number;
  /** Policy-clock milliseconds already used before `startedAt` (earlier spells before a pause). */
  consumedMs: number;
  /** Set while the case waits on the customer: the window's clock is stopped. */
  paused: { at: Date; consumedMs: number } | null;
}

export type ApprovalStatus = 'pending' | 'approved' | 'declined';

export interface Approval {
  id: string;
  status: ApprovalStatus;
  reason: string;
  requestedBy: string;
  requestedByRole: 'customer' | 'front_line' | 'expert' | 'supervisor' | 'system';
  requestedAt: Date;
  /** Where the case goes back to when declined. */
  previous: { level: Level; status: CaseStatus; ownerId: string | null };
  decidedBy?: string;
  decidedAt?: Date;
  apology?: string;
  plan?: string;
  declineReason?: string;
}

export type RiskBand = 'low' | 'elevated' | 'high';

export interface Risk {
  score: number;
  band: RiskBand;
  /** Highest band supervisors were already warned about; they are warned once per rise. */
  warnedBand: RiskBand;
  signals: readonly string[];
  /** Times of the customer's recent messages, for the follow-up burst signal. */
  recentCustomerMessages: readonly Date[];
}

export interface Case {
  id: string;
  workspace: string;
  /** Per workspace, never duplicated. */
  number: number;
  audience: Audience;
  /** Opaque id of the customer's conversation (the adapter encodes it). */
  conversation: string;
  customer: Customer;
  topic: string;
  team: string;
  priority: Priority;
  level: Level;
  status: CaseStatus;
  /** The customer's own words, echoed back to them. */
  words: string;
  ownerId: string | null;
  expertId: string | null;
  expertAssignedAt: Date | null;
  supervisorId: string | null;
  policy: PolicySnapshot;
  window: PromiseWindow | null;
  /** Set exactly while the status is `waiting_on_customer`. */
  waiting: CustomerWait | null;
  /** Missed windows since the case last reached a holder by a person's decision. */
  misses: number;
  approval: Approval | null;
  risk: Risk;
  outside: { at: Date; channel: string; note: string } | null;
  /** The level 4 recovery, open or sent; null until the customer first went outside. */
  recovery: Recovery | null;
  rating: { score: number; comment: string } | null;
  /** The earlier case of the same customer this one follows up (a message after reopenWithin). */
  follows: { caseId: string; number: number } | null;
  /** The incident this case is part of, and how many of its updates the customer was told. */
  incident: CaseIncident | null;
  /**
   * Staff invited into the case's internal conversation (Ask a colleague, ask-colleague.ts): each
   * may answer the holder or take the case. Directory staff only, never the customer, no repeats.
   */
  colleagues: readonly string[];
  /** Abusive messages from the customer (abuse.ts); null until the first. Never changes the ladder. */
  abuse: CaseAbuse | null;
  /**
   * Marked heavy by a staff member ("This one is heavy"): it counts double in its holder's load,
   * and the team's supervisors were told. Never shown to the customer; never unmarked.
   */
  heavy: CaseHeavy | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Optimistic concurrency: bumped by every change. */
  version: number;
}

/**
 * The abuse shield's count: `count` abusive messages, the latest at `lastAt`; `repliedAt` when the
 * ready reply was last sent (once per abusive message at most).
 */
export interface CaseAbuse {
  count: number;
  lastAt: Date;
  repliedAt: Date | null;
}

/**
 * Level 4 recovery: once the customer went outside, the team's supervisors owe them a word on what
 * will be done beyond the fix. A promise of its own beside the case's window (recovery.ts): its
 * window (kind `recovery`, holder null: the supervisors as a group) keeps running whatever the
 * case does, finished or not, until a supervisor writes the recovery.
 */
export interface Recovery {
  window: PromiseWindow;
  openedAt: Date;
  /** The first due time: a recovery sent after it is late, whatever misses re-promised since. */
  firstDueAt: Date;
  misses: number;
  /** Set when written and sent; the window and its timers are then gone. */
  sent: { at: Date; by: string; text: string; late: boolean } | null;
}

/** A heavy mark ("This one is heavy", heavy.ts). */
export interface CaseHeavy {
  /** The staff member who marked it. */
  by: string;
  at: Date;
  /** Their note for the supervisors ('' when none). */
  note: string;
  /** Supervisors who paired up with the holder on it, in the order they did. */
  with: readonly string[];
}

export interface CaseIncident {
  id: string;
  updatesTold: number;
}

// ---------------------------------------------------------------------------------------------
// Incidents: many cases of one team and topic with one cause (incidents.ts)

/** alerted: the supervisors were told of a burst; open: declared; resolved: over. */
export const INCIDENT_STATUSES = ['alerted', 'open', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface IncidentUpdate {
  id: string;
  text: string;
  at: Date;
  by: string;
}

export interface Incident {
  id: string;
  team: string;
  topic: string;
  status: IncidentStatus;
  /** Empty until declared. */
  title: string;
  /** The customer's words the burst was found on: new cases are compared with them. */
  words: string;
  /** How many alike cases made the alert (0 when declared without one). */
  burst: number;
  alertedAt: Date;
  declaredAt: Date | null;
  declaredBy: string | null;
  updates: IncidentUpdate[];
  resolvedAt: Date | null;
  summary: string;
  /** Optimistic concurrency, as for cases. */
  version: number;
}

// ---------------------------------------------------------------------------------------------
// Rows written with a case change

/**
 * nudge/miss belong to a promise window; check_in/auto_close to a customer wait (their
 * `windowId` is the wait's id).
 */
export type TimerKind = 'nudge' | 'miss' | 'check_in' | 'auto_close';
export type TimerStatus = 'pending' | 'claimed' | 'done' | 'cancelled';

export interface Timer {
  id: string;
  caseId: string;
  windowId: string;
  kind: TimerKind;
  dueAt: Date;
  status: TimerStatus;
}

/** A row handed to one worker (a sweeper, a sender), with the lease that fences its writes. */
export type Leased<T> = T & { leaseToken: string; leaseUntil: Date };

/** A timer handed to a sweeper. */
export type ClaimedTimer = Leased<Timer>;

export type Recipient =
  | { kind: 'customer'; customerId: string; conversation: string }
  | { kind: 'person'; personId: string }
  | { kind: 'supervisors'; teamId: string }
  | { kind: 'triage'; teamId: string };

export type ActionId =
  | 'claim'
  | 'escalate'
  | 'resolve'
  | 'ask_supervisor'
  | 'accept'
  | 'cannot_resolve'
  | 'reassign'
  | 'colleague_answer'
  | 'colleague_take'
  | 'approve'
  | 'decline'
  | 'add_details'
  | 'mark_resolved'
  | 'confirm'
  | 'reopen'
  | 'rate'
  | 'declare_incident'
  | 'incident_update'
  | 'resolve_incident'
  | 'abuse_reply'
  | 'abuse_take_over'
  | 'abuse_stay'
  | 'write_recovery'
  | 'mark_heavy'
  | 'pair_up'
  | 'take_over';

export interface NoticeAction {
  id: ActionId;
  caseId: string;
  approvalId?: string;
  /** The incident the button acts on (declare_incident, incident_update, resolve_incident). */
  incidentId?: string;
}

/**
 * An outbound message, platform-neutral. Params whose names end in `At` are ISO instants that
 * the renderer formats in `timeZone` and `locale`. `Notice<'customer.ack'>` must carry every
 * param its text shows; a plain `Notice` (any key, e.g. read back from storage) carries any.
 */
export interface Notice<K extends TextKey = TextKey> {
  id: string;
  caseId: string;
  recipient: Recipient;
  key: K;
  params: ParamsOf<K>;
  actions: readonly NoticeAction[];
  locale: Locale;
  timeZone: string;
  /** Unique: a notice is written once, whatever retries happen around it. */
  dedupeKey: string;
  createdAt: Date;
}

export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'ambiguous' | 'parked';

export interface OutboxEntry extends Notice {
  status: NoticeStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
}

/** A notice handed to a sender. */
export type ClaimedNotice = Leased<OutboxEntry>;

/**
 * What a notice records when the lease of a sender that had started its send ran out (the sender
 * died or stalled): it goes out again, and it may already have arrived.
 */
export const RESENT_AFTER_CRASH = 'the sender stopped mid-send; sent again, may arrive twice';

/**
 * Whether an earlier send of this notice may have reached the platform: a sink asks the platform
 * first (Slack: the notice id in a message's metadata; Discord: the message nonce) and does not
 * post again when it did.
 */
export const mayHaveArrived = (notice: Pick<OutboxEntry, 'lastError'>): boolean =>
  notice.lastError === RESENT_AFTER_CRASH;

// ---------------------------------------------------------------------------------------------
// The audit log: every event a command or a timer records, with what it records. `CaseEvent` is a
// union discriminated by `type`, so reading `data` needs no guessing, and a command that records an
// unknown type or leaves out a field does not compile. Instants are ISO strings; the actor is the
// person who acted, the customer, or `system`.

export interface CaseEventData {
  case_opened: { words: string; topic: string; priority: Priority; follows?: string };
  details_added: { text: string };
  /**
   * `reusable`: staff offered the answer to the answer bank (for the next case like it);
   * `fromAnswer`: the answer bank's entry it was sent from (a suggestion on the triage card).
   */
  answered: { text: string; reusable?: true; fromAnswer?: string };
  asked_customer: { text: string };
  note_added: { text: string };
  /** Ask a colleague: an internal note naming the colleague asked, never shown to the customer. */
  colleague_asked: { colleagueId: string; question: string };
  /** The colleague's answer, for the holder only. */
  colleague_answered: { text: string };
  /** The colleague took the case from `from` (null: nobody held it). */
  colleague_took: { from: string | null };
  claimed: Record<string, never>;
  /** `byMessage`: the customer's message on a finished case reopened it. */
  reopened: { text: string; byMessage?: true };
  rated: { score: number; comment: string };
  /** `team` when the new topic belongs to another team (the case moved there). */
  topic_changed: { from: string; to: string; team?: { from: string; to: string } };
  /** `callbackBy`: the expert renegotiated the window to this instant. */
  accepted: { callbackBy?: string };
  window_renegotiated: { dueAt: string };
  cannot_resolve: { reason: string };
  /** `to`: the expert the supervisor chose, if any. */
  reassign_requested: { to?: string };
  no_expert_available: { topic: string };
  supervisor_requested: { reason: string; role: Approval['requestedByRole'] };
  escalation_approved: { approvalId: string; apology: string; plan: string };
  escalation_declined: { approvalId: string; reason: string };
  expert_assigned: { expertId: string; dueAt: string };
  /** `incident`: resolved with the incident it was linked to (one answer-bank entry per incident). */
  resolved: { summary: string; incident?: string };
  /** `fromAnswer`: the customer closed it with "This solved it" under this answer bank entry. */
  closed: { fromAnswer?: string };
  went_outside: { channel: string; note: string };
  /** The level 4 recovery step opened: the supervisors owe it by `dueAt`. */
  recovery_opened: { dueAt: string };
  /** The supervisors were reminded that the recovery is due by `dueAt`. */
  recovery_nudged: { dueAt: string };
  /** The recovery window passed unwritten; the supervisors were reminded and owe it by `dueAt`. */
  recovery_missed: { missedAt: string; dueAt: string; misses: number };
  /** A supervisor wrote the recovery and the customer received it; `late`: after the first due time. */
  recovery_sent: { text: string; late: boolean };
  /** `signals`: the RiskSignal codes of risk.ts that raised it. */
  risk_raised: { signals: readonly string[]; score: number; band: RiskBand };
  window_nudged: { window: WindowKind; dueAt: string };
  window_missed: { window: WindowKind; dueAt: string; misses: number };
  reassigned_after_misses: { from: string; to: string; misses: number };
  customer_checked_in: { closeAt: string };
  auto_closed: { waitingSince: string };
  /** This case made a burst of alike cases, and the supervisors were alerted. */
  incident_alerted: { incidentId: string; cases: number };
  /** The case became part of an incident (declared, or matched at intake). */
  incident_linked: { incidentId: string; title: string };
  /** The customer was sent the incident's update. */
  incident_update_sent: { incidentId: string; updateId: string };
  /** The customer's message held insults or threats (abuse.ts); `count` on the case so far. */
  abusive_message: { count: number; kinds: readonly ('insult' | 'threat')[] };
  /** Staff sent the abuse shield's ready reply (the text as the customer read it). */
  abuse_reply_sent: { text: string };
  /** A supervisor took the case over after repeated abuse, from `from` (null: the triage queue). */
  abuse_taken_over: { from: string | null };
  /** A supervisor stood with the holder (`holder`, null: the triage queue) after repeated abuse. */
  abuse_supported: { holder: string | null };
  /** A staff member marked the case heavy (`note` for the supervisors, '' when none). */
  marked_heavy: { note: string };
  /** A supervisor paired up with the holder on a heavy case (`holder` '' when nobody held it). */
  paired_up: { holder: string };
  /** A supervisor took the case over from its holder (`from` '' when nobody held it). */
  taken_over: { from: string };
  /** The auditor's repair: the rules of invariants.ts the case broke, and what was found. */
  promise_repaired: { rules: readonly string[]; details: readonly string[] };
  /** Everything stored about `person` was handed out (`npm run privacy -- export`); the actor asked. */
  data_exported: { person: string };
  /**
   * Texts were redacted: `person`'s on request (`npm run privacy -- erase`; the actor asked), or,
   * by the retention job (actor `system`), the whole case's some time after it finished.
   */
  data_erased: { person: string; reason: 'request' | 'retention' };
}

export type CaseEventType = keyof CaseEventData;

/** One audit event; `CaseEvent<'rated'>` is one of a type, plain `CaseEvent` any of them. */
export type CaseEvent<T extends CaseEventType = CaseEventType> = T extends CaseEventType
  ? {
      id: string;
      caseId: string;
      at: Date;
      actorId: string;
      type: T;
      data: Readonly<CaseEventData[T]>;
    }
  : never;
