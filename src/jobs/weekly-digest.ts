// The weekly digest: once a week, from Monday 09:00 in each team calendar's time zone (or at the
// first run after it), each supervisor of the team gets the team's digest in a direct message, in
// their language, through the first adapter that reaches them (src/main.ts lists Slack first).
//
// Exactly once across replicas and restarts: each (team, supervisor, ISO week) is claimed in the
// inbound log before sending, and only the replica whose claim is new sends. A crash, or a failed
// read or send, between the claim and the send loses that week's digest for that person rather
// than ever sending it twice (the README says so too).
import {
  type DeskConfig,
  type Directory,
  digestWeekDue,
  type InboundLog,
  type ReportReads,
} from '../core/index.ts';
import type { Clock } from '../core/ports.ts';
import type { Logger } from '../log.ts';
import type { PlatformAdapter } from '../platform/adapter.ts';
import { type TeamDigest, teamDigest } from '../platform/team-report.ts';

/** How often the job looks whether a digest is due. */
export const DIGEST_EVERY_MS = 60 * 60_000;

export interface DigestOptions {
  directory: Directory;
  /** The policies and topics, so the digest's policy suggestions say what is promised now. */
  desk?: DeskConfig;
  store: { reports: ReportReads; inbound: InboundLog };
  /** In order of preference: a person is sent the digest on the first that reaches them. */
  adapters: readonly Pick<PlatformAdapter, 'platform' | 'sendDigest'>[];
  clock: Clock;
  logger: Logger;
}

export interface DigestRun {
  sent: number;
  /** Supervisors no adapter reaches (no id on a running platform): nothing claimed. */
  unreachable: number;
  failed: number;
}

/** The claim key of one person's digest of one team for one ISO week. */
export const digestKey = (team: string, person: string, isoWeek: string): string =>
  `digest:${team}:${person}:${isoWeek}`;

function reaches(
  adapter: Pick<PlatformAdapter, 'platform'>,
  directory: Directory,
  personId: string,
): boolean {
  const person = directory.people[personId];
  return adapter.platform === 'slack' ? person?.slackId !== undefined : person?.discordId !== undefined;
}

/** Sends every digest due now that no replica has claimed yet. */
export async function sendWeeklyDigests(options: DigestOptions): Promise<DigestRun> {
  const { directory, store, clock, logger } = options;
  const now = clock.now();
  const run: DigestRun = { sent: 0, unreachable: 0, failed: 0 };
  for (const team of Object.values(directory.teams)) {
    const zone = directory.calendars[team.calendar]?.timeZone ?? 'UTC';
    const week = digestWeekDue(now, zone);
    if (week === null) continue;
    // Read once per team, and only once someone's claim for it is new.
    let digest: Promise<TeamDigest> | null = null;
    for (const personId of team.supervisors) {
      const adapter = options.adapters.find((a) => a.sendDigest && reaches(a, directory, personId));
      if (!adapter?.sendDigest) {
        run.unreachable += 1;
        continue;
      }
      if (!(await store.inbound.remember(digestKey(team.id, personId, week), now))) continue;
      try {
        digest ??= teamDigest(store.reports, team, now, options.desk);
        if (await adapter.sendDigest(personId, await digest)) run.sent += 1;
        logger.info('digest.sent', { team: team.id, person: personId, week, platform: adapter.platform });
      } catch (e) {
        run.failed += 1;
        // Claimed: this week's digest is lost for this person rather than sent twice.
        logger.error('digest.failed', {
          team: team.id,
          person: personId,
          week,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
  }
  return run;
}
