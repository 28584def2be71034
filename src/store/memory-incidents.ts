// Incidents in memory (the memory store's IncidentRepository), with the check-then-write a case's
// change runs in its own commit (CaseChange.incident).
import { CoreError } from '../core/errors.ts';
import type { Incident } from '../core/model.ts';
import type { IncidentRepository, IncidentWrite } from '../core/ports.ts';
import { ERASED } from './redaction.ts';

const clone = structuredClone;

export function createMemoryIncidents() {
  const incidents = new Map<string, Incident>();

  /** Throws `conflict` when the write does not fit the stored version (nothing written). */
  const check = (write: IncidentWrite): void => {
    const stored = incidents.get(write.incident.id);
    const fits =
      write.expectedVersion === null ? stored === undefined : stored?.version === write.expectedVersion;
    if (!fits) throw new CoreError('conflict', 'error.conflict');
  };
  const apply = (write: IncidentWrite): void => {
    incidents.set(write.incident.id, clone(write.incident));
  };

  const repository: IncidentRepository = {
    getIncident: async (id) => clone(incidents.get(id) ?? null),
    async listIncidents(query) {
      const found = [...incidents.values()]
        .filter(
          (i) =>
            (query.team === undefined || i.team === query.team) &&
            (query.topic === undefined || i.topic === query.topic) &&
            (query.statuses === undefined || query.statuses.includes(i.status)),
        )
        .sort((a, b) => b.alertedAt.getTime() - a.alertedAt.getTime() || (a.id < b.id ? 1 : -1));
      return clone(query.limit === undefined ? found : found.slice(0, query.limit));
    },
    async saveIncident(write) {
      check(write);
      apply(write);
    },
  };
  /** Erases the words of incidents found on these (a redacted case's words). */
  const eraseWords = (words: readonly string[]): void => {
    const erased = new Set(words);
    for (const i of incidents.values()) if (erased.has(i.words)) i.words = ERASED;
  };
  return { repository, check, apply, eraseWords };
}

export type MemoryIncidents = ReturnType<typeof createMemoryIncidents>;
