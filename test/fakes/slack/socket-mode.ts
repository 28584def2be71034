// A local Socket Mode endpoint: apps.connections.open (on the fake Web API) points the client
// here; on connection it says hello, then the test sends envelopes and reads the client's acks.
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Envelope {
  envelope_id: string;
  type: 'events_api' | 'interactive' | 'slash_commands';
  payload: unknown;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export class FakeSocketMode {
  private socket: WebSocket | null = null;
  private readonly acks = new Map<string, (ack: Record<string, unknown>) => void>();
  private readonly connectedWaiters: (() => void)[] = [];
  private seq = 0;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        const id = String(message.envelope_id ?? '');
        this.acks.get(id)?.(message);
        this.acks.delete(id);
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0LADDER01' } }),
      );
      for (const wake of this.connectedWaiters.splice(0)) wake();
    });
  }

  static async start(): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new FakeSocketMode(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=fake-ticket`;
  }

  get isConnected(): boolean {
    return this.socket !== null && this.socket.readyState === this.socket.OPEN;
  }

  /** Sends an envelope and resolves with the client's acknowledgement (fails after `timeoutMs`). */
  send(type: Envelope['type'], payload: unknown, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const envelope: Envelope = {
      envelope_id: `env-${++this.seq}`,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for ${envelope.envelope_id} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.acks.set(envelope.envelope_id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      this.socket?.send(JSON.stringify(envelope));
    });
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
