// Who is acting: a Slack user listed in the directory acts as that person; anyone else is a
// customer known as `slack:<team>:<user>`, whose name, language and time zone come from users.info
// (cached for a while: one lookup per person, not per message).
import { findPersonByPlatformId } from '../../../src/platform/people.ts';
import type { Actor, Customer, Directory, Person } from '../../../src/core/index.ts';
import { localeFromTag, type Reader } from '../../shared/reader.ts';
import type { WebClient } from '../delivery/slack-api.ts';
import { plainFromSlack } from '../render/escape.ts';

export interface SlackUser {
  teamId: string;
  userId: string;
}

function validZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

const PROFILE_TTL_MS = 10 * 60_000;

export const customerIdOf = (u: SlackUser): string => `slack:${u.teamId}:${u.userId}`;

export function createIdentity(client: WebClient, directory: Directory) {
  const profiles = new Map<string, { customer: Omit<Customer, 'id'>; until: number }>();

  const person = (u: SlackUser): Person | undefined => findPersonByPlatformId(directory, 'slack', u.userId);

  function actor(u: SlackUser): Actor {
    const p = person(u);
    return p ? { id: p.id, name: p.name } : { id: customerIdOf(u) };
  }

  async function profile(u: SlackUser): Promise<Omit<Customer, 'id'>> {
    const cached = profiles.get(u.userId);
    if (cached && cached.until > performance.now()) return cached.customer;
    const { user } = await client.users.info({ user: u.userId, include_locale: true });
    const name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name;
    const customer = {
      name: name || u.userId,
      locale: localeFromTag(user?.locale),
      timeZone: validZone(user?.tz),
    };
    profiles.set(u.userId, { customer, until: performance.now() + PROFILE_TTL_MS });
    return customer;
  }

  /** The customer a new case is opened for (a directory person keeps their id and settings). */
  async function customer(u: SlackUser): Promise<Customer> {
    const p = person(u);
    if (p) return { id: p.id, name: p.name, locale: p.locale, timeZone: p.timeZone };
    return { id: customerIdOf(u), ...(await profile(u)) };
  }

  /** Language and zone to answer this user in; English/UTC if Slack cannot tell us. */
  async function reader(u: SlackUser): Promise<Reader> {
    const p = person(u);
    if (p) return { locale: p.locale, timeZone: p.timeZone };
    try {
      const { locale, timeZone } = await profile(u);
      return { locale, timeZone };
    } catch {
      return { locale: 'en', timeZone: 'UTC' };
    }
  }

  /** Slack message text as plain words, mentions of directory people shown by name. */
  const plainText = (text: string): string =>
    plainFromSlack(text, (userId) => findPersonByPlatformId(directory, 'slack', userId)?.name);

  return { person, actor, customer, reader, plainText };
}

export type Identity = ReturnType<typeof createIdentity>;
