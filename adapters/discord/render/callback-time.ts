// The "call back by" time an expert may set when accepting a case: written in a Discord form as
// text (Discord forms have no date picker), read in the expert's own time zone.
import { DateTime } from 'luxon';

const FORMATS = [
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd H:mm',
  "yyyy-MM-dd'T'HH:mm",
  'dd/MM/yyyy HH:mm',
  'dd.MM.yyyy HH:mm',
];
const TIME_ONLY = ['HH:mm', 'H:mm'];

/**
 * `2026-11-24 15:00` (also `24/11/2026 15:00`, `24.11.2026 15:00`), or `15:00` for the next such
 * time from `now`, in `timeZone`. Empty: undefined (the promised time stands). Unreadable: null.
 */
export function readCallbackTime(text: string, timeZone: string, now: Date): Date | undefined | null {
  const input = text.trim().replace(/\s+/g, ' ');
  if (input === '') return undefined;
  for (const format of FORMATS) {
    const at = DateTime.fromFormat(input, format, { zone: timeZone });
    if (at.isValid) return at.toJSDate();
  }
  for (const format of TIME_ONLY) {
    const time = DateTime.fromFormat(input, format, { zone: timeZone });
    if (!time.isValid) continue;
    const today = DateTime.fromJSDate(now, { zone: timeZone }).set({
      hour: time.hour,
      minute: time.minute,
      second: 0,
      millisecond: 0,
    });
    return (today.toMillis() > now.getTime() ? today : today.plus({ days: 1 })).toJSDate();
  }
  return null;
}
