// The core's ports, each for one kind of caller: the desk's case repository, one lease queue for
// timers and for notices (the sweep, the outbox), the adapters' inbound log and references, the
// delivery contract a platform's sink fulfils, and data rights (the privacy command's DataRights,
// the retention job's RetentionStore). The core owns these interfaces; src/store, the adapters
// and tests implement them.
import type { ReportCase } from './reports/input.ts';
import type {
  Case,
  CaseEvent,
  CaseStatus,
  ClaimedNotice,
  Incident,
  IncidentStatus,
  Leased,
  Locale,
  Notice,
  NoticeStatus,
  OutboxEntry,
  Timer,
} from './model.ts';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A new unique id (opaque string). */
  next(): string;
}

/** Everything one command writes, committed atomically. */
export interface CaseChange {
  /** The case as it is after the change; `version` is already the new version. */
  case: Case;
  /** The version the command read. The commit fails with `conflict` if the stored one differs. */
  expectedVersion: number;
  events: readonly CaseEvent[];
  notices: readonly Notice[];
  /** New pending timers. */
  timers: readonly Timer[];
  /** Cancel every pending or claimed timer of this case before inserting `timers`. */
  cancelTimers: boolean;
  /**
   * With `cancelTimers`: the window whose live timers stay (another promise of the case the change
   * leaves running: the open level 4 recovery beside the case's window, or the reverse).
   */
  keepTimersOf?: string;
  /**
   * The timer a sweep handled. The commit fails with `lease_lost` (and writes nothing) unless
   * this lease still holds the timer; on success the timer becomes `done`.
   */
  completeTimer?: { id: string; leaseToken: string };
  /**
   * An incident written in the same transaction (an alert with the case that made the burst):
   * inserted when `expectedVersion` is null, else updated at that version (`conflict` otherwise).
   */
  incident?: IncidentWrite;
}

export interface IncidentWrite {
  incident: Incident;
  expectedVersion: number | null;
}

/** A new case without its number: the store allocates the number in the same transaction. */
export type NewCase = Omit<Case, 'number'>;

/** What intake writes: the case (with its number) and its first rows. */
export type NewCaseRows = Omit<CaseChange, 'expectedVersion' | 'completeTimer'>;

export interface IncidentQuery {
  team?: string;
  topic?: string;
  statuses?: readonly IncidentStatus[];
  /** At most this many, newest alert first. */
  limit?: number;
}

/**
 * Incidents for the desk (and reads for the console). An incident's cases point at it
 * (`Case.incident`, listed with CaseQuery.incidentId); the links are written with each case's
 * change, the incident itself here or with a case's change (CaseChange.incident).
 */
export interface IncidentRepository {
  getIncident(id: string): Promise<Incident | null>;
  /** Newest alert first. */
  listIncidents(query: IncidentQuery): Promise<Incident[]>;
  /** Inserts (expectedVersion null) or updates at the version read; `conflict` otherwise. */
  saveIncident(write: IncidentWrite): Promise<void>;
}

export interface CaseQuery {
  workspace?: string;
  customerId?: string;
  ownerId?: string;
  team?: string;
  statuses?: readonly CaseStatus[];
  /** Only cases on this topic. */
  topic?: string;
  /** Only cases opened at or after this instant. */
  createdSince?: Date;
  /** Only cases linked to this incident. */
  incidentId?: string;
  // The App Home's lists; each filter applies when true (or set) and is read through an index.
  /** Only cases whose approval is pending. */
  approvalPending?: boolean;
  /** Only cases whose window is running (not paused) and fell due before this instant. */
  overdueAt?: Date;
  /** Only cases whose risk band is above low. */
  atRisk?: boolean;
  /** Only cases with a message parked (kept failing) or ambiguous (may not have gone out). */
  withUndelivered?: boolean;
  /** Newest first when true, else oldest first (by number). */
  newestFirst?: boolean;
  /** At most this many cases (the first ones in the order above). */
  limit?: number;
}

export interface ExpertLoad {
  personId: string;
  /** Cases the person owns that are not resolved or closed. */
  openCases: number;
  /** Of those, the ones marked heavy: each counts twice against the person's cap (fairness.ts). */
  heavyOpen: number;
  /** When the person was last made expert on a case, or null if never. */
  lastAssignedAt: Date | null;
  /**
   * When the last two cases the person was made expert on (by `expertAssignedAt`, among the cases
   * whose expert they still are) had both been assigned and marked heavy: the later of those
   * instants. Null when either of the two is not heavy, or they have fewer than two.
   */
  heavyStreakSince: Date | null;
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
  /** Names the claimer in the lease token, for logs. */
  owner: string;
  /**
   * Notices only: when > 0, at most one notice per destination (a conversation, a person, a team
   * channel) is claimed per `paceMs`, across every replica (platforms allow about one message a
   * second per channel).
   */
  paceMs?: number;
}

