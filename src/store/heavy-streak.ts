// ExpertLoad.heavyStreakSince from a person's latest expert assignments, for every store alike.
import type { CaseHeavy } from '../core/model.ts';

/**
 * `assigned`: the person's expert assignments, newest first (at least the latest two). When the
 * latest two are both heavy, the instant the streak formed: the later of the second assignment and
 * the two marks. Else null.
 */
export function heavyStreakSince(
  assigned: readonly { at: Date; heavy: Pick<CaseHeavy, 'at'> | null }[],
): Date | null {
  const [last, before] = assigned;
  if (!last?.heavy || !before?.heavy) return null;
  const times = [last.at, last.heavy.at, before.heavy.at].map((d) => new Date(d).getTime());
  return new Date(Math.max(...times));
}
