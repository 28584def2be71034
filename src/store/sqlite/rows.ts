// Domain values <-> SQLite rows. Instants are epoch milliseconds (BIGINT); nested parts are JSON.
import type {
  Approval,
  Audience,
  Case,
  CaseEvent,
  CaseStatus,
  Level,
  Notice,
  NoticeStatus,
  OutboxEntry,
  PromiseWindow,
  Timer,
  TimerKind,
  TimerStatus,
} from '../../core/model.ts';
import type { CaseEventRow, CaseRow } from './client.ts';
import { decodeJson, encodeJson } from './json-with-dates.ts';

/** A row to write: column name -> value. */
export type Columns = Record<string, string | number | bigint | null>;

export const toMs = (d: Date): bigint => BigInt(d.getTime());
export const fromMs = (v: bigint | number): Date => new Date(Number(v));
const toMsOrNull = (d: Date | null): bigint | null => (d === null ? null : toMs(d));
const fromMsOrNull = (v: bigint | number | null): Date | null => (v === null ? null : fromMs(v));
const jsonOrNull = (v: unknown): string | null => (v === null ? null : encodeJson(v));
const parseOrNull = <T>(text: string | null): T | null => (text === null ? null : decodeJson<T>(text));

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
    misses: c.misses,
    approval: jsonOrNull(c.approval),
    risk: encodeJson(c.risk),
    outside: jsonOrNull(c.outside),
    rating: jsonOrNull(c.rating),
    created_at: toMs(c.createdAt),
    updated_at: toMs(c.updatedAt),
    resolved_at: toMsOrNull(c.resolvedAt),
    closed_at: toMsOrNull(c.closedAt),
    version: c.version,
  };
}

export function rowToCase(r: CaseRow): Case {
  return {
    id: r.id,
    workspace: r.workspace,
    number: r.number,
    audience: r.audience as Audience,
    conversation: r.conversation,
    customer: decodeJson(r.customer),
    topic: r.topic,
    team: r.team,
    priority: r.priority as Case['priority'],
    level: r.level as Level,
    status: r.status as CaseStatus,
    words: r.words,
    ownerId: r.ownerId,
    expertId: r.expertId,
    expertAssignedAt: fromMsOrNull(r.expertAssignedAt),
    supervisorId: r.supervisorId,
    policy: decodeJson(r.policy),
    window: parseOrNull<PromiseWindow>(r.window),
    misses: r.misses,
    approval: parseOrNull<Approval>(r.approval),
    risk: decodeJson(r.risk),
    outside: parseOrNull(r.outside),
    rating: parseOrNull(r.rating),
    createdAt: fromMs(r.createdAt),
    updatedAt: fromMs(r.updatedAt),
    resolvedAt: fromMsOrNull(r.resolvedAt),
    closedAt: fromMsOrNull(r.closedAt),
    version: r.version,
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

export function rowToEvent(r: CaseEventRow): CaseEvent {
  return {
    id: r.id,
    caseId: r.caseId,
    at: fromMs(r.at),
    actorId: r.actorId,
    type: r.type,
    data: decodeJson(r.data),
  };
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

/** Timer columns as read by Prisma or by a raw query aliased to the same names. */
export interface TimerFields {
  id: string;
  caseId: string;
  windowId: string;
  kind: string;
  dueAt: bigint | number;
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

/** Outbox columns as read by Prisma or by a raw query aliased to the same names. */
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
  createdAt: bigint | number;
  status: string;
  attempts: bigint | number;
  nextAttemptAt: bigint | number;
  lastError: string | null;
  sentAt: bigint | number | null;
}

export function rowToOutboxEntry(r: OutboxFields): OutboxEntry {
  return {
    id: r.id,
    caseId: r.caseId,
    recipient: decodeJson(r.recipient),
    key: r.key,
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

/** A new outbox row: pending, no attempts yet, first attempt at creation. */
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
  };
}
