// Proof on real PostgreSQL with replicas in separate processes (test/fixtures/replica.ts), on the
// wall clock: a short sweep interval and lease, so these are measurements. Each bound asserted is
// derived from the configured interval and lease and from the run times the replicas logged.
// Prints the figures and writes them to test-results/reliability.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { PG_SKIP, pgTitle } from '../fixtures/postgres.ts';
import { byKey, normalBound, OPTIONS, setUp, waitUntil } from '../fixtures/reliability-run.ts';
import { type Reminder, seedReminders, summary } from '../fixtures/reminders.ts';
import { isAlive, killAllReplicas, killHard, readFound, readSent } from '../fixtures/replicas.ts';
import { deskConfig } from '../support/desk-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * How far ahead the first promise falls due: 2 s, or twice what starting the replicas took in this
 * run when that was longer (a busy machine writes the promises as slowly), so they are all written
 * before the first is due.
 */
const leadMs = (setUpMs: number) => Math.max(2_000, 2 * setUpMs);
/** 1,000 reminders due over 16 s: about 60 a second, on a 2-core machine running all of it. */
const SPACING_MS = 16;
/**
 * Chaos: 1,000 promises due over 36 s, a kill every 0.5-1.3 s. A restart costs ~0.6 s of CPU here
 * (Node, tsx, the Prisma client), so faster kills starve a 2-core machine of time to sweep.
 */
const CHAOS_SPACING_MS = 36;
const KILL_EVERY_MS = { min: 500, max: 1_300 };
/** Each platform call takes 5 ms, so some kills land while a send is under way. */
const CHAOS_SEND_MS = 5;
/** A deterministic spread in [0, 1) (tests are reproducible). */
const spread = (i: number) => (((i * 0.6180339887) % 1) + 1) % 1;
const figures: Record<string, unknown> = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  sweepIntervalMs: OPTIONS.intervalMs,
  leaseMs: OPTIONS.leaseMs,
};

const record = (name: string, value: unknown) => {
  figures[name] = value;
  console.log(`[reliability] ${name}: ${JSON.stringify(value)}`);
};

