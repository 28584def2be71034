// Fair expert choice: round robin among available experts under their cap. The least recently
// assigned expert goes next (never-assigned first); ties keep the directory's order. Backups are
// asked only when no primary expert can take the case.
//
// Heavy cases (commands/heavy.ts) weigh on it twice: an open heavy case counts double against the
// person's cap, and a person whose last two assignments were heavy is skipped for the next one
// when anyone else (a primary or a backup) can take it; with nobody else, they still get it.
import { isAway } from './availability.ts';
import { personOf, topicOf } from './directory.ts';
import type { DeskConfig } from './model.ts';
import type { ExpertLoad } from './ports.ts';

/** Everyone who could be asked for a topic, primaries first, then backups. */
export function expertCandidates(
  config: DeskConfig,
  topicId: string,
  exclude: readonly string[] = [],
): string[] {
  const topic = topicOf(config, topicId);
  if (!topic) return [];
  const all = [...topic.experts, ...topic.backups.filter((b) => !topic.experts.includes(b))];
  return all.filter((id) => !exclude.includes(id));
}

/** What a person's open cases weigh against their cap: a heavy one counts twice. */
export const weightedLoad = (load: Pick<ExpertLoad, 'openCases' | 'heavyOpen'> | undefined): number =>
  (load?.openCases ?? 0) + (load?.heavyOpen ?? 0);

/**
 * Whether the person rests after two heavy cases in a row: their streak stands and nobody else
 * among `loads` has been given a case since it formed (one assignment to someone else ends the
 * rest: they were skipped for the next assignment).
 */
export function restsAfterHeavy(personId: string, loads: readonly ExpertLoad[]): boolean {
  const since = loads.find((l) => l.personId === personId)?.heavyStreakSince;
  if (!since) return false;
  return !loads.some((l) => l.personId !== personId && l.lastAssignedAt !== null && l.lastAssignedAt > since);
}

export function pickExpert(
  config: DeskConfig,
  topicId: string,
  loads: readonly ExpertLoad[],
  now: Date,
  exclude: readonly string[] = [],
): string | null {
  const topic = topicOf(config, topicId);
  if (!topic) return null;
  const byId = new Map(loads.map((l) => [l.personId, l]));
  const eligible = (id: string) => {
    const person = personOf(config, id);
    return (
      person !== undefined &&
      !exclude.includes(id) &&
      !isAway(person, now) &&
      weightedLoad(byId.get(id)) < person.maxOpenCases
    );
  };
  const rested = (id: string) => byId.get(id)?.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const choose = (skipResting: boolean): string | null => {
    for (const tier of [topic.experts, topic.backups]) {
      const pool = tier.filter((id) => eligible(id) && !(skipResting && restsAfterHeavy(id, loads)));
      if (pool.length === 0) continue;
      // Stable sort: equal rest keeps directory order.
      return [...pool].sort((a, b) => rested(a) - rested(b))[0] ?? null;
    }
    return null;
  };
  // Someone resting after two heavy cases is asked only when nobody else can take it.
  return choose(true) ?? choose(false);
}
