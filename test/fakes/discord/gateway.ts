// The fake's gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats and ACKs, RESUME with
// replay of the events dispatched while the client was away, and dispatches on demand.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Json } from './state.ts';

const Op = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10, ack: 11 };

export interface GatewaySession {
  id: string;
  token: string;
  seq: number;
  socket: WebSocket | null;
  /** Every dispatch with its sequence number, for RESUME replay. */
  sent: { s: number; t: string; d: unknown }[];
  /** Payloads the client sent (identify, resume, heartbeats...). */
  received: Json[];
  identifiedAt: number;
  resumes: number;
}

export interface GatewayHooks {
  /** READY's payload for a token (user, application, guilds). */
  ready(session: GatewaySession): Json;
  /** The GUILD_CREATE payloads sent right after READY. */
  guilds(session: GatewaySession): Json[];
}

export class Gateway {
  readonly sessions: GatewaySession[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private sessionCount = 0;
  url = '';

  constructor(
    server: Server,
    private readonly hooks: GatewayHooks,
  ) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  private accept(ws: WebSocket): void {
    let session: GatewaySession | null = null;
    ws.send(JSON.stringify({ op: Op.hello, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on('message', (raw) => {
      let payload: Json;
      try {
        payload = JSON.parse(String(raw)) as Json;
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      session?.received.push(payload);
      const d = (payload.d ?? {}) as Json;
      if (payload.op === Op.heartbeat) {
        ws.send(JSON.stringify({ op: Op.ack, d: null, s: null, t: null }));
      } else if (payload.op === Op.identify) {
        session = this.identify(ws, String(d.token));
        session.received.push(payload);
      } else if (payload.op === Op.resume) {
        session = this.resume(ws, String(d.session_id), Number(d.seq));
        session?.received.push(payload);
      }
    });
    ws.on('close', () => {
      if (session && session.socket === ws) session.socket = null;
    });
  }

  private identify(ws: WebSocket, token: string): GatewaySession {
    this.sessionCount += 1;
    const session: GatewaySession = {
      id: `session-${this.sessionCount}`,
      token,
      seq: 0,
      socket: ws,
      sent: [],
      received: [],
      identifiedAt: Date.now(),
      resumes: 0,
    };
    this.sessions.push(session);
    this.send(session, 'READY', {
      ...this.hooks.ready(session),
      session_id: session.id,
      resume_gateway_url: this.url,
    });
    for (const guild of this.hooks.guilds(session)) this.send(session, 'GUILD_CREATE', guild);
    return session;
  }

  private resume(ws: WebSocket, sessionId: string, seq: number): GatewaySession | null {
    const session = this.sessions.find((s) => s.id === sessionId);
    if (!session) {
      ws.send(JSON.stringify({ op: Op.invalidSession, d: false, s: null, t: null }));
      return null;
    }
    session.socket = ws;
    session.resumes += 1;
    for (const event of session.sent.filter((e) => e.s > seq)) {
      ws.send(JSON.stringify({ op: Op.dispatch, ...event }));
    }
    this.send(session, 'RESUMED', null);
    return session;
  }

  private send(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.sent.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) {
      session.socket.send(JSON.stringify({ op: Op.dispatch, ...event }));
    }
  }

  /** Dispatches to one session (by token) or to all; sessions that are away get it on RESUME. */
  dispatch(t: string, d: unknown, token?: string): void {
    for (const session of this.liveSessions(token)) this.send(session, t, d);
  }

  /** Sends raw text (e.g. a malformed frame) to the sessions' sockets. */
  sendRaw(text: string, token?: string): void {
    for (const session of this.liveSessions(token)) session.socket?.send(text);
  }

  /** Closes the sockets as Discord does on a server-side problem (4000: the client may resume). */
  disconnect(code = 4000, token?: string): void {
    for (const session of this.liveSessions(token)) session.socket?.close(code, 'fake disconnect');
  }

  private liveSessions(token?: string): GatewaySession[] {
    // The newest session per token is the live one; older ones were replaced by a fresh IDENTIFY.
    const byToken = new Map<string, GatewaySession>();
    for (const s of this.sessions) byToken.set(s.token, s);
    return [...byToken.values()].filter((s) => token === undefined || s.token === token);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
