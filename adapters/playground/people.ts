// Who can be played: made-up customers (the example config lists only staff), and the directory's
// staff by the role they have somewhere (front line or expert; supervisor).
import type { Audience, Customer, Directory, Locale, Person } from '../../src/core/index.ts';

export interface PlayCustomer extends Customer {
  /** The short name in the playground's own URLs and conversation ids. */
  key: string;
  audience: Audience;
}

/** A colleague writing as in Slack, a community member as in Discord, and one more colleague. */
export const PLAY_CUSTOMERS: readonly PlayCustomer[] = [
  {
    key: 'egle',
    id: 'playground:egle',
    name: 'Eglė Kazlauskaitė',
    locale: 'lt',
    timeZone: 'Europe/Vilnius',
    audience: 'internal',
  },
  {
    key: 'camille',
    id: 'playground:camille',
    name: 'Camille Laurent',
    locale: 'fr',
    timeZone: 'Europe/Paris',
    audience: 'community',
  },
  {
    key: 'alex',
    id: 'playground:alex',
    name: 'Alex Morgan',
    locale: 'en',
    timeZone: 'Europe/London',
    audience: 'internal',
  },
];

export const customerByKey = (key: string | undefined): PlayCustomer =>
  PLAY_CUSTOMERS.find((c) => c.key === key) ?? (PLAY_CUSTOMERS[0] as PlayCustomer);

/** The customer as the case records them: in the language the playground is played in. */
export const asCustomer = (c: PlayCustomer, locale: Locale): Customer => ({
  id: c.id,
  name: c.name,
  locale,
  timeZone: c.timeZone,
});

/** Front line first, then experts and backups, each once, in the directory's order. */
export function staffOf(directory: Directory): Person[] {
  const ids = new Set<string>();
  for (const team of Object.values(directory.teams)) for (const id of team.frontLine) ids.add(id);
  for (const topic of Object.values(directory.topics)) {
    for (const id of [...topic.experts, ...topic.backups]) ids.add(id);
  }
  return [...ids].map((id) => directory.people[id]).filter((p): p is Person => p !== undefined);
}

export function supervisorsOf(directory: Directory): Person[] {
  const ids = new Set(Object.values(directory.teams).flatMap((t) => t.supervisors));
  return Object.values(directory.people).filter((p) => ids.has(p.id));
}

/** The person chosen, else the first of `people`. */
export const pick = (people: readonly Person[], id: string | undefined): Person | undefined =>
  people.find((p) => p.id === id) ?? people[0];
