// Finding a directory person from the id a chat platform gives the adapter.
import type { Directory, Person } from '../core/model.ts';

type Platform = 'slack' | 'discord';

// Built once per directory object: adapters look a person up on every inbound event.
const indexes = new WeakMap<Directory, Record<Platform, Map<string, Person>>>();

function indexOf(directory: Directory): Record<Platform, Map<string, Person>> {
  let index = indexes.get(directory);
  if (!index) {
    index = { slack: new Map(), discord: new Map() };
    for (const person of Object.values(directory.people)) {
      if (person.slackId !== undefined) index.slack.set(person.slackId, person);
      if (person.discordId !== undefined) index.discord.set(person.discordId, person);
    }
    indexes.set(directory, index);
  }
  return index;
}

/** The person whose Slack member id or Discord user id is `id`, if the directory lists one. */
export function findPersonByPlatformId(
  directory: Directory,
  platform: Platform,
  id: string,
): Person | undefined {
  return indexOf(directory)[platform].get(id);
}