export interface NoticeFailure {
  error: string;
  /** Retry at this time, or park (visible to supervisors, never retried automatically) when null. */
  retryAt: Date | null;
  /** The send may have happened (timeout after the request left): never blindly resent. */
  ambiguous?: boolean;
  /**
   * The platform's rate limit answered (HTTP 429): the retry is recorded (`lastError`, `retryAt`)
   * but not counted as an attempt, so a rate limit storm never brings a notice nearer to parking.
   */
  rateLimited?: boolean;
}

/** Where a new case stands in its team's front-line queue, counted in its own transaction. */
export interface QueuePlace {
  /** Open, unowned level-1 cases of the team that came before it. */
  ahead: number;
}

/**
 * Notices claimed in the very transaction that writes them, by the replica that will send them
 * right after it commits (no separate claim and start commits before a customer hears back). They
 * are written `sending`, with a lease for `owner` and the send marked as started: if that replica
 * dies before sending, the lease runs out and they go out again like any interrupted send.
 */
export interface SendAtOnce {
  now: Date;
  owner: string;
  leaseMs: number;
  /**
   * As in ClaimOptions: when > 0 a notice is claimed at once only if its destination is free (its
   * next allowed instant has come and no earlier notice to it is pending), one per destination,
   * and the destination's next allowed instant moves `paceMs` on. The others stay pending for the
   * outbox's passes.
   */
  paceMs?: number;
}

export interface CreateOptions {
  sendAtOnce?: SendAtOnce;
  /**
   * The platform event this case comes from, remembered in the case's own transaction (as
   * InboundLog.remember does): when it was seen before, nothing is written and createCase fails with
   * CoreError `duplicate`.
   */
  inbound?: { key: string; at: Date };
}

export interface CreatedCase {
  case: Case;
  /** The new notices claimed at once (see SendAtOnce), in the order written; empty without it. */
  sending: ClaimedNotice[];
}

/** What the desk reads and writes: cases, each change in one transaction, and a case's timers. */
export interface CaseRepository {
  /**
   * In one transaction: allocates the workspace's next number, counts the cases ahead of it in
   * its team's queue, calls `build` with the numbered draft and that count (synchronously: it must
   * not await) and writes the case and rows it returns; with `sendAtOnce`, claims the new notices
   * it may (see SendAtOnce); with `inbound`, first remembers that event (see CreateOptions).
   * Returns the case as written and the notices claimed.
   */
  createCase(
    draft: NewCase,
    build: (numbered: Case, queue: QueuePlace) => NewCaseRows,
    options?: CreateOptions,
  ): Promise<CreatedCase>;
  getCase(id: string): Promise<Case | null>;
  findCaseByNumber(workspace: string, number: number): Promise<Case | null>;
  /** The newest case raised in this conversation, if any. */
  findCaseByConversation(conversation: string): Promise<Case | null>;
  listCases(query: CaseQuery): Promise<Case[]>;
  commit(change: CaseChange): Promise<void>;
  expertLoad(personIds: readonly string[]): Promise<ExpertLoad[]>;
  /** Every timer row of the case (whatever its status), by due time: the repair re-checks them. */
  listTimers(caseId: string): Promise<Timer[]>;
  /**
   * Ids of cases in progress that may break a promise rule of invariants.ts (the auditor re-checks
   * each with its timers, then repairs it), by case number, at most `limit`. A case is listed when
   * its promise id (promiseIdOf) is null, or no live `miss` / `auto_close` timer of that id exists,
   * or it waits on the customer with a running window, or its approval is pending while it does not
   * await a decision (or the reverse). A case that breaks none of these is never listed.
   */
  listBrokenPromises(limit: number): Promise<string[]>;
}

/**
 * Rows with a due time handed out under a lease: timers (`LeaseQueue<Timer>`, completed through
 * CaseRepository.commit's `completeTimer`) and notices (NoticeQueue). Every replica claims from the
 * same queue; the database's claim is the coordination.
 */
