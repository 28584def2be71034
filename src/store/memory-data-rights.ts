// Data rights on the in-memory store: the same work as the SQL stores (../data-rights.ts) over its
// maps. Nothing here awaits anything but itself, yet a desk commit may land between two steps of an
// erasure: write() checks versions like the SQL store, and a conflict starts the operation again.
import { CoreError } from '../core/errors.ts';
import { type Case, type CaseEvent } from '../core/model.ts';
import type { CaseReference, DataRights, RetentionStore } from '../core/ports.ts';
import {
  erasePerson,
  exportPerson,
  type PersonalRows,
  redactFinished,
  retryOnConflict,
} from './data-rights.ts';
import type { MemoryAnswers } from './memory-answers.ts';
import type { MemoryIncidents } from './memory-incidents.ts';
import type { createMemoryOutbox } from './memory-outbox.ts';

const clone = structuredClone;

/** The memory store's tables this needs, shared with it. */
export interface MemoryTables {
  cases: Map<string, Case>;
  /** In the order written. */
  events: CaseEvent[];
  outbox: ReturnType<typeof createMemoryOutbox>;
  /** Keyed `${caseId}\u0000${name}` (see refKey). */
  refs: Map<string, string>;
  /** Inbound event keys and when they were recorded. */
  inbound: Map<string, Date>;
  answers: MemoryAnswers;
  /** Incidents whose words came from a redacted case are erased too. */
  incidents?: Pick<MemoryIncidents, 'eraseWords'>;
}

export const refKey = (caseId: string, name: string): string => `${caseId}\u0000${name}`;

export function createMemoryDataRights(tables: MemoryTables): {
  privacy: DataRights;
  retention: RetentionStore;
} {
  const { cases, events, outbox, refs, inbound, answers } = tables;
  /** Per case, the version at which it was last redacted whole. */
  const redactedAt = new Map<string, number>();

  const rows: PersonalRows = {
    casesOf: async (person) =>
      clone([...cases.values()].filter((c) => c.customer.id === person).sort((a, b) => a.number - b.number)),
    eventsOf: async (caseIds) => clone(events.filter((e) => caseIds.includes(e.caseId))),
    eventsBy: async (actorId, except) =>
      clone(events.filter((e) => e.actorId === actorId && !except.includes(e.caseId))),
    noticesOf: async (caseIds) => (await outbox.listOutbox({})).filter((n) => caseIds.includes(n.caseId)),
    referencesOf: async (caseIds) =>
      [...refs]
        .map(([key, value]): CaseReference => {
          const [caseId = '', name = ''] = key.split('\u0000');
          return { caseId, name, value };
        })
        .filter((r) => caseIds.includes(r.caseId))
        .sort((a, b) => a.caseId.localeCompare(b.caseId) || a.name.localeCompare(b.name)),

    async write(changes) {
      // Every check before any change, as a transaction would roll back.
      for (const { case: c, expectedVersion } of changes.cases) {
        if (cases.get(c.id)?.version !== expectedVersion) throw new CoreError('conflict', 'error.conflict');
      }
      for (const { case: c } of changes.cases) cases.set(c.id, clone(c));
      tables.incidents?.eraseWords(changes.incidentWords ?? []);
      for (const id of changes.redactedWhole) {
        const c = cases.get(id);
        if (c) redactedAt.set(id, c.version);
      }
      for (const { id, data } of changes.events) {
        const index = events.findIndex((e) => e.id === id);
        const event = events[index];
        if (event) events[index] = { ...event, data: clone(data) } as CaseEvent;
      }
      for (const { id, params } of changes.notices) outbox.setParams(id, params);
      for (const r of changes.references) refs.set(refKey(r.caseId, r.name), r.value);
      answers.erase(changes.answers);
    },

    async record(written) {
      events.push(...clone(written));
    },
  };

  const finishedAt = (c: Case): Date | null => c.closedAt ?? c.resolvedAt;

  return {
    privacy: {
      exportPerson: (person, request) => retryOnConflict(() => exportPerson(rows, person, request)),
      erasePerson: (person, request) => retryOnConflict(() => erasePerson(rows, person, request)),
    },
    retention: {
      redactFinishedBefore: (before, request, limit) =>
        retryOnConflict(() => {
          const found = [...cases.values()]
            .filter((c) => {
              const finished = finishedAt(c);
              return (
                (c.status === 'resolved' || c.status === 'closed') &&
                redactedAt.get(c.id) !== c.version &&
                finished !== null &&
                finished < before
              );
            })
            .sort((a, b) => (a.resolvedAt?.getTime() ?? 0) - (b.resolvedAt?.getTime() ?? 0))
            .slice(0, limit);
          return redactFinished(rows, clone(found), request);
        }),

      async pruneInbound(before, limit) {
        const old = [...inbound].filter(([, at]) => at < before).slice(0, limit);
        for (const [key] of old) inbound.delete(key);
        return old.length;
      },

      prunePaceKeys: async (before) => outbox.prunePaceKeys(before),
    },
  };
}
