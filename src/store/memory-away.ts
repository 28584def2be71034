// The AwayBook in memory: one entry per person.
import type { AwayBook, AwayEntry } from '../core/ports.ts';

const awayAt = (e: AwayEntry, now: Date) => e.until === null || e.until.getTime() > now.getTime();

export function createMemoryAway(): AwayBook {
  const entries = new Map<string, AwayEntry>();
  return {
    async setAway(entry) {
      entries.set(entry.personId, {
        ...entry,
        since: new Date(entry.since),
        until: entry.until && new Date(entry.until),
      });
    },
    async clearAway(personId, now) {
      const entry = entries.get(personId);
      entries.delete(personId);
      return entry !== undefined && awayAt(entry, now);
    },
    async listAway(now) {
      return [...entries.values()]
        .filter((e) => awayAt(e, now))
        .sort((a, b) => a.personId.localeCompare(b.personId))
        .map((e) => ({ ...e, since: new Date(e.since), until: e.until && new Date(e.until) }));
    },
  };
}