export interface LeaseQueue<T> {
  /** Claims due items, and claimed ones whose lease ran out, each with a fresh lease. */
  claim(options: ClaimOptions): Promise<Leased<T>[]>;
  /**
   * Gives back a claimed item whose work has not started (shutdown), so the next claim takes it
   * at once. Only the lease that holds it may; a notice whose send started is never given back.
   */
  release(id: string, leaseToken: string): Promise<void>;
  /**
   * The earliest instant at which some waiting item may be claimed (for notices, paced: the later
   * of its next attempt and its destination's next allowed instant), or null when none waits. It
   * may lie in the past (due now). Dispatchers use it to wake when a destination frees up.
   */
  nextDueAt(): Promise<Date | null>;
  /** Items not yet handled (waiting or claimed) that fell due before `before`: the auditor's alarm. */
  countOverdue(before: Date): Promise<number>;
}

/** The outbox: notices are claimed, their send is started, then marked sent or failed. */
export interface NoticeQueue extends LeaseQueue<OutboxEntry> {
  /**
   * Marks that the platform call is about to start. False when this lease no longer holds the
   * notice: do not send. A claim whose lease runs out before this mark goes back to pending and is
   * sent by someone else; after it, it goes back to pending marked RESENT_AFTER_CRASH (it may
   * have gone out: the next sender asks the platform first, see `mayHaveArrived`).
   * With `paceMs` > 0 the pace counts from the send, in the same transaction: the destination's
   * next allowed instant becomes the later of what it was (the claim's reservation) and
   * `at + paceMs`. With `leaseMs` the lease runs at least until `at + leaseMs`.
   */
  startSend(
    id: string,
    leaseToken: string,
    at: Date,
    options?: { paceMs?: number; leaseMs?: number },
  ): Promise<boolean>;
  /**
   * Extends a claim's lease to `until` while its platform call is in flight, so a live sender's
   * send is never taken over. False when this lease no longer holds the notice.
   */
  renew(id: string, leaseToken: string, until: Date): Promise<boolean>;
  /**
   * Records the send as done. With `paceMs` > 0 the pace also counts from `at` (the platform's
   * answer): the platform times a message when it arrives, somewhere between our start and its
   * answer, so pacing from both keeps two sends to one destination the pace apart however long a
   * send takes. The destination's next allowed instant becomes the later of what it was and
   * `at + paceMs`.
   */
  markSent(id: string, leaseToken: string, at: Date, options?: { paceMs?: number }): Promise<void>;
  markFailed(id: string, leaseToken: string, failure: NoticeFailure): Promise<void>;
}

/** What the operator's dashboards read (the ops server's /metrics and /readyz), never the desk. */
export interface OperationsReads {
  /**
   * Notices not yet sent, counted by the platform of their case's conversation (`slack`,
   * `discord`, or `other`) and by status.
   */
  outboxCounts(): Promise<{ platform: string; status: NoticeStatus; count: number }[]>;
  /** Resolves when the database answers a query; rejects otherwise (readiness). */
  ping(): Promise<void>;
}

/** A case with its whole audit trail and every notice written for it (who was told what). */
export interface CaseTimeline {
  case: Case;
  /** In the order they were written. */
  events: CaseEvent[];
  /** In the order they were written, with their delivery status. */
  notices: OutboxEntry[];
}

/** A period to report on: `[from, to)`, optionally one team's cases, at most `limit` cases. */
export interface TrailQuery {
  from: Date;
  to: Date;
  team?: string;
  /** The most cases returned (the newest ones); unlimited when absent. */
  limit?: number;
}

/** One page of what happened in a period (ReportReads.reportPage). */
export interface ReportPageQuery {
  from: Date;
  to: Date;
  team?: string;
  /** The last case id of the previous page; null for the first. */
  after: string | null;
  size: number;
}

/**
 * What reports, the weekly digest and the web console read: never the desk. A read only, so it
 * may run on any replica at any time.
 */
export interface ReportReads {
  /**
   * Every case that may have counted in the period, with its whole audit trail: created before
   * `to` and either still active or last changed at or after `from`. Newest first (by creation).
   */
  trails(query: TrailQuery): Promise<{ case: Case; events: CaseEvent[] }[]>;
  /**
   * One page of the cases changed in the period (created before `to`, last changed at or after
   * `from`), in the order of their ids, the `size` after `after`: each with the parts of it reports
   * read (ReportCase) and its whole trail. For figures of what happened in a period, such as the
   * week's, read a page at a time: every store walks its primary key, so each page costs only its
   * own cases, and only what reports read is decoded. (An active case untouched all period is not
   * in it: it counts in the queue's samples, which need `trails`.)
   */
  reportPage(query: ReportPageQuery): Promise<{ case: ReportCase; events: CaseEvent[] }[]>;
  /** One case's timeline, or null if there is no such case. */
  timeline(caseId: string): Promise<CaseTimeline | null>;
}

