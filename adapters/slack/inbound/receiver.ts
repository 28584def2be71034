// Receivers: HTTP (events, slash commands and interactivity on one port, signatures checked by
// Bolt) or Socket Mode. Both are wrapped so that a payload Bolt could not route is logged clearly
// and acknowledged at once, instead of hanging for 3 seconds or failing deep inside Bolt.
import { Server as HttpServer, type IncomingMessage, type Server } from 'node:http';
import { type App, HTTPReceiver, type Receiver, type ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../../src/platform/adapter.ts';
import { boltLogger } from '../bolt-logger.ts';
import type { SlackOptions } from '../options.ts';

export const EVENTS_PATH = '/slack/events';

/**
 * The largest request body the HTTP receiver reads (Bolt's `bodyLimit`, 4 MB, as Bolt's default):
 * a larger one is answered 413 before its signature can be checked. A declared Content-Length over
 * it is refused without reading a byte; a chunked body is dropped once this much has arrived.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const INTERACTIVE = new Set(['shortcut', 'message_action', 'block_suggestion', 'dialog_submission']);

/** Why Bolt could not route this body, or null when it can (mirrors Bolt's own type detection). */
export function whatIsWrong(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not an object';
  if (body.event !== undefined) {
    return isObject(body.event) && typeof body.event.type === 'string' ? null : 'event without a type';
  }
  if (body.command !== undefined) return typeof body.command === 'string' ? null : 'command is not text';
  if (body.actions !== undefined) {
    return Array.isArray(body.actions) && body.actions.length > 0 && body.actions.every(isObject)
      ? null
      : 'actions is not a list of actions';
  }
  if (body.type === 'view_submission' || body.type === 'view_closed') {
    return isObject(body.view) && typeof body.view.callback_id === 'string'
      ? null
      : 'view without a callback_id';
  }
  if (typeof body.type === 'string' && INTERACTIVE.has(body.type)) return null;
  return `unknown payload type ${JSON.stringify(body.type ?? null)}`;
}

/** Screens every incoming body before Bolt sees it; everything else is the inner receiver's. */
export class ScreenedReceiver implements Receiver {
  constructor(
    readonly inner: Receiver,
    private readonly logger: Logger,
  ) {}

  init(app: App): void {
    // The inner receiver only ever calls processEvent on the app it is given.
    const screened = { processEvent: (event: ReceiverEvent) => this.screen(app, event) };
    this.inner.init(screened as unknown as App);
  }

  private async screen(app: App, event: ReceiverEvent): Promise<void> {
    const problem = whatIsWrong(event.body);
    if (problem !== null) {
      this.logger.warn('slack.malformed_payload', { what: 'request', problems: problem });
      await event.ack();
      return;
    }
    await app.processEvent(event);
  }

  async start(...args: unknown[]): Promise<unknown> {
    const started = await this.inner.start(...args);
    if (started instanceof HttpServer) closeAfterUnreadBody(started);
    return started;
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }
}

/**
 * A request answered before its body was read (Bolt's 413 over the body limit leaves the rest
 * unread, the socket paused) would hold its connection open until the keep-alive timeout, and
 * `stop()` with it. Once such an answer is sent, the connection is ended and whatever still arrives
 * is read and dropped, never kept, so the socket closes as soon as the sender stops.
 */
function closeAfterUnreadBody(server: HttpServer): void {
  server.on('request', (req: IncomingMessage, res) => {
    res.once('finish', () => {
      if (req.complete) return;
      req.socket.end();
      req.resume();
    });
  });
}

export interface BuiltReceiver {
  receiver: ScreenedReceiver;
  /** Set in Socket Mode: its client must be disconnected after stop or Node lingers 30 s. */
  socket?: SocketModeReceiver;
}

export function buildReceiver(options: SlackOptions, logger: Logger): BuiltReceiver {
  const sdkLogger = boltLogger(logger);
  if (options.appToken) {
    const socket = new SocketModeReceiver({
      appToken: options.appToken,
      logger: sdkLogger,
      // Socket Mode makes its own Web API client (apps.connections.open): point it at the same API.
      installerOptions: {
        clientOptions: {
          ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
          ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
        },
      },
      ...(options.socket?.clientPingTimeout ? { clientPingTimeout: options.socket.clientPingTimeout } : {}),
      ...(options.socket?.serverPingTimeout ? { serverPingTimeout: options.socket.serverPingTimeout } : {}),
      ...(options.socket?.autoReconnectEnabled !== undefined
        ? { autoReconnectEnabled: options.socket.autoReconnectEnabled }
        : {}),
    });
    return { receiver: new ScreenedReceiver(socket, logger), socket };
  }
  const http = new HTTPReceiver({
    signingSecret: options.signingSecret ?? '',
    endpoints: EVENTS_PATH,
    logger: sdkLogger,
    bodyLimit: MAX_BODY_BYTES,
    customRoutes: [
      {
        path: '/healthz',
        method: 'GET',
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
        },
      },
    ],
    unhandledRequestHandler: ({ response }) => {
      logger.error('slack.not_acknowledged', { hint: 'a listener did not call ack() within 3 seconds' });
      if (!response.headersSent) {
        response.writeHead(404);
        response.end();
      }
    },
  });
  return { receiver: new ScreenedReceiver(http, logger) };
}

export const listeningPort = (server: unknown): number | undefined => {
  const address = (server as Server | undefined)?.address?.();
  return typeof address === 'object' && address !== null ? address.port : undefined;
};