describe.skipIf(PG_SKIP !== null)(
  pgTitle('Reliability on PostgreSQL, replicas in separate processes'),
  () => {
    // A proof that timed out may still hold replicas: none outlives this file.
    afterAll(killAllReplicas);
    afterAll(() => {
      if (Object.keys(figures).length <= 4) return;
      mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      writeFileSync(
        path.join(ROOT, 'test-results/reliability.json'),
        `${JSON.stringify(figures, null, 2)}\n`,
      );
    });

    it('3 replicas sweeping 1,000 due reminders send each exactly once, on time, paced per destination', async () => {
      const began = Date.now();
      const run = await setUp(3);
      try {
        const start = Date.now() + leadMs(Date.now() - began);
        const reminders: Reminder[] = Array.from({ length: 1000 }, (_, i) => ({
          caseId: `r${i}`,
          dueAt: new Date(start + i * SPACING_MS),
          kind: 'nudge',
          holder: `p${i}`,
        }));
        // Five more, all due at once, all to the team's one triage channel.
        const shared: Reminder[] = Array.from({ length: 5 }, (_, i) => ({
          caseId: `triage${i}`,
          dueAt: new Date(start),
          kind: 'nudge',
          holder: null,
        }));
        await seedReminders(run.schema, [...shared, ...reminders]);
        // On a busy machine writing them may end after the first were due: a reminder's lateness
        // counts from when it was both due and written.
        const seededAt = Date.now();
        const lastDue = start + 999 * SPACING_MS;
        await waitUntil(() => readSent(run.out).length >= 1005, Math.max(lastDue, seededAt) + 120_000);
        await run.stopAll();

        const sent = readSent(run.out);
        const keys = byKey(sent);
        const outbox = await run.store.inspect.listOutbox({});
        expect(outbox).toHaveLength(1005);
        expect(outbox.filter((n) => n.status !== 'sent')).toEqual([]);
        expect(new Set(outbox.map((n) => n.caseId)).size).toBe(1005); // one reminder per promise
        expect([...keys.values()].filter((lines) => lines.length !== 1)).toEqual([]); // each sent once
        expect(new Set(keys.keys())).toEqual(new Set(outbox.map((n) => n.dedupeKey)));
        // Every timer due so far was handled (each nudge's window still holds its later miss timer).
        const open = await run.schema.query("SELECT id FROM timers WHERE status <> 'done' AND due_at <= $1", [
          Date.now(),
        ]);
        expect(open).toEqual([]);

        const dueOf = new Map(reminders.map((r) => [r.caseId, r.dueAt.getTime()]));
        const mine = sent.filter((l) => dueOf.has(l.caseId));
        const lateness = mine.map((l) => l.sentAt - Math.max(dueOf.get(l.caseId) ?? 0, seededAt));
        const earliness = mine.map((l) => l.sentAt - (dueOf.get(l.caseId) ?? 0));
        const bound = normalBound(run.out);
        const perReplica = [...new Set(sent.map((l) => l.pid))].map(
          (pid) => sent.filter((l) => l.pid === pid).length,
        );
        expect(perReplica.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2); // they really shared it
        // The shared channel: claims at least a second apart, whichever replica made them.
        const triage = sent
          .filter((l) => l.caseId.startsWith('triage'))
          .sort((a, b) => a.claimedAt - b.claimedAt);
        const gaps = triage.slice(1).map((l, i) => l.claimedAt - (triage[i]?.claimedAt ?? 0));
        record('threeReplicas', {
          reminders: 1000,
          sentExactlyOnce: [...keys.values()].filter((lines) => lines.length === 1).length,
          sentPerReplica: perReplica,
          latenessMs: summary(lateness),
          seededAfterTheFirstWasDueMs: Math.max(0, seededAt - start),
          ...bound,
          sharedChannel: {
            notices: triage.length,
            replicas: new Set(triage.map((l) => l.pid)).size,
            claimGapsMs: gaps,
          },
        });
        expect(Math.max(...lateness)).toBeLessThanOrEqual(bound.boundMs);
        expect(Math.min(...earliness)).toBeGreaterThanOrEqual(0); // nothing went out before it was due
        expect(gaps).toHaveLength(4);
        for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1_000);
      } finally {
        await run.cleanup();
      }
    }, 240_000);

    it('expert replies racing the window’s expiry: no reminder after the window was kept', async () => {
      const began = Date.now();
      const run = await setUp(3);
      try {
        const setUpMs = Date.now() - began;
        const start = Date.now() + leadMs(setUpMs);
        // Answers spread over 300 ms around the window's end on an idle machine; over more where
        // starting the replicas showed the machine slow (its sweeps come further apart too), so
        // the race still runs both ways.
        const spreadMs = Math.max(300, 2 * setUpMs);
        const promises: Reminder[] = Array.from({ length: 200 }, (_, i) => ({
          caseId: `race${i}`,
          dueAt: new Date(start + i * 15),
          kind: 'miss',
          holder: `p${i}`,
        }));
        await seedReminders(run.schema, promises);
        // The expert answers from 60 ms before the window ends to spreadMs after: the sweep,
        // every 200 ms on each replica, catches some windows first and some answers land first.
        const desk = createDesk({
          store: run.store,
          clock: { now: () => new Date() },
          ids: { next: () => crypto.randomUUID() },
          config: deskConfig(),
        });
        const answered = new Map<string, number>();
        await Promise.all(
          promises.map(async (p) => {
            await wait(
              Math.max(0, p.dueAt.getTime() - 60 + spread(Number(p.caseId.slice(4))) * spreadMs - Date.now()),
            );
            const result = await desk.answer({
              caseId: p.caseId,
              actor: { id: p.holder ?? '' },
              text: 'Done.',
            });
            answered.set(p.caseId, result.case.version);
          }),
        );
        // Every window is closed now: wait until no replica holds or owes a timer of these cases.
        const settled = await waitUntil(
          async () =>
            (
              await run.schema.query(
                "SELECT 1 FROM timers WHERE status IN ('pending', 'claimed') AND due_at <= $1",
                [Date.now()],
              )
            ).length === 0,
          Date.now() + 60_000,
        );
        expect(settled).toBe(true);
        await run.stopAll();

        const versionOf = (dedupeKey: string) => Number(/:v(\d+):/.exec(dedupeKey)?.[1]);
        const reminders = (await run.store.inspect.listOutbox({})).filter((n) => n.key === 'owner.missed');
        const late = reminders.filter((n) => versionOf(n.dedupeKey) > (answered.get(n.caseId) ?? 0));
        const remindedFirst = new Set(reminders.map((n) => n.caseId)).size;
        record('answerRace', {
          promises: promises.length,
          answered: answered.size,
          missHandledBeforeTheAnswer: remindedFirst,
          answerKeptTheWindowFirst: promises.length - remindedFirst,
          remindersAfterTheWindowWasKept: late.length,
        });
        expect(answered.size).toBe(200);
        expect(late).toEqual([]);
        expect(reminders).toHaveLength(remindedFirst); // at most one reminder per window
        // The race really ran both ways.
        expect(remindedFirst).toBeGreaterThan(0);
        expect(promises.length - remindedFirst).toBeGreaterThan(0);
      } finally {
        await run.cleanup();
      }
    }, 420_000);

    it('50 kill -9 / restart cycles at random moments with 1,000 promises: 0 reminders lost, 0 sent twice', async () => {
      const began = Date.now();
      const run = await setUp(3, { ...OPTIONS, sendMs: CHAOS_SEND_MS });
      try {
        const start = Date.now() + leadMs(Date.now() - began);
        const reminders: Reminder[] = Array.from({ length: 1000 }, (_, i) => ({
          caseId: `k${i}`,
          dueAt: new Date(start + i * CHAOS_SPACING_MS),
          kind: 'nudge',
          holder: `p${i}`,
        }));
        await seedReminders(run.schema, reminders);
        await wait(start - Date.now());
        // Every 0.5-1.3 s, kill a running replica whatever it is doing, and start another at once.
        // One that is up always stays (the killer waits while replacements are still starting).
        /** Per kill, what the dead replica held: timers claimed, notices claimed, sends started. */
        const kills: { pid: number; timers: string[]; notices: string[]; started: string[] }[] = [];
        const up = () => run.replicas.filter((r) => r.isReady() && r.isRunning());
        for (let k = 0; k < 50; k++) {
          await wait(KILL_EVERY_MS.min + spread(k) * (KILL_EVERY_MS.max - KILL_EVERY_MS.min));
          await waitUntil(() => up().length >= 2, Date.now() + 120_000);
          const running = up();
          const victim = running[Math.floor(spread(k + 17) * running.length)];
          if (!victim || running.length < 2) throw new Error('replicas do not come up');
          expect(await killHard(victim)).toBe('SIGKILL');
          expect(isAlive(victim.pid)).toBe(false);
          run.start();
          // Once the server has dropped its connections (anything it had sent has committed or
          // rolled back), the rows still carrying its lease tokens are the claims caught mid-flight.
          const owner = `replica-${victim.pid}`;
          await waitUntil(
            async () =>
              (await run.schema.query('SELECT 1 FROM pg_stat_activity WHERE application_name = $1', [owner]))
                .length === 0,
            Date.now() + 60_000,
          );
          const held = await run.schema.query<{ kind: string; case_id: string }>(
            `SELECT 'timer' AS kind, case_id FROM timers WHERE status = 'claimed' AND lease_token LIKE $1
             UNION ALL SELECT CASE WHEN send_started_at IS NULL THEN 'notice' ELSE 'started' END, case_id
               FROM outbox WHERE status = 'sending' AND lease_token LIKE $1`,
            [`${owner}:%`],
          );
          const of = (kind: string) => held.filter((h) => h.kind === kind).map((h) => h.case_id);
          kills.push({ pid: victim.pid, timers: of('timer'), notices: of('notice'), started: of('started') });
        }
        const lastDue = start + 999 * CHAOS_SPACING_MS;
        const finished = await waitUntil(
          async () => {
            const [left] = await run.schema.query<{ n: string }>(
              `SELECT (SELECT count(*) FROM timers WHERE status <> 'done' AND due_at <= $1) +
             (SELECT count(*) FROM outbox WHERE status <> 'sent') AS n`,
              [Date.now()],
            );
            return Number(left?.n) === 0;
          },
          Math.max(Date.now(), lastDue) + 3 * (OPTIONS.leaseMs + 1_000) + 5_000,
        );
        await run.stopAll();
        expect(finished).toBe(true);

        const outbox = await run.store.inspect.listOutbox({});
        const sent = readSent(run.out);
        const keys = byKey(sent);
        const ambiguous = outbox.filter((n) => n.status === 'ambiguous');
        const delivered = new Set(keys.keys());
        const notices = new Map(outbox.map((n) => [n.caseId, n]));
        // Lost: a promise whose reminder was never written, or was written and never delivered.
        const lost = reminders.filter((r) => {
          const n = notices.get(r.caseId);
          return !n || !delivered.has(n.dedupeKey);
        });
        const duplicated = [...keys.entries()].filter(([, lines]) => lines.length > 1).map(([key]) => key);
        // A send a kill caught after it started goes to the next replica marked "may have arrived";
        // that replica looks for it on the platform first and sends it only if it is not there.
        const resent = outbox.filter((n) => n.lastError?.includes('may arrive twice'));
        const foundOnThePlatform = readFound(run.out);

        // Lateness of each delivered reminder, against its bound: the normal bound, plus for each
        // time a killed replica held it mid-flight, its lease running out and another delivery.
        const normal = normalBound(run.out);
        const dueOf = new Map(reminders.map((r) => [r.caseId, r.dueAt.getTime()]));
        const caught = (caseId: string) =>
          kills.filter((k) => [...k.timers, ...k.notices, ...k.started].includes(caseId)).length;
        // Kills leave a lone replica for a moment (an idle machine showed gaps near 2 s); gaps past
        // 50 intervals mean the machine could not run the replicas at all.
        const keptPace = normal.sweepGapMaxMs <= 50 * OPTIONS.intervalMs;
        const rows = [...keys.values()].map((lines) => {
          const first = lines.reduce((a, b) => (b.sentAt < a.sentAt ? b : a));
          const times = caught(first.caseId);
          return {
            lateness: first.sentAt - (dueOf.get(first.caseId) ?? 0),
            caught: times,
            bound: normal.boundMs + times * (OPTIONS.leaseMs + normal.boundMs),
          };
        });
        const total = (part: 'timers' | 'notices' | 'started') =>
          kills.reduce((n, k) => n + k[part].length, 0);
        record('killChaos', {
          promises: 1000,
          kills: kills.length,
          killsHoldingClaims: kills.filter((k) => k.timers.length + k.notices.length + k.started.length > 0)
            .length,
          caughtMidFlight: {
            timers: total('timers'),
            notices: total('notices'),
            sendsStarted: total('started'),
          },
          remindersWritten: outbox.length,
          delivered: delivered.size,
          lost: lost.length,
          duplicates: duplicated.length,
          resentAfterACrashMidSend: resent.length,
          foundAlreadyDelivered: foundOnThePlatform.length,
          ambiguous: ambiguous.length,
          latenessMs: summary(rows.map((r) => r.lateness)),
          latenessNeverCaughtMs: summary(rows.filter((r) => r.caught === 0).map((r) => r.lateness)),
          latenessCaughtInACrashMs: summary(rows.filter((r) => r.caught > 0).map((r) => r.lateness)),
          ...normal,
          crashBoundMs: normal.boundMs + OPTIONS.leaseMs + normal.boundMs,
          keptPace,
        });
        expect(lost).toEqual([]);
        expect(outbox).toHaveLength(1000); // one reminder per promise, never two
        expect(duplicated).toEqual([]); // not even a send a kill caught mid-flight
        expect(ambiguous).toEqual([]); // this sink never reports an unknown outcome
        // Lateness is held to its bound while the replicas kept pace (no sweep gap over 50
        // intervals). On a machine too busy for that (three suites at once, fifty restarts) due
        // reminders queue up and lateness grows with the backlog: it is recorded, and what the
        // proof is for, none lost and none twice, is asserted either way.
        if (keptPace) expect(rows.filter((r) => r.lateness > r.bound)).toEqual([]);
        // Some kills did land mid-flight, not only between sweeps.
        expect(total('timers') + total('notices') + total('started')).toBeGreaterThan(0);
      } finally {
        await run.cleanup();
      }
    }, 420_000);
  },
);
