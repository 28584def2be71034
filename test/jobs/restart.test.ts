// A restart between two sweeps loses nothing and sends nothing twice. Real processes on a real
// SQLite file are killed with SIGKILL between sweeps; the result must equal an uninterrupted run.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { dispatchOnce } from '../../src/jobs/dispatch-notices.ts';
import { memoryLogger } from '../../src/log.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { FakeClock, SequentialIds } from '../support/fake-clock.ts';

const ROOT = join(import.meta.dirname, '../..');
const T0 = new Date('2026-11-23T08:00:00Z');
const CASES = 12;
const STEP_MIN = 30;
const STEPS = 12; // six hours: nudges, misses, supervisor requests, approval nudges and misses

/** Opens CASES cases a minute apart and hands each to an expert. */
async function seed(store: InspectableStore): Promise<void> {
  const clock = new FakeClock(T0);
  const desk = createDesk({
    store,
    clock,
    ids: new SequentialIds('seed'),
    config: deskConfig({ people: { jonas: { maxOpenCases: 99 }, aiste: { maxOpenCases: 99 } } }),
  });
  for (let i = 0; i < CASES; i++) {
    clock.set(new Date(T0.getTime() + i * 60_000));
    const { case: c } = await desk.openCase({
      workspace: 'acme',
      audience: 'internal',
      conversation: `slack:T1:D1:${i}`,
      // One customer each: one person's many requests would meet the intake limit.
      customer: { ...customer, id: `${customer.id}-${i}` },
      text: `Case ${i}`,
      topic: 'billing',
    });
    await desk.escalate({ caseId: c.id, actor: { id: 'rasa' } });
  }
}

/** What was written, independent of ids: one line per notice. */
async function outboxShape(store: InspectableStore): Promise<string[]> {
  const cases = await store.cases.listCases({});
  const lines: string[] = [];
  for (const c of cases) {
    for (const n of await store.inspect.listOutbox({ caseId: c.id })) {
      lines.push(`#${c.number} ${n.key} ${n.recipient.kind} ${n.createdAt.toISOString()}`);
    }
  }
  return lines.sort();
}

function runWorker(
  databaseUrl: string,
  now: Date,
  sentFile: string,
): Promise<{ child: ChildProcess; report: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx as a loader), so SIGKILL hits the process doing the work.
    const args = [
      '--import',
      'tsx',
      'test/fixtures/sweep-worker.ts',
      databaseUrl,
      now.toISOString(),
      sentFile,
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('ready '));
      if (line) resolve({ child, report: JSON.parse(line.slice(6)) });
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`worker exited ${code} before ready: ${err}`)));
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const killHard = (child: ChildProcess) =>
  new Promise<string | null>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (_code, signal) => resolve(signal));
    child.kill('SIGKILL');
  });

describe('restart between sweeps', () => {
  it('SIGKILL after every sweep: nothing lost, nothing sent twice, same outcome as an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'restart-'));
    const databaseUrl = `file:${join(dir, 'ladder.db')}`;
    const sentFile = join(dir, 'sent.log');

    const sqlite = await openStore({ databaseUrl });
    await seed(sqlite);
    await sqlite.close();

    const reports: Record<string, number>[] = [];
    for (let step = 1; step <= STEPS; step++) {
      const { child, report } = await runWorker(
        databaseUrl,
        new Date(T0.getTime() + step * STEP_MIN * 60_000),
        sentFile,
      );
      reports.push(report);
      expect(await killHard(child)).toBe('SIGKILL');
      expect(isAlive(child.pid ?? 0)).toBe(false);
    }

    // The reference: the same story in one process on the in-memory store, never interrupted.
    const memory = createMemoryStore();
    await seed(memory);
    const clock = new FakeClock(T0);
    const desk = createDesk({
      store: memory,
      clock,
      ids: new SequentialIds('ref'),
      config: deskConfig(),
    });
    for (let step = 1; step <= STEPS; step++) {
      clock.set(new Date(T0.getTime() + step * STEP_MIN * 60_000));
      await desk.sweep({ limit: 1000 });
    }
    await dispatchOnce({
      notices: memory.notices,
      clock,
      sink: { deliver: async () => ({ status: 'sent' }) },
      logger: memoryLogger(),
      owner: 'ref',
      limit: 10_000,
    });

    const after = await openStore({ databaseUrl });
    try {
      const got = await outboxShape(after);
      expect(got).toEqual(await outboxShape(memory));
      expect(got.filter((l) => l.includes('owner.missed'))).toHaveLength(CASES);
      expect(got.filter((l) => l.includes('supervisors.approval_missed')).length).toBeGreaterThan(0);

      const sent = readFileSync(sentFile, 'utf8').trim().split('\n');
      expect(new Set(sent).size).toBe(sent.length); // nothing delivered twice
      const outbox = (
        await Promise.all(
          (await after.cases.listCases({})).map((c) => after.inspect.listOutbox({ caseId: c.id })),
        )
      ).flat();
      expect(outbox.every((n) => n.status === 'sent')).toBe(true); // nothing left behind
      expect(new Set(sent)).toEqual(new Set(outbox.map((n) => n.dedupeKey)));

      const end = new Date(T0.getTime() + STEPS * STEP_MIN * 60_000);
      expect(await after.timers.countOverdue(end)).toBe(0); // every due timer was handled
      expect(reports.reduce((sum, r) => sum + (r.failed ?? 0) + (r.leaseLost ?? 0), 0)).toBe(0);
    } finally {
      await after.close();
    }
  }, 120_000);
});
