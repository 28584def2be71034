// Away at run time: `/support away [until]` and `/support back` (and App Home's toggle). Who is
// away is kept in the AwayBook; when an expert is chosen (steps.ts findExpert) it is laid over the
// directory, so an entry counts exactly as the directory's `away` flag does (availability.ts:
// assignments skip the person). Planned absences from the directory still apply beside it.
import { DateTime } from 'luxon';
import { personOf } from './directory.ts';
import { CoreError } from './errors.ts';
import type { DeskConfig, Person } from './model.ts';
import type { AwayEntry } from './ports.ts';

/** The longest `until` worth reading; anything longer is refused before parsing. */
const MAX_UNTIL = 40;
const TIME = /^([01]?\d|2[0-3])[:h.]([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TOMORROW = new Set(['tomorrow', 'demain', 'rytoj']);

/**
 * When the person is back, from what they typed after `away`, read in their zone: nothing (until
 * they say `back`: null), a time `HH:MM` (its next occurrence: today, or tomorrow once it has
 * passed), a date `YYYY-MM-DD` (that day's start) or `tomorrow` (`demain`, `rytoj`: tomorrow's
 * start). Anything else, or a moment not after `now`, is refused with `error.away_until_invalid`.
 */
export function parseAwayUntil(text: unknown, person: Pick<Person, 'timeZone'>, now: Date): Date | null {
  if (text === undefined) return null;
  const raw = typeof text === 'string' ? text.trim() : '';
  if (typeof text === 'string' && raw === '') return null;
  const refuse = () =>
    new CoreError('invalid_input', 'error.away_until_invalid', { value: raw.slice(0, MAX_UNTIL) });
  if (raw.length > MAX_UNTIL) throw refuse();
  const today = DateTime.fromJSDate(now, { zone: person.timeZone });
  const word = raw.toLowerCase();
  let until: DateTime | null = null;
  const time = TIME.exec(word);
  if (time) {
    const at = today.set({ hour: Number(time[1]), minute: Number(time[2]), second: 0, millisecond: 0 });
    until = at > today ? at : at.plus({ days: 1 });
  } else if (DATE.test(word)) {
    const day = DateTime.fromISO(word, { zone: person.timeZone });
    until = day.isValid ? day.startOf('day') : null;
  } else if (TOMORROW.has(word)) {
    until = today.plus({ days: 1 }).startOf('day');
  }
  if (until === null || !until.isValid || until.toMillis() <= now.getTime()) throw refuse();
  return until.toJSDate();
}

/** A staff member: on a team's front line or among its supervisors, or an expert of a topic. */
export function isStaffMember(config: DeskConfig, personId: string): boolean {
  const { teams, topics } = config.directory;
  return (
    Object.values(teams).some((t) => t.frontLine.includes(personId) || t.supervisors.includes(personId)) ||
    Object.values(topics).some((t) => t.experts.includes(personId) || t.backups.includes(personId))
  );
}

/** The actor as a staff member of the directory; anyone else is refused. */
export function requireStaffMember(config: DeskConfig, actorId: unknown): Person {
  const person = typeof actorId === 'string' ? personOf(config, actorId) : undefined;
  if (!person || !isStaffMember(config, person.id)) throw new CoreError('forbidden', 'error.staff_only');
  return person;
}

/** The config with each person in `away` marked away (the same config when nobody is). */
export function withAway(config: DeskConfig, away: readonly AwayEntry[]): DeskConfig {
  const ids = new Set(away.map((a) => a.personId).filter((id) => personOf(config, id) !== undefined));
  if (ids.size === 0) return config;
  const people = { ...config.directory.people };
  for (const id of ids) {
    const person = people[id];
    if (person && !person.away) people[id] = { ...person, away: true };
  }
  return { ...config, directory: { ...config.directory, people } };
}
