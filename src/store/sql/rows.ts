// Domain values <-> rows, for SQLite and PostgreSQL alike. Instants are epoch milliseconds
// (BIGINT); nested parts are JSON text. Drivers hand integers back as number or bigint.
import { promiseIdOf } from '../../core/invariants.ts';
import {
  type Approval,
  type Audience,
  type Case,
  type CaseEvent,
  type CaseStatus,
  type ClaimedNotice,
  type ClaimedTimer,
  type CustomerWait,
  type Level,
  type Notice,
  type NoticeStatus,
  type OutboxEntry,
  POLICY_FIELD_DEFAULTS,
  type PolicySnapshot,
  type PromiseWindow,
  type Timer,
  type TimerKind,
  type TimerStatus,
} from '../../core/model.ts';
import type { TextKey } from '../../core/texts/index.ts';
import { paceKeyOf } from '../pace-key.ts';
import { decodeJson, encodeJson } from './json-with-dates.ts';

/** A row to write: column name -> value. */
export type Columns = Record<string, string | number | bigint | null>;

export const toMs = (d: Date): bigint => BigInt(d.getTime());
type Int = bigint | number;
export const fromMs = (v: Int): Date => new Date(Number(v));
const toMsOrNull = (d: Date | null): bigint | null => (d === null ? null : toMs(d));
const fromMsOrNull = (v: Int | null): Date | null => (v === null ? null : fromMs(v));
const jsonOrNull = (v: unknown): string | null => (v === null ? null : encodeJson(v));
export const parseOrNull = <T>(text: string | null): T | null => (text === null ? null : decodeJson<T>(text));

/** Column values of a case row (snake_case, as in the migration). */
export function caseColumns(c: Case): Columns {
  return {
    id: c.id,
    workspace: c.workspace,
    number: c.number,
    audience: c.audience,
    conversation: c.conversation,
    customer_id: c.customer.id,
    customer: encodeJson(c.customer),
    topic: c.topic,
    team: c.team,
    priority: c.priority,
    level: c.level,
    status: c.status,
    words: c.words,
    owner_id: c.ownerId,
    expert_id: c.expertId,
    expert_assigned_at: toMsOrNull(c.expertAssignedAt),
    supervisor_id: c.supervisorId,
    policy: encodeJson(c.policy),
    window: jsonOrNull(c.window),
    waiting: jsonOrNull(c.waiting),
    misses: c.misses,
    approval: jsonOrNull(c.approval),
    risk: encodeJson(c.risk),
    outside: jsonOrNull(c.outside),
    recovery: jsonOrNull(c.recovery),
    rating: jsonOrNull(c.rating),
    follows: jsonOrNull(c.follows),
    incident: jsonOrNull(c.incident),
    incident_id: c.incident?.id ?? null,
    colleagues: encodeJson(c.colleagues),
    abuse: jsonOrNull(c.abuse),
    heavy: jsonOrNull(c.heavy),
    created_at: toMs(c.createdAt),
    updated_at: toMs(c.updatedAt),
    resolved_at: toMsOrNull(c.resolvedAt),
    closed_at: toMsOrNull(c.closedAt),
    version: c.version,
    // Copies of nested parts, for indexed lists (the App Home); never read back into a Case.
    approval_status: c.approval?.status ?? null,
    risk_band: c.risk.band,
    window_due_at: c.window && c.window.paused === null ? toMs(c.window.dueAt) : null,
    // The auditor's listBrokenPromises looks for this id's live miss or auto_close timer.
    promise_id: promiseIdOf(c),
  };
}

/** A case row as selected with CASE_FIELDS (camelCase aliases). */
export interface CaseFields {
  id: string;
  workspace: string;
  number: Int;
  audience: string;
  conversation: string;
  customer: string;
  topic: string;
  team: string;
  priority: string;
  level: Int;
  status: string;
  words: string;
  ownerId: string | null;
  expertId: string | null;
  expertAssignedAt: Int | null;
  supervisorId: string | null;
  policy: string;
  window: string | null;
  waiting: string | null;
  misses: Int;
  approval: string | null;
  risk: string;
  outside: string | null;
  recovery: string | null;
  rating: string | null;
  follows: string | null;
  incident: string | null;
  colleagues: string | null;
  abuse: string | null;
  heavy: string | null;
  createdAt: Int;
  updatedAt: Int;
  resolvedAt: Int | null;
  closedAt: Int | null;
  version: Int;
}

/** A case's policy snapshot; one written before a policy field existed gets the field's default. */
export const rowToPolicy = (text: string): PolicySnapshot => ({
  ...POLICY_FIELD_DEFAULTS,
  ...decodeJson<PolicySnapshot>(text),
});

