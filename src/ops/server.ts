// The ops server, in every mode (Slack, Discord, both, none): GET /metrics (Prometheus text),
// GET /healthz (the process is alive) and GET /readyz (the database answers, this replica swept
// within two sweep intervals, every configured platform is connected). Bound to 127.0.0.1 unless
// told otherwise: metrics are for the operator's scraper, not the internet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OperationsReads } from '../core/ports.ts';
import type { PlatformAdapter } from '../platform/adapter.ts';
import type { Metrics } from './metrics.ts';

export interface OpsServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  metrics: Metrics;
  store: { ops: OperationsReads };
  adapters: () => readonly Pick<PlatformAdapter, 'platform' | 'isReady'>[];
  now: () => Date;
  /** The sweep interval: readiness wants a sweep within two of them (after a first grace period). */
  sweepEveryMs: number;
  /** How long the database may take to answer before readiness fails. */
  pingTimeoutMs?: number;
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

export async function readiness(options: OpsServerOptions, startedAt: Date): Promise<Readiness> {
  const checks: Readiness['checks'] = {};
  const timeoutMs = options.pingTimeoutMs ?? 2_000;
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([options.store.ops.ping(), timeout]).finally(() => clearTimeout(timer));
    checks.database = { ok: true };
  } catch (e) {
    checks.database = { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
  const now = options.now().getTime();
  const allowedMs = 2 * options.sweepEveryMs;
  const last = options.metrics.lastSweepAt();
  const since = last ?? startedAt;
  checks.sweeps = {
    ok: now - since.getTime() <= allowedMs,
    detail: last ? `last sweep ${Math.round((now - last.getTime()) / 1000)} s ago` : 'no sweep yet',
  };
  for (const adapter of options.adapters()) {
    const ok = adapter.isReady?.() ?? true;
    checks[adapter.platform] = ok ? { ok } : { ok, detail: 'not connected' };
  }
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const startedAt = options.now();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed\n');
    if (path === '/healthz') return send(200, 'text/plain', 'ok\n');
    if (path === '/readyz') {
      void readiness(options, startedAt).then((r) =>
        send(r.ready ? 200 : 503, 'application/json', `${JSON.stringify(r)}\n`),
      );
      return;
    }
    if (path === '/metrics') {
      void options.metrics.registry
        .metrics()
        .then((text) => send(200, options.metrics.registry.contentType, text))
        .catch((e: unknown) => send(500, 'text/plain', `metrics failed: ${(e as Error).message}\n`));
      return;
    }
    send(404, 'text/plain', 'not found: try /metrics, /healthz or /readyz\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
