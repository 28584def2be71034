// Data rights worked out the same way in every store (the ports are DataRights and RetentionStore
// in src/core/ports.ts): what to hand out, what to redact, what to record. A store gives these
// functions its rows through PersonalRows, inside one transaction of its own.
import { isCoreError } from '../core/errors.ts';
import type { Case, CaseEvent, OutboxEntry } from '../core/model.ts';
import type { CaseReference, DataRequest, PersonData, RedactionReport } from '../core/ports.ts';
import type { Params } from '../core/texts/params.ts';
import {
  redactCase,
  redactEventData,
  redactParams,
  redactReference,
  scrubParams,
  scrubTexts,
  textsOf,
} from './redaction.ts';

/** What a redaction writes back: only rows that changed. */
export interface RedactionChanges {
  /** Cases with texts redacted, `version` already bumped (a command that read them retries). */
  cases: { case: Case; expectedVersion: number }[];
  /** Cases now redacted whole: up to date until their next change (see RetentionStore). */
  redactedWhole: string[];
  events: { id: string; data: CaseEvent['data'] }[];
  notices: { id: string; params: Params }[];
  references: CaseReference[];
  /**
   * Answer-bank entries drawn from these cases or these events (an entry's id is its event's):
   * their text erased and retired, so the person's words never match again.
   */
  answers: { caseIds: string[]; eventIds: string[]; at: Date; by: string };
  /**
   * The words of the cases redacted whole: an incident found on a burst keeps the words of the case
   * that made it (Incident.words), erased with them.
   */
  incidentWords?: readonly string[];
}

/** A store's rows, read and written in the transaction the operation runs in. */
export interface PersonalRows {
  /** Cases whose customer is `person`, by number. */
  casesOf(person: string): Promise<Case[]>;
  /** Events of these cases, in the order written. */
  eventsOf(caseIds: readonly string[]): Promise<CaseEvent[]>;
  /** Events whose actor is `actorId` on cases other than `except`, in the order written. */
  eventsBy(actorId: string, except: readonly string[]): Promise<CaseEvent[]>;
  /** Notices of these cases, oldest first. */
  noticesOf(caseIds: readonly string[]): Promise<OutboxEntry[]>;
  referencesOf(caseIds: readonly string[]): Promise<CaseReference[]>;
  /** Writes the changes; fails with CoreError `conflict` when a case is no longer at `expectedVersion`. */
  write(changes: RedactionChanges): Promise<void>;
  /** Appends audit events. */
  record(events: readonly CaseEvent[]): Promise<void>;
}

/** Runs `attempt` again (up to 5 times) when a command changed a case it was redacting meanwhile. */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 5 || !isCoreError(error, 'conflict')) throw error;
    }
  }
}

export const emptyReport = (): RedactionReport => ({
  cases: 0,
  otherCases: 0,
  events: 0,
  notices: 0,
  references: 0,
});

export async function exportPerson(
  rows: PersonalRows,
  person: string,
  request: DataRequest,
): Promise<PersonData> {
  const own = await rows.casesOf(person);
  const ownIds = own.map((c) => c.id);
  const [events, notices, references, authored] = [
    await rows.eventsOf(ownIds),
    await rows.noticesOf(ownIds),
    await rows.referencesOf(ownIds),
    await rows.eventsBy(person, ownIds),
  ];
  const cases = own.map((c) => ({
    case: c,
    events: events.filter((e) => e.caseId === c.id),
    notices: notices.filter((n) => n.caseId === c.id),
    references: references.filter((r) => r.caseId === c.id),
  }));
  await rows.record(audit('data_exported', [...ownIds, ...authored.map((e) => e.caseId)], person, request));
  return { person, cases, authored };
}