export function rowToCase(r: CaseFields): Case {
  return {
    id: r.id,
    workspace: r.workspace,
    number: Number(r.number),
    audience: r.audience as Audience,
    conversation: r.conversation,
    customer: decodeJson(r.customer),
    topic: r.topic,
    team: r.team,
    priority: r.priority as Case['priority'],
    level: Number(r.level) as Level,
    status: r.status as CaseStatus,
    words: r.words,
    ownerId: r.ownerId,
    expertId: r.expertId,
    expertAssignedAt: fromMsOrNull(r.expertAssignedAt),
    supervisorId: r.supervisorId,
    policy: rowToPolicy(r.policy),
    window: parseOrNull<PromiseWindow>(r.window),
    waiting: parseOrNull<CustomerWait>(r.waiting),
    misses: Number(r.misses),
    approval: parseOrNull<Approval>(r.approval),
    risk: decodeJson(r.risk),
    outside: parseOrNull(r.outside),
    recovery: parseOrNull(r.recovery),
    rating: parseOrNull(r.rating),
    follows: parseOrNull(r.follows),
    incident: parseOrNull(r.incident),
    // A case written before Ask a colleague has asked nobody.
    colleagues: parseOrNull<string[]>(r.colleagues) ?? [],
    // Null on rows written before the abuse shield, as on a case that never had abuse.
    abuse: parseOrNull(r.abuse),
    heavy: parseOrNull(r.heavy),
    createdAt: fromMs(r.createdAt),
    updatedAt: fromMs(r.updatedAt),
    resolvedAt: fromMsOrNull(r.resolvedAt),
    closedAt: fromMsOrNull(r.closedAt),
    version: Number(r.version),
  };
}

export function eventColumns(e: CaseEvent): Columns {
  return {
    id: e.id,
    case_id: e.caseId,
    at: toMs(e.at),
    actor_id: e.actorId,
    type: e.type,
    data: encodeJson(e.data),
  };
}

export interface EventFields {
  id: string;
  caseId: string;
  at: Int;
  actorId: string;
  type: string;
  data: string;
}

/** An audit event as it was written (its type and data are the core's, see CaseEventData in model.ts). */
export function rowToEvent(r: EventFields): CaseEvent {
  const event = {
    id: r.id,
    caseId: r.caseId,
    at: fromMs(r.at),
    actorId: r.actorId,
    type: r.type,
    data: decodeJson(r.data),
  };
  return event as CaseEvent;
}

export function timerColumns(t: Timer): Columns {
  return {
    id: t.id,
    case_id: t.caseId,
    window_id: t.windowId,
    kind: t.kind,
    due_at: toMs(t.dueAt),
    status: t.status,
  };
}

/** Timer columns as selected with TIMER_FIELDS. */
export interface TimerFields {
  id: string;
  caseId: string;
  windowId: string;
  kind: string;
  dueAt: Int;
  status: string;
}

export function rowToTimer(r: TimerFields): Timer {
  return {
    id: r.id,
    caseId: r.caseId,
    windowId: r.windowId,
    kind: r.kind as TimerKind,
    dueAt: fromMs(r.dueAt),
    status: r.status as TimerStatus,
  };
}

/** Outbox columns as selected with OUTBOX_FIELDS. */
export interface OutboxFields {
  id: string;
  caseId: string;
  recipient: string;
  key: string;
  params: string;
  actions: string;
  locale: string;
  timeZone: string;
  dedupeKey: string;
  createdAt: Int;
  status: string;
  attempts: Int;
  nextAttemptAt: Int;
  lastError: string | null;
  sentAt: Int | null;
}

export function rowToOutboxEntry(r: OutboxFields): OutboxEntry {
  return {
    id: r.id,
    caseId: r.caseId,
    recipient: decodeJson(r.recipient),
    // Trusted as written; the outbox's routes refuse a key this version does not know.
    key: r.key as TextKey,
    params: decodeJson(r.params),
    actions: decodeJson(r.actions),
    locale: r.locale as OutboxEntry['locale'],
    timeZone: r.timeZone,
    dedupeKey: r.dedupeKey,
    createdAt: fromMs(r.createdAt),
    status: r.status as NoticeStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: fromMs(r.nextAttemptAt),
    lastError: r.lastError,
    sentAt: fromMsOrNull(r.sentAt),
  };
}

/** A new outbox row: pending, no attempts yet, first attempt at creation, paced by its destination. */
export function noticeColumns(n: Notice): Columns {
  return {
    id: n.id,
    case_id: n.caseId,
    recipient: encodeJson(n.recipient),
    key: n.key,
    params: encodeJson(n.params),
    actions: encodeJson(n.actions),
    locale: n.locale,
    time_zone: n.timeZone,
    dedupe_key: n.dedupeKey,
    created_at: toMs(n.createdAt),
    status: 'pending',
    attempts: 0,
    next_attempt_at: toMs(n.createdAt),
    pace_key: paceKeyOf(n.recipient),
  };
}

/** The lease columns a claim returns with the row. */
export interface LeaseFields {
  seq: Int;
  leaseToken: string;
  leaseUntil: Int;
}

export const toClaimedTimer = (r: TimerFields & LeaseFields): ClaimedTimer => ({
  ...rowToTimer(r),
  leaseToken: r.leaseToken,
  leaseUntil: fromMs(r.leaseUntil),
});

export const toClaimedNotice = (r: OutboxFields & LeaseFields): ClaimedNotice => ({
  ...rowToOutboxEntry(r),
  leaseToken: r.leaseToken,
  leaseUntil: fromMs(r.leaseUntil),
});

/** Claim order: by the row's due instant, then insertion order (RETURNING order is unspecified). */
export const byDueThenSeq =
  <R extends { seq: Int }>(due: (r: R) => Int) =>
  (a: R, b: R): number =>
    Number(due(a)) - Number(due(b)) || Number(a.seq) - Number(b.seq);
