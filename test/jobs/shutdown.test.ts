// SIGTERM on a real replica process (test/fixtures/replica.ts, which stops the way src/main.ts
// does) in the middle of its work: it stops taking work, finishes or gives back every claim, closes
// its connections and exits 0; the next start resumes, and every reminder goes out exactly once.
// On SQLite always, on PostgreSQL when it is there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { createSchema, PG_SKIP, pgTitle } from '../fixtures/postgres.ts';
import type { ReplicaOptions } from '../fixtures/replica.ts';
import { waitUntil } from '../fixtures/reliability-run.ts';
import { type Reminder, seedThroughStore } from '../fixtures/reminders.ts';
import {
  killAllReplicas,
  readRunTimes,
  readSent,
  startReplica,
  stopGracefully,
} from '../fixtures/replicas.ts';

/**
 * A slow platform (10 ms a message) and a lease far longer than the test: whatever is not handed
 * back at shutdown would stay stuck for the whole test.
 */
const OPTIONS: ReplicaOptions = { intervalMs: 200, leaseMs: 60_000, batch: 50, sendMs: 10 };
/** Cases, each with a reminder due and an acknowledgement waiting: twice as many messages. */
const COUNT = 200;
const MESSAGES = 2 * COUNT;

async function stopMidWorkThenResume(databaseUrl: string, store: InspectableStore): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'ladder-shutdown-'));
  try {
    const reminders: Reminder[] = Array.from({ length: COUNT }, (_, i) => ({
      caseId: `s${i}`,
      dueAt: new Date(Date.now() - 60_000 + i),
      kind: 'nudge',
      holder: `p${i}`,
    }));
    // The outbox's first run claims 100 waiting acknowledgements (a second and more of sending)
    // while the sweeps write reminders: SIGTERM lands in the middle of both.
    await seedThroughStore(store, reminders, { acknowledged: true });

    const first = startReplica(databaseUrl, out, OPTIONS);
    await first.ready;
    await waitUntil(() => readSent(out).length >= 20, Date.now() + 30_000);
    const exit = await stopGracefully(first);
    expect([exit.code, exit.signal, exit.stdout.trim().split('\n').at(-1)]).toEqual([0, null, 'stopped']);

    // Nothing held: no timer claimed, no notice mid-send or ambiguous; work was left to do.
    const outbox = await store.inspect.listOutbox({});
    expect(outbox.filter((n) => n.status === 'sending' || n.status === 'ambiguous')).toEqual([]);
    const timers = (await Promise.all(reminders.map((r) => store.cases.listTimers(r.caseId)))).flat();
    expect(timers.filter((t) => t.status === 'claimed')).toEqual([]);
    const sentBefore = readSent(out).length;
    const left =
      timers.filter((t) => t.status === 'pending').length +
      outbox.filter((n) => n.status === 'pending').length;
    expect(sentBefore).toBeLessThan(MESSAGES);
    expect(left).toBeGreaterThan(0);
    // The outbox run that was under way gave its unsent notices back.
    const released = readRunTimes(out).released;
    expect(released).toBeGreaterThan(0);

    const second = startReplica(databaseUrl, out, OPTIONS);
    await second.ready;
    await waitUntil(() => readSent(out).length >= MESSAGES, Date.now() + 60_000);
    expect((await stopGracefully(second)).code).toBe(0);

    const sent = readSent(out).map((l) => l.dedupeKey);
    expect(sent).toHaveLength(MESSAGES);
    expect(new Set(sent).size).toBe(MESSAGES); // none twice
    const after = await store.inspect.listOutbox({});
    expect(after.filter((n) => n.status !== 'sent')).toEqual([]);
    expect(new Set(after.map((n) => n.dedupeKey))).toEqual(new Set(sent));
    console.log(
      `[shutdown] ${databaseUrl.split(':')[0]}: sent ${sentBefore} before SIGTERM, released ${released} unsent, ` +
        `${left} timers or notices left for the next start, all ${MESSAGES} sent once after it`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('SIGTERM during work', () => {
  // A test that timed out may still hold replicas: none outlives this file.
  afterAll(killAllReplicas);
  it('SQLite: finishes or releases every claim, exits 0, and the next start resumes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ladder-shutdown-db-'));
    const url = `file:${path.join(dir, 'ladder.db')}`;
    // The test seeds and reads the file beside the replica it runs (it neither sweeps nor sends):
    // without singleWriter: false that replica would be refused as a second copy of the bot.
    const store = await openStore({ databaseUrl: url, singleWriter: false });
    try {
      await stopMidWorkThenResume(url, store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(PG_SKIP !== null)(
    pgTitle('PostgreSQL: finishes or releases every claim, exits 0, and the next start resumes'),
    async () => {
      const schema = await createSchema();
      const store = await openStore({ databaseUrl: schema.url });
      try {
        await stopMidWorkThenResume(schema.url, store);
      } finally {
        await store.close();
        await schema.drop();
      }
    },
    60_000,
  );
});