/** Platform events already taken, so a retried delivery of one is dropped (even after a restart). */
export interface InboundLog {
  /** Records an inbound platform event key; false when it was seen before (a retry). */
  remember(key: string, at: Date): Promise<boolean>;
}

/**
 * Platform references kept per case by an adapter (a triage card's message id, a thread id), so
 * a card can be updated in place. `Name` is the adapter's own union of reference names (e.g.
 * `slack.triage | slack.approval.${string}`): a mistyped name does not compile. `put` overwrites;
 * `get` is null when never set. `caseId` may also be another key the adapter chooses (a thread).
 */
export interface ReferenceStore<Name extends string = string> {
  put(caseId: string, name: Name, value: string): Promise<void>;
  get(caseId: string, name: Name): Promise<string | null>;
}

// ---------------------------------------------------------------------------------------------
// The answer bank: what a past case answered, found again for the next case like it.

/**
 * One entry: a resolution's summary (`resolution`) or a staff answer marked reusable (`answer`),
 * written with the command that recorded it, in that command's transaction. Its id is the id of
 * the event it came from; topic and team are the case's then, the locale its customer's.
 */
export interface AnswerEntry {
  id: string;
  caseId: string;
  topic: string;
  team: string;
  locale: Locale;
  text: string;
  source: 'resolution' | 'answer';
  createdAt: Date;
  updatedAt: Date;
  /** Retired entries never match; erased ones are retired with their text erased. */
  retiredAt: Date | null;
  /** Who last edited or retired it; null while it is as the case wrote it. */
  editedBy: string | null;
}

export interface AnswerSearch {
  /** Free text (a customer's words): any characters; operators of the search syntax mean nothing. */
  text: string;
  topic?: string;
  /** Only entries in this language (and words stemmed as that language's). */
  locale?: Locale;
  /** At most this many matches. */
  limit: number;
}

export interface AnswerMatch {
  entry: AnswerEntry;
  /**
   * How much of the query the entry covers, in [0, 1]: the share of the query's search words
   * (stop words left out) that the entry's text contains, compared by their first letters without
   * accents (src/store/answer-terms.ts). Worked out the same way by every store from the query and
   * the entry's text, whatever ranked it (FTS5's bm25, PostgreSQL's ts_rank), so one threshold in
   * config means the same on SQLite, PostgreSQL and in memory.
   */
  score: number;
}

export interface AnswerListQuery {
  topic?: string;
  team?: string;
  locale?: Locale;
  /** Retired entries too (default: live ones only). */
  withRetired?: boolean;
  /** At most this many, newest first. */
  limit: number;
}

/** The answer bank's search and upkeep (triage cards, the console); entries come from commits. */
export interface AnswerBank {
  /**
   * Live entries sharing words with the query, at most `limit`, the most relevant first: the larger
   * `score` first, ties in the database's own full-text order (FTS5 bm25, PostgreSQL ts_rank; in
   * memory the newest first). On SQLite the candidates are the entries holding the query's rarer
   * words (src/store/sqlite/answer-search.ts). Empty when the query has no search word (empty, or
   * stop words only). Never throws for what the text holds.
   */
  similar(query: AnswerSearch): Promise<AnswerMatch[]>;
  /** One entry, retired or not (a suggestion's button names it); null when there is no such entry. */
  get(id: string): Promise<AnswerEntry | null>;
  /** New text for an entry (retired or not); null when there is no such entry. */
  edit(id: string, text: string, by: string, at: Date): Promise<AnswerEntry | null>;
  /** Retires an entry (kept, never matched again); retiring again keeps the first instant. */
  retire(id: string, by: string, at: Date): Promise<AnswerEntry | null>;
  list(query: AnswerListQuery): Promise<AnswerEntry[]>;
}

// ---------------------------------------------------------------------------------------------
// Delivery: what a sink answers for one notice (src/jobs/dispatch-notices.ts records it).

export type DeliveryResult =
  /**
   * `answeredAt`: when the platform answered the send itself, if the sink did more after it (its
   * case's views following); the outbox records the notice sent, and paces its destination, from
   * it. Without it, from when the sink returned.
   */
  | { status: 'sent'; answeredAt?: Date }
  /**
   * The platform asked us to wait (e.g. HTTP 429 Retry-After), or a transient failure. With
   * `rateLimited` (the platform's rate limit answered) the notice is retried after exactly
   * `afterMs` and the answer does not count toward parking; otherwise the retry backs off
   * exponentially (never sooner than `afterMs`) and counts.
   */
  | { status: 'retry'; afterMs: number; error: string; rateLimited?: boolean }
  /** The platform refused for good (e.g. channel not found): park it, visibly. */
  | { status: 'rejected'; error: string };