export async function erasePerson(
  rows: PersonalRows,
  person: string,
  request: DataRequest,
): Promise<RedactionReport> {
  const own = await rows.casesOf(person);
  const ownIds = own.map((c) => c.id);
  const whole = await redactWhole(rows, own, request);
  // On other cases, what they wrote (as staff): the events, and wherever notices and references
  // quote it.
  const authored = await rows.eventsBy(person, ownIds);
  const otherIds = [...new Set(authored.map((e) => e.caseId))];
  const texts = authored.flatMap((e) => textsOf(e.data));
  const quoted: RedactionChanges = {
    cases: [],
    redactedWhole: [],
    events: changedEvents(authored, redactEventData),
    notices: changedNotices(await rows.noticesOf(otherIds), (params) => scrubParams(params, texts)),
    references: changedReferences(await rows.referencesOf(otherIds), (v) => scrubTexts(v, texts)),
    answers: { caseIds: [], eventIds: authored.map((e) => e.id), ...erasedBy(request) },
  };
  await rows.write(quoted);
  await rows.record(audit('data_erased', [...ownIds, ...otherIds], person, request));
  return {
    ...whole,
    otherCases: otherIds.length,
    events: whole.events + quoted.events.length,
    notices: whole.notices + quoted.notices.length,
    references: whole.references + quoted.references.length,
  };
}

/** Retention: finished cases redacted whole, each recorded as erased for its customer. */
export async function redactFinished(
  rows: PersonalRows,
  cases: readonly Case[],
  request: DataRequest,
): Promise<RedactionReport> {
  const report = await redactWhole(rows, cases, request);
  await rows.record(
    cases.map((c) => ({
      id: request.ids.next(),
      caseId: c.id,
      at: request.at,
      actorId: request.requestedBy,
      type: 'data_erased' as const,
      data: { person: c.customer.id, reason: 'retention' as const },
    })),
  );
  return report;
}

/** Every text of these cases: the case, all their events, notices and references. */
async function redactWhole(
  rows: PersonalRows,
  cases: readonly Case[],
  request: DataRequest,
): Promise<RedactionReport> {
  const ids = cases.map((c) => c.id);
  const changes: RedactionChanges = {
    cases: cases.flatMap((c) => {
      const redacted = redactCase(c);
      return same(redacted, c)
        ? []
        : [{ case: { ...redacted, version: c.version + 1 }, expectedVersion: c.version }];
    }),
    redactedWhole: ids,
    events: changedEvents(await rows.eventsOf(ids), redactEventData),
    notices: changedNotices(await rows.noticesOf(ids), redactParams),
    references: changedReferences(await rows.referencesOf(ids), redactReference),
    answers: { caseIds: ids, eventIds: [], ...erasedBy(request) },
    incidentWords: cases.map((c) => c.words),
  };
  await rows.write(changes);
  return {
    ...emptyReport(),
    cases: cases.length,
    events: changes.events.length,
    notices: changes.notices.length,
    references: changes.references.length,
  };
}

const erasedBy = (request: DataRequest) => ({ at: request.at, by: request.requestedBy });

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function changedEvents(events: readonly CaseEvent[], redact: (data: CaseEvent['data']) => CaseEvent['data']) {
  return events.flatMap((e) => {
    const data = redact(e.data);
    return same(data, e.data) ? [] : [{ id: e.id, data }];
  });
}

function changedNotices(notices: readonly OutboxEntry[], redact: (params: Params) => Params) {
  return notices.flatMap((n) => {
    const params = redact(n.params);
    return same(params, n.params) ? [] : [{ id: n.id, params }];
  });
}

function changedReferences(
  refs: readonly CaseReference[],
  redact: (value: string) => string,
): CaseReference[] {
  return refs.flatMap((r) => {
    const value = redact(r.value);
    return value === r.value ? [] : [{ ...r, value }];
  });
}

function audit(
  type: 'data_exported' | 'data_erased',
  caseIds: readonly string[],
  person: string,
  request: DataRequest,
): CaseEvent[] {
  return [...new Set(caseIds)].map((caseId) => {
    const common = { id: request.ids.next(), caseId, at: request.at, actorId: request.requestedBy };
    return type === 'data_exported'
      ? { ...common, type, data: { person } }
      : { ...common, type, data: { person, reason: 'request' as const } };
  });
}
