// The weekly digest as the jobs schedule it: an hourly look whether a team's digest is due (Monday
// 09:00 in its calendar's zone), each supervisor reached once per team and week across replicas,
// on the first adapter that reaches them; a failed send is lost, never repeated. On fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { createDesk } from '../../src/core/desk.ts';
import type { Directory } from '../../src/core/model.ts';
import { scheduleJobs } from '../../src/jobs/schedule-jobs.ts';
import { digestKey, sendWeeklyDigests } from '../../src/jobs/weekly-digest.ts';
import { memoryLogger } from '../../src/log.ts';
import type { ChatPlatform } from '../../src/platform/adapter.ts';
import type { TeamDigest } from '../../src/platform/team-report.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { SequentialIds } from '../support/fake-clock.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const config = loadConfig('config/support.example.yaml');
const directory = config.desk.directory;

/** An adapter that only records the digests it is asked to send (the adapter tests send for real). */
function recordingAdapter(platform: ChatPlatform, fail = false) {
  const sent: { person: string; team: string; at: number }[] = [];
  return {
    platform,
    sent,
    async sendDigest(personId: string, digest: TeamDigest) {
      if (fail) throw new Error('platform down');
      sent.push({ person: personId, team: digest.team.id, at: Date.now() });
      return true;
    },
  };
}

describe('the weekly digest, scheduled', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-30T05:00:00.000Z') }); // Monday, before 09:00 everywhere
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reaches each supervisor once per team and week, with two replicas looking every hour', async () => {
    const store = createMemoryStore();
    const clock = { now: () => new Date() };
    const logger = memoryLogger();
    const adapter = recordingAdapter('slack');
    const replica = (owner: string) =>
      scheduleJobs({
        desk: createDesk({ store, clock, ids: new SequentialIds(owner), config: config.desk }),
        store,
        outbox: { pass: async () => {}, tickMs: HOUR },
        clock,
        logger,
        owner,
        sweep: { everySeconds: 3600, leaseSeconds: 30, batch: 100 },
        digest: () => sendWeeklyDigests({ directory, store, adapters: [adapter], clock, logger }),
      });
    const jobs = [replica('r1'), replica('r2')];
    const start = Date.now();
    const sentBy = (ms: number) =>
      adapter.sent.filter((s) => s.at - start <= ms).map((s) => `${s.team}:${s.person}`);
    try {
      // Customer Support's calendar is Vilnius (09:00 is 07:00Z, 2 h after start); Account Access's
      // is UTC (09:00Z, 4 h after start). Each replica looks within 5 minutes of start, then hourly.
      await vi.advanceTimersByTimeAsync(2 * HOUR - MINUTE);
      expect(adapter.sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(HOUR + 2 * MINUTE);
      expect(sentBy(3 * HOUR + MINUTE)).toEqual(['support:marie']);
      await vi.advanceTimersByTimeAsync(2 * HOUR);
      expect(sentBy(5 * HOUR + MINUTE).sort()).toEqual(['access:marie', 'access:sam', 'support:marie']);
      // Later looks that day: nothing more.
      await vi.advanceTimersByTimeAsync(3 * HOUR);
      expect(adapter.sent).toHaveLength(3);
      // Both replicas restart on the next Monday before 09:00: the next week's three, once.
      await Promise.all(jobs.splice(0).map((j) => j.stop()));
      vi.setSystemTime(new Date('2026-12-07T05:00:00.000Z'));
      jobs.push(replica('r1'), replica('r2'));
      await vi.advanceTimersByTimeAsync(5 * HOUR);
      expect(adapter.sent).toHaveLength(6);
      expect(
        adapter.sent
          .slice(3)
          .map((s) => `${s.team}:${s.person}`)
          .sort(),
      ).toEqual(['access:marie', 'access:sam', 'support:marie']);
    } finally {
      await Promise.all(jobs.map((j) => j.stop()));
    }
  });
});

describe('sendWeeklyDigests', () => {
  const at = new Date('2026-11-30T10:00:00Z'); // Monday, after 09:00 in Vilnius and in UTC
  const clock = { now: () => at };

  it('sends on the first adapter that reaches the person, and claims nothing for those none reaches', async () => {
    const store = createMemoryStore();
    const logger = memoryLogger();
    // Aistė is on Slack only; make her one of Account Access's supervisors too.
    const withAiste: Directory = {
      ...directory,
      teams: {
        ...directory.teams,
        access: { ...directory.teams.access!, supervisors: ['sam', 'marie', 'aiste'] },
      },
    };
    const discord = recordingAdapter('discord');
    expect(
      await sendWeeklyDigests({ directory: withAiste, store, adapters: [discord], clock, logger }),
    ).toEqual({
      sent: 3,
      unreachable: 1,
      failed: 0,
    });
    expect(discord.sent.map((s) => `${s.team}:${s.person}`).sort()).toEqual(
      ['access:sam', 'support:marie', 'access:marie'].sort(),
    );
    // Slack comes up: Aistė, never claimed, gets hers; the others are not sent twice.
    const slack = recordingAdapter('slack');
    const run = await sendWeeklyDigests({
      directory: withAiste,
      store,
      adapters: [slack, discord],
      clock,
      logger,
    });
    expect(run).toEqual({ sent: 1, unreachable: 0, failed: 0 });
    expect(slack.sent.map((s) => s.person)).toEqual(['aiste']);
  });

  it('loses a digest whose send failed after its claim, rather than ever sending it twice', async () => {
    const store = createMemoryStore();
    const logger = memoryLogger();
    const broken = recordingAdapter('slack', true);
    expect(await sendWeeklyDigests({ directory, store, adapters: [broken], clock, logger })).toEqual({
      sent: 0,
      unreachable: 0,
      failed: 3,
    });
    expect(logger.lines.filter((l) => l.startsWith('error digest.failed'))).toHaveLength(3);
    const working = recordingAdapter('slack');
    expect((await sendWeeklyDigests({ directory, store, adapters: [working], clock, logger })).sent).toBe(0);
    expect(await store.inbound.remember(digestKey('access', 'sam', '2026-W49'), at)).toBe(false);
  });
});
