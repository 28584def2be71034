// Fair expert choice: round robin among available experts under their cap. The least recently
// assigned expert goes next (never-assigned first); ties keep the directory's order. Backups are
// asked only when no primary expert can take the case.
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
    const load = byId.get(id);
    return (
      person !== undefined &&
      !exclude.includes(id) &&
      !isAway(person, now) &&
      (load?.openCases ?? 0) < person.maxOpenCases
    );
  };
  const rested = (id: string) => byId.get(id)?.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  for (const tier of [topic.experts, topic.backups]) {
    const pool = tier.filter(eligible);
    if (pool.length === 0) continue;
    // Stable sort: equal rest keeps directory order.
    return [...pool].sort((a, b) => rested(a) - rested(b))[0] ?? null;
  }
  return null;
}
