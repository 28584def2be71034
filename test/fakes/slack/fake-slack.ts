// A local fake of Slack's Web API for tests: a real HTTP server that records every call, answers
// like Slack (ts values, DM channels, users), checks Block Kit limits the way Slack rejects them,
// and can be scripted to fail (429 with Retry-After, ok:false errors). An optional rate limit mode
// (off by default) answers chat.postMessage like Slack's per-channel limit does. It keeps the bot's
// reactions per message (reactions.add / reactions.remove, answering as Slack does).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiReply, checkBlocks, type FakeMessage, type FakeUser } from './slack-data.ts';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
  status: number;
  reply: ApiReply;
}

/**
 * How long a wait for a call gives up after: long enough for a machine running three suites at
 * once (a wait ends as soon as the call is seen, so only a failing test waits this long).
 */
const WAIT_MS = 15_000;

interface Script {
  reply: { status?: number; retryAfter?: number; body?: ApiReply };
  when: (args: Record<string, unknown>) => boolean;
  times: number;
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly messages: FakeMessage[] = [];
  /** Where apps.connections.open sends Socket Mode clients. */
  socketUrl = '';
  private readonly scripts = new Map<string, Script[]>();
  private readonly waiters = new Set<() => void>();
  private seq = 0;
  /** Rate limit mode: the least time between two accepted chat.postMessage to one channel, or null. */
  private postIntervalMs: number | null = null;
  /** When each channel last accepted a chat.postMessage (the call's `at`). */
  private readonly lastPostAt = new Map<string, number>();
  /** The bot's reactions per message (`channel:ts`), in the order they were added. */
  private readonly reactions = new Map<string, string[]>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The Web API base URL (what SLACK_API_URL is set to). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** A message people wrote before the test acts on it (for reactions and shortcuts). */
  seedMessage(message: FakeMessage): void {
    this.messages.push(message);
  }

  /**
   * Rate limit mode, off by default (null): a chat.postMessage that arrives less than `intervalMs`
   * after the last accepted one to the same channel is answered HTTP 429 with a Retry-After header
   * (whole seconds until the channel is free, at least 1, as Slack does) and posts nothing. With
   * 1000, a channel accepts at most one message per second. Scripted answers come first.
   */
  limitPostsPerChannel(intervalMs: number | null): void {
    this.postIntervalMs = intervalMs;
  }

  /** The next `times` calls to `method` (matching `when`) get this answer instead of the normal one. */
  script(method: string, reply: Script['reply'], options: { times?: number; when?: Script['when'] } = {}) {
    const list = this.scripts.get(method) ?? [];
    list.push({ reply, when: options.when ?? (() => true), times: options.times ?? 1 });
    this.scripts.set(method, list);
  }

