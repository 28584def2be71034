// The ops server: /metrics counts what the desk, the outbox and the jobs did (scraped over HTTP
// from a desk driven through a ladder), /healthz answers, /readyz fails when the database is gone,
// the sweeps stopped or a platform is not connected.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { emptySweepReport } from '../../src/core/sweep-report.ts';
import { createMetrics, type Metrics } from '../../src/ops/metrics.ts';
import { type OpsServer, startOpsServer } from '../../src/ops/server.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { FakeClock, SequentialIds } from '../support/fake-clock.ts';

const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const dir = mkdtempSync(path.join(tmpdir(), 'ops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(
  store: Store,
  metrics: Metrics,
  clock: FakeClock,
  adapters: { platform: 'slack' | 'discord'; isReady?: () => boolean }[] = [],
) {
  const server = await startOpsServer({
    host: '127.0.0.1',
    port: 0,
    metrics,
    store,
    adapters: () => adapters,
    now: () => clock.now(),
    sweepEveryMs: 5_000,
  });
  servers.push(server);
  const get = (p: string) => fetch(`http://127.0.0.1:${server.port}${p}`);
  return { get };
}

/** `name{labels} value` from a scrape, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.split(' ').at(-1));
  }
  return undefined;
}

/** A fake clock at Monday 08:00 UTC and metrics on it (no process metrics: tests share a process). */
function clockAndMetrics(store: Parameters<typeof createMetrics>[0]['store']) {
  const clock = new FakeClock('2026-11-23T08:00:00Z');
  const metrics = createMetrics({
    store,
    now: () => clock.now(),
    overdueAfterMs: 10_000,
    processMetrics: false,
  });
  return { clock, metrics };
}

describe('/metrics', () => {
  it('counts cases, windows, approvals, risk, deliveries, sweeps and the outbox backlog', async () => {
    const store = createMemoryStore();
    const { clock, metrics } = clockAndMetrics(store);
    const desk = createDesk({
      store,
      clock,
      ids: new SequentialIds(),
      config: deskConfig(),
      onCommitted: metrics.committed,
    });
    const open = async (text = 'My invoice is wrong') =>
      (
        await desk.openCase({
          workspace: 'acme',
          audience: 'internal',
          conversation: `slack:T1:D1:${clock.now().getTime()}`,
          customer,
          text,
          topic: 'billing',
        })
      ).case.id;
    const kept = await open();
    clock.advanceMinutes(10);
    await desk.claim({ caseId: kept, actor: { id: 'rasa' } }); // first response kept at 10 of 60 min
    await desk.answer({ caseId: kept, actor: { id: 'rasa' }, text: 'Fixed' }); // callback kept
    await desk.resolve({ caseId: kept, actor: { id: 'rasa' } });
    const missed = await open('Still wrong: I will tell your manager'); // a risk word: elevated
    clock.advanceMinutes(61);
    metrics.swept(clock.now(), await desk.sweep()); // first response missed: a supervisor is asked
    const pending = (await desk.getCase(missed))!;
    clock.advanceMinutes(30);
    await desk.approve({
      caseId: missed,
      actor: { id: 'marie' },
      approvalId: pending.approval!.id,
      apology: 'Sorry',
      plan: 'I will fix it',
    });
    metrics.delivered('slack', 'sent');
    metrics.delivered('slack', 'rate_limited');
    metrics.audited({ overdue: 1, repaired: 2 });

    const { get } = await serve(store, metrics, clock);
    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'ladder_cases_opened_total', { audience: 'internal' })).toBe(2);
    expect(sample(text, 'ladder_cases_finished_total', { status: 'resolved', level: '1' })).toBe(1);
    expect(sample(text, 'ladder_windows_total', { kind: 'first_response', outcome: 'kept' })).toBe(1);
    expect(sample(text, 'ladder_windows_total', { kind: 'callback', outcome: 'kept' })).toBe(1);
    expect(sample(text, 'ladder_windows_total', { kind: 'first_response', outcome: 'missed' })).toBe(1);
    expect(sample(text, 'ladder_windows_total', { kind: 'approval', outcome: 'kept' })).toBe(1);
    expect(sample(text, 'ladder_approvals_total', { decision: 'requested' })).toBe(1);
    expect(sample(text, 'ladder_approvals_total', { decision: 'approved' })).toBe(1);
    expect(sample(text, 'ladder_approval_decision_seconds_sum')).toBe(30 * 60);
    expect(sample(text, 'ladder_risk_rises_total', { band: 'elevated' })).toBe(1);
    expect(sample(text, 'ladder_deliveries_total', { platform: 'slack', outcome: 'rate_limited' })).toBe(1);
    expect(sample(text, 'ladder_sweep_timers_total', { outcome: 'missed' })).toBe(1);
    expect(sample(text, 'ladder_auditor_alarms_total', { alarm: 'broken_promise' })).toBe(2);
    // Nothing was sent in this test: every notice written waits in the outbox.
    expect(sample(text, 'ladder_outbox_notices', { platform: 'slack', status: 'pending' })).toBeGreaterThan(
      5,
    );
    expect(sample(text, 'ladder_sweep_lag_seconds')).toBe(30 * 60);
    expect(sample(text, 'ladder_timers_overdue')).toBe(0);
  });
});

describe('/healthz and /readyz', () => {
  it('is alive, and ready while the database answers, the sweeps run and the platforms are connected', async () => {
    const store = await openStore({ databaseUrl: `file:${path.join(dir, 'ready.db')}` });
    const { clock, metrics } = clockAndMetrics(store);
    let connected = true;
    const { get } = await serve(store, metrics, clock, [{ platform: 'discord', isReady: () => connected }]);
    expect((await get('/healthz')).status).toBe(200);
    metrics.swept(clock.now(), emptySweepReport());
    expect((await get('/readyz')).status).toBe(200);

    clock.advance(11_000); // more than two sweep intervals without a sweep
    let ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      ready: false,
      checks: { sweeps: { ok: false }, database: { ok: true } },
    });
    metrics.swept(clock.now(), emptySweepReport());

    connected = false;
    ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { discord: { ok: false, detail: 'not connected' } } });
    connected = true;

    await store.close(); // the database is gone
    ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { database: { ok: false } } });
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/nope')).status).toBe(404);
  });
});
