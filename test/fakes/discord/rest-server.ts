// The fake's HTTP side: records every call, injects failures (429 with Retry-After and
// X-RateLimit headers, 403 Missing Permissions, a 500 after the write), and answers like Discord.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Json } from './state.ts';

export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, without the query string. */
  path: string;
  query: string;
  body: Json | null;
  at: number;
  status: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (call: RecordedCall, params: string[]) => Reply | Promise<Reply>;

export interface Failure {
  method: string;
  path: RegExp;
  /** How many matching calls fail (default 1). */
  times?: number;
  /** Let this many matching calls through before failing (default 0). */
  skip?: number;
  reply: Reply;
  /** Perform the call first, then answer with the failure: the response was "lost". */
  afterWrite?: boolean;
  /** Wait this long before answering (to trip the client's timeout). */
  delayMs?: number;
}

export const rateLimited = (retryAfterSeconds: number): Reply => ({
  status: 429,
  body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
  headers: {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(retryAfterSeconds),
    'x-ratelimit-bucket': 'fake-bucket',
    'x-ratelimit-scope': 'user',
  },
});

export const missingPermissions: Reply = {
  status: 403,
  body: { message: 'Missing Permissions', code: 50013 },
};

export const discordError = (status: number, code: number, message: string): Reply => ({
  status,
  body: { message, code },
});

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

export class RestServer {
  readonly calls: RecordedCall[] = [];
  private readonly routes: Route[] = [];
  private readonly failures: (Failure & { left: number; toSkip: number })[] = [];
  private readonly listeners = new Set<(call: RecordedCall) => void>();
  readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  route(method: string, path: string, handler: RouteHandler): void {
    // `:x` segments capture one path segment (ids, tokens, `@me`, `@original`).
    const pattern = new RegExp(`^${path.replace(/:[a-z]+/gi, '([^/]+)')}$`);
    this.routes.push({ method, pattern, handler });
  }

  failNext(failure: Failure): void {
    this.failures.push({ ...failure, left: failure.times ?? 1, toSkip: failure.skip ?? 0 });
  }

  onCall(listener: (call: RecordedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private takeFailure(method: string, path: string): Failure | undefined {
    const index = this.failures.findIndex((f) => f.left > 0 && f.method === method && f.path.test(path));
    const failure = this.failures[index];
    if (!failure) return undefined;
    if (failure.toSkip > 0) {
      failure.toSkip -= 1;
      return undefined;
    }
    failure.left -= 1;
    if (failure.left === 0) this.failures.splice(index, 1);
    return failure;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: Json | null = null;
    try {
      body = raw === '' ? null : (JSON.parse(raw) as Json);
    } catch {
      body = { unparsed: raw };
    }
    const call: RecordedCall = { method, path, query: url.search, body, at: Date.now(), status: 0 };
    this.calls.push(call);

    const failure = this.takeFailure(method, path);
    let reply: Reply;
    if (failure && !failure.afterWrite) {
      reply = failure.reply;
    } else {
      reply = await this.dispatch(call);
      if (failure) reply = failure.reply;
    }
    call.status = reply.status;
    if (failure?.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    if (res.destroyed) return;
    send(res, reply);
    for (const listener of this.listeners) listener(call);
  }

  private async dispatch(call: RecordedCall): Promise<Reply> {
    for (const route of this.routes) {
      if (route.method !== call.method) continue;
      const match = route.pattern.exec(call.path);
      if (match) {
        try {
          return await route.handler(call, match.slice(1));
        } catch (e) {
          return { status: 500, body: { message: `fake: ${(e as Error).message}`, code: 0 } };
        }
      }
    }
    return { status: 404, body: { message: `fake: no route ${call.method} ${call.path}`, code: 0 } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  // Discord sends 204 with no body and no content type; discord.js relies on it.
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers);
  res.end(JSON.stringify(reply.body));
}
