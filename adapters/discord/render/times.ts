// Instants on Discord: `<t:unix:F>`, which each reader's client shows in their own time zone and
// language (Discord knows no member's zone; the team's zone would be wrong for most of them). The
// shared renderer writes an instant in a zone (adapters/shared/params.ts says which params are
// instants); here each such rendering is replaced by Discord's timestamp.
import { formatInstant, type Locale } from '../../../src/core/index.ts';
import { paramRole } from '../../shared/params.ts';

/** Discord's full date and time for an ISO instant, or null when it is not one. */
export function discordTime(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : `<t:${Math.floor(ms / 1000)}:F>`;
}

/** The ISO instants among params, by their role. */
export const instantsIn = (params: Readonly<Record<string, string | number>>): string[] =>
  Object.entries(params).flatMap(([name, value]) =>
    paramRole(name, value) === 'instant' && typeof value === 'string' && value !== '' ? [value] : [],
  );

/** `text`, rendered for `reader`, with each of `instants` shown as a Discord timestamp instead. */
export function withDiscordTimes(
  text: string,
  instants: readonly string[],
  reader: { locale: Locale; timeZone: string },
): string {
  let out = text;
  for (const iso of instants) {
    const shown = discordTime(iso);
    if (shown === null) continue;
    // Lithuanian writes the weekday in the genitive after "iki": both forms are replaced.
    const forms = new Set([
      formatInstant(iso, reader.locale, reader.timeZone),
      formatInstant(iso, reader.locale, reader.timeZone, { afterUntil: true }),
    ]);
    for (const form of forms) out = out.split(form).join(shown);
  }
  return out;
}