  /** The bot's reactions on a message now, in the order they were added. */
  reactionsOn(channel: string, ts: string): string[] {
    return [...(this.reactions.get(`${channel}:${ts}`) ?? [])];
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot posted successfully. */
  posted(filter: (args: Record<string, unknown>) => boolean = () => true): ApiCall[] {
    return this.calls.filter((c) => c.method === 'chat.postMessage' && c.reply.ok === true && filter(c.args));
  }

  /** Resolves with the first recorded call (from `since`) that matches, or fails after `timeoutMs`. */
  waitFor(
    match: (call: ApiCall) => boolean,
    options: { timeoutMs?: number; since?: number; what?: string } = {},
  ): Promise<ApiCall> {
    const from = options.since ?? 0;
    const find = () => this.calls.slice(from).find(match);
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (!hit) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.calls
          .slice(from)
          .map((c) => c.method)
          .join(', ');
        reject(
          new Error(
            `fake Slack: no ${options.what ?? 'matching call'} within ${options.timeoutMs ?? WAIT_MS} ms (saw: ${seen})`,
          ),
        );
      }, options.timeoutMs ?? WAIT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  private nextTs(): string {
    this.seq += 1;
    return `1763884800.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const method = path.startsWith('/api/')
      ? path.slice(5)
      : path.startsWith('/response/')
        ? 'response_url'
        : path;
    let args: Record<string, unknown>;
    try {
      args = parseBody(raw, req.headers['content-type']);
    } catch {
      args = { raw };
    }
    const scripted = this.takeScript(method, args) ?? this.rateLimited(method, args, at);
    const status = scripted?.status ?? 200;
    const reply: ApiReply =
      scripted?.body ?? (status === 200 ? this.answer(method, args, at) : { ok: false });
    this.calls.push({ method, args, at, status, reply });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (scripted?.retryAfter !== undefined) headers['retry-after'] = String(scripted.retryAfter);
    res.writeHead(status, headers);
    res.end(JSON.stringify(reply));
    for (const wake of [...this.waiters]) wake();
  }

  /** The 429 answer when rate limit mode is on and this post comes too soon after the last one. */
  private rateLimited(
    method: string,
    args: Record<string, unknown>,
    at: number,
  ): Script['reply'] | undefined {
    if (method !== 'chat.postMessage' || this.postIntervalMs === null) return undefined;
    const last = this.lastPostAt.get(String(args.channel ?? ''));
    if (last === undefined || at - last >= this.postIntervalMs) return undefined;
    const retryAfter = Math.max(1, Math.ceil((last + this.postIntervalMs - at) / 1000));
    return { status: 429, retryAfter, body: { ok: false, error: 'ratelimited' } };
  }

  private takeScript(method: string, args: Record<string, unknown>): Script['reply'] | undefined {
    const list = this.scripts.get(method) ?? [];
    const script = list.find((s) => s.when(args));
    if (!script) return undefined;
    script.times -= 1;
    if (script.times <= 0) list.splice(list.indexOf(script), 1);
    return script.reply;
  }

  private answer(method: string, args: Record<string, unknown>, at: number): ApiReply {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT0001', bot_id: 'B0BOT0001', team_id: 'T0ACME001' };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user
          ? {
              ok: true,
              user: {
                id: user.id,
                name: user.handle,
                real_name: user.realName,
                tz: user.tz,
                locale: user.locale,
                profile: { display_name: user.displayName ?? '', real_name: user.realName },
              },
            }
          : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users).slice(1)}` } };
      case 'chat.postMessage': {
        const problem = checkBlocks(args.blocks, 50);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        const ts = this.nextTs();
        const message: FakeMessage = {
          channel,
          ts,
          text: String(args.text ?? ''),
          user: 'U0BOT0001',
          blocks: args.blocks,
        };
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        if (args.metadata !== undefined) message.metadata = args.metadata;
        this.messages.push(message);
        this.lastPostAt.set(channel, at);
        return { ok: true, channel, ts, message };
      }
      case 'chat.update': {
        const problem = checkBlocks(args.blocks, 50);
        if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        const message = this.messages.find((m) => m.channel === channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        Object.assign(message, { text: String(args.text ?? ''), blocks: args.blocks });
        return { ok: true, channel, ts: message.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.history':
      case 'conversations.replies': {
        // History: the channel's top-level messages; replies: the thread `ts` belongs to (its
        // parent first). Newest first for history, oldest first in a thread, as Slack answers;
        // `oldest`/`latest` bound the window (inclusive here), `limit` cuts it.
        const inChannel = this.messages.filter((m) => m.channel === channel);
        let found: FakeMessage[];
        if (method === 'conversations.replies') {
          const anchor = inChannel.find((m) => m.ts === String(args.ts));
          // A parent the fake never saw (people's own messages arrive as events) still roots its thread.
          const root = anchor?.thread_ts ?? String(args.ts);
          found = inChannel.filter((m) => m.ts === root || m.thread_ts === root);
        } else {
          found = inChannel.filter((m) => !m.thread_ts).reverse();
        }
        const within = (m: FakeMessage) =>
          (args.oldest === undefined || Number(m.ts) >= Number(args.oldest)) &&
          (args.latest === undefined || Number(m.ts) <= Number(args.latest));
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = found
          .filter(within)
          .slice(0, args.limit === undefined ? 100 : Number(args.limit))
          .map(({ metadata, ...m }) => (withMetadata && metadata !== undefined ? { ...m, metadata } : m));
        return { ok: true, messages };
      }
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        const view = args.view as { blocks?: unknown } | undefined;
        const problem = checkBlocks(view?.blocks, 100);
        return problem
          ? { ok: false, error: 'invalid_arguments', errors: [problem] }
          : { ok: true, view: { id: `V${this.nextTs()}` } };
      }
      case 'reactions.add':
      case 'reactions.remove': {
        // As Slack answers: the same reaction twice is `already_reacted`, taking off one that is not
        // there `no_reaction`; a message is any channel and ts (people's own arrive as events).
        const name = String(args.name ?? '');
        if (!channel || !args.timestamp || !name) return { ok: false, error: 'invalid_arguments' };
        const key = `${channel}:${String(args.timestamp)}`;
        const on = this.reactions.get(key) ?? [];
        if (method === 'reactions.add') {
          if (on.includes(name)) return { ok: false, error: 'already_reacted' };
          this.reactions.set(key, [...on, name]);
        } else {
          if (!on.includes(name)) return { ok: false, error: 'no_reaction' };
          this.reactions.set(
            key,
            on.filter((n) => n !== name),
          );
        }
        return { ok: true };
      }
      case 'response_url':
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