export interface NoticeSink {
  /**
   * Delivers one notice. Throwing means the outcome is unknown (the request may have gone out).
   * `knownCase` is the notice's case as just written, when the caller has it (the sink need not
   * read it).
   */
  deliver(notice: ClaimedNotice, knownCase?: Case): Promise<DeliveryResult>;
}

// ---------------------------------------------------------------------------------------------
// Data rights: what the privacy command (`npm run privacy`) and the retention job ask of the store.

/** Who asked for a data-rights operation: recorded in an audit event on every case it concerns. */
export interface DataRequest {
  /** The audit event's actor: the operator who asked, or `system` for the retention job. */
  requestedBy: string;
  at: Date;
  /** Ids for those audit events. */
  ids: Ids;
}

/** A reference an adapter keeps for a case (see ReferenceStore). */
export interface CaseReference {
  caseId: string;
  name: string;
  value: string;
}

/** Everything stored about one person (see DataRights.exportPerson). */
export interface PersonData {
  /** As asked: a customer id (`slack:T1:U2`, `discord:123`) or a directory person id. */
  person: string;
  /** The cases they raised, by number, each whole: audit trail, notices, adapters' references. */
  cases: { case: Case; events: CaseEvent[]; notices: OutboxEntry[]; references: CaseReference[] }[];
  /** What they recorded on other people's cases (as staff), in the order written. */
  authored: CaseEvent[];
}

/** What a redaction changed, in rows. */
export interface RedactionReport {
  /** Cases redacted whole: the person's own (erase) or finished long ago (retention). */
  cases: number;
  /** Other cases on which only what the person wrote was redacted. */
  otherCases: number;
  events: number;
  notices: number;
  references: number;
}

/**
 * A person's data, handed out or erased. The person is a customer id or a directory person id;
 * their cases are those they raised as the customer. Erasing redacts texts (their words, their
 * name, what staff wrote on their cases, what they wrote on other cases) in cases, audit events,
 * notices and adapters' references, and keeps ids, numbers, instants, statuses, levels and kinds,
 * so reports still count. Each call records `data_exported` / `data_erased` on every case it
 * concerns, in the same transaction; a person with no case and no event is no one: nothing is
 * written.
 */
export interface DataRights {
  exportPerson(person: string, request: DataRequest): Promise<PersonData>;
  /** Idempotent: erasing again changes nothing more (and records the request again). */
  erasePerson(person: string, request: DataRequest): Promise<RedactionReport>;
}

/** What the daily retention job asks of the store; each call is one transaction. */
export interface RetentionStore {
  /**
   * Redacts whole, as DataRights.erasePerson redacts a person's own cases, at most `limit`
   * finished cases (resolved or closed) that finished before `before` and changed since they were
   * last redacted (never, or a rating or a reopening since), oldest first; records `data_erased`
   * (reason `retention`) on each, once even when replicas run it at the same moment.
   * `report.cases` is how many were taken: fewer than `limit` means none is left (or another
   * replica is taking them).
   */
  redactFinishedBefore(before: Date, request: DataRequest, limit: number): Promise<RedactionReport>;
  /** Forgets at most `limit` inbound events (InboundLog) recorded before `before`; returns how many. */
  pruneInbound(before: Date, limit: number): Promise<number>;
  /**
   * Deletes destinations' pacing rows whose next allowed instant is before `before` (a row in the
   * past paces nothing: a destination without one is free); returns how many. A row whose instant
   * is at or after `before` is kept, so with `before` in the past no pacing still ahead is lost.
   */
  prunePaceKeys(before: Date): Promise<number>;
}

/** A staff member away at run time (`/support away`): since when, and until when (null: until back). */
export interface AwayEntry {
  personId: string;
  since: Date;
  until: Date | null;
}

/**
 * Who said they are away (`/support away`, App Home's toggle): the desk reads it where it chooses an
 * expert (steps.ts findExpert) and treats it as the directory's `away` flag (availability.ts). One
 * row per person.
 */
export interface AwayBook {
  /** Sets or replaces the person's entry. */
  setAway(entry: AwayEntry): Promise<void>;
  /** Removes it; true when the person was away at `now` (an entry whose `until` passed is not). */
  clearAway(personId: string, now: Date): Promise<boolean>;
  /** Everyone away at `now` (no `until`, or one after `now`), by person id. */
  listAway(now: Date): Promise<AwayEntry[]>;
}
