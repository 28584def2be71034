// The config's time zone check: the names Intl lists are known without building a formatter, and
// every other name is still decided by Intl.DateTimeFormat, as before (links, other spellings).
import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../src/config/schema.ts';

describe('isTimeZone', () => {
  it('knows the listed names and UTC', () => {
    for (const zone of ['Europe/Vilnius', 'Europe/Paris', 'America/New_York', 'UTC'])
      expect(isTimeZone(zone)).toBe(true);
  });

  it('asks Intl about names it does not list', () => {
    // Links and other spellings Intl.DateTimeFormat takes.
    for (const zone of ['US/Eastern', 'Etc/UTC', 'GMT', 'europe/vilnius', 'Europe/Kyiv'])
      expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Europe/Vilnus', 'Mars/Olympus_Mons', 'UTC+2'])
      expect(isTimeZone(zone)).toBe(false);
  });

  it('agrees with Intl.DateTimeFormat on every listed name', () => {
    const formats = (zone: string) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    };
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(isTimeZone(zone)).toBe(formats(zone));
  });
});
