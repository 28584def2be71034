// Whether a person is away at an instant: the directory's `away` flag or one of their absences.
import { DateTime } from 'luxon';
import { CoreError } from './errors.ts';
import type { Absence, Person } from './model.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `person.away` is set or `at` falls inside one of their absences. Each end of an
 * absence is either a date `YYYY-MM-DD`, meaning whole days in the person's `timeZone` (`from`
 * starts at that day's midnight, `to` is inclusive: it ends at the next midnight), or an ISO
 * instant with an offset (`to` exclusive). An instant without an offset is read in the person's
 * zone. Throws `error.absence_invalid` for anything else.
 */
export function isAway(person: Person, at: Date): boolean {
  if (person.away) return true;
  const t = at.getTime();
  return person.absences.some(
    (absence) => absenceStart(person, absence) <= t && t < absenceEnd(person, absence),
  );
}

function absenceStart(person: Person, absence: Absence): number {
  const date = parse(person, absence.from);
  return (DATE_ONLY.test(absence.from) ? date.startOf('day') : date).toMillis();
}

function absenceEnd(person: Person, absence: Absence): number {
  const date = parse(person, absence.to);
  return (DATE_ONLY.test(absence.to) ? date.plus({ days: 1 }).startOf('day') : date).toMillis();
}

function parse(person: Person, text: string): DateTime {
  const parsed = DateTime.fromISO(text, { zone: person.timeZone });
  if (!parsed.isValid) {
    throw new CoreError('invalid_input', 'error.absence_invalid', { person: person.id, value: text });
  }
  return parsed;
}
