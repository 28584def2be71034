// Incidents, the pure half: which recent cases make a burst with a new one, which incident a new
// case belongs to, and whether the supervisors were already alerted of this burst. The desk reads
// the cases and incidents (incident-desk.ts); the decisions are here, with no I/O and no clock.
import type { Case, Incident, IncidentSettings, Team } from './model.ts';
import { similarity, wordSet } from './similar-words.ts';

/** How alike a case must be to a declared incident to join it when its team set no detection. */
export const DEFAULT_SIMILARITY = 0.3;

/**
 * An alert stands for its burst this long: alike cases within it are the same burst and alert
 * nobody again (unless the incident is declared, when they join it).
 */
export const ALERT_STANDS_MS = 24 * 60 * 60 * 1000;

export const similarityOf = (team: Team | undefined): number =>
  team?.incidents?.similarity ?? DEFAULT_SIMILARITY;

/** The recent cases alike the new words (the new case not among them). */
export function alikeCases(
  settings: IncidentSettings,
  words: string,
  recent: readonly Pick<Case, 'words' | 'id'>[],
): string[] {
  const mine = wordSet(words);
  return recent.filter((c) => similarity(mine, wordSet(c.words)) >= settings.similarity).map((c) => c.id);
}

/** The incident, open or alerted, whose words the new case's are alike: open ones first. */
export function incidentFor(
  incidents: readonly Incident[],
  words: string,
  minimum: number,
  now: Date,
): Incident | undefined {
  const mine = wordSet(words);
  const alike = incidents.filter(
    (i) =>
      (i.status === 'open' ||
        (i.status === 'alerted' && now.getTime() - i.alertedAt.getTime() < ALERT_STANDS_MS)) &&
      similarity(mine, wordSet(i.words)) >= minimum,
  );
  return alike.find((i) => i.status === 'open') ?? alike[0];
}

export type IntakeDecision =
  { kind: 'none' } | { kind: 'join'; incident: Incident } | { kind: 'alert'; count: number };

/**
 * What a new case on a topic does about incidents: joins the declared incident its words are alike
 * to; else, with detection on, alerts the supervisors when it makes `threshold` alike cases within
 * the window, unless an alert for alike words already stands.
 */
export function decideAtIntake(
  team: Team | undefined,
  words: string,
  incidents: readonly Incident[],
  recent: readonly Pick<Case, 'words' | 'id'>[],
  now: Date,
): IntakeDecision {
  const settings = team?.incidents;
  const known = incidentFor(incidents, words, similarityOf(team), now);
  if (known?.status === 'open') return { kind: 'join', incident: known };
  if (!settings || known) return { kind: 'none' };
  const count = alikeCases(settings, words, recent).length + 1;
  return count >= settings.threshold ? { kind: 'alert', count } : { kind: 'none' };
}

/** Of a team's active cases on the incident's topic, those alike it and in no incident yet. */
export function casesToLink(incident: Incident, team: Team | undefined, active: readonly Case[]): Case[] {
  const words = wordSet(incident.words);
  const minimum = similarityOf(team);
  return active.filter(
    (c) =>
      c.incident === null &&
      c.team === incident.team &&
      c.topic === incident.topic &&
      similarity(words, wordSet(c.words)) >= minimum,
  );
}
