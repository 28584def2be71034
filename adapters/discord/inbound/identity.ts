// Who is acting: a directory person (by Discord user id) or a community member (a customer).
import { findPersonByPlatformId } from '../../../src/platform/people.ts';
import type { Actor, Customer, Directory, Person } from '../../../src/core/index.ts';
import { localeFromTag, type Reader } from '../../shared/reader.ts';
import { customerIdOf } from '../ids.ts';

export interface DiscordUserLike {
  id: string;
  username: string;
  globalName?: string | null;
}

export interface Who {
  actor: Actor;
  /** Set when the user is in the directory (staff). */
  person?: Person;
  /** The language and zone to answer this person in. */
  reader: Reader;
  /** The user as a customer, should they open a case. */
  customer: Customer;
}

/** Discord has no user time zone: the customer gets the topic's team calendar zone (or UTC). */
export function zoneForTopic(directory: Directory, topicId?: string): string {
  const topic = directory.topics[topicId ?? directory.defaultTopic];
  const team = topic ? directory.teams[topic.team] : undefined;
  return (team && directory.calendars[team.calendar]?.timeZone) ?? 'UTC';
}

export function whoIs(
  directory: Directory,
  user: DiscordUserLike,
  options: { displayName?: string | null; locale?: string | null; topic?: string } = {},
): Who {
  const person = findPersonByPlatformId(directory, 'discord', user.id);
  if (person) {
    return {
      actor: { id: person.id, name: person.name },
      person,
      reader: { locale: person.locale, timeZone: person.timeZone },
      customer: { id: person.id, name: person.name, locale: person.locale, timeZone: person.timeZone },
    };
  }
  const name = options.displayName?.trim() || user.globalName?.trim() || user.username;
  const locale = localeFromTag(options.locale);
  const timeZone = zoneForTopic(directory, options.topic);
  return {
    actor: { id: customerIdOf(user.id), name },
    reader: { locale, timeZone },
    customer: { id: customerIdOf(user.id), name, locale, timeZone },
  };
}
