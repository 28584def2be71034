// Receivers: HTTP (events, slash commands and interactivity on one port, signatures checked by
// Bolt) or Socket Mode. Both are wrapped so that a payload Bolt could not route is logged clearly
// and acknowledged at once, instead of hanging for 3 seconds or failing deep inside Bolt.
import { Server as HttpServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import {
  type App,
  HTTPModuleFunctions,
  HTTPReceiver,
  type Receiver,
  type ReceiverEvent,
  SocketModeReceiver,
} from '@slack/bolt';
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

const WITH_USER = new Set([...INTERACTIVE, 'block_actions', 'view_submission', 'view_closed']);

/** Why Bolt could not route this body, or null when it can (mirrors Bolt's own type detection). */
export function whatIsWrong(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not an object';
  if (body.event !== undefined) {
    return isObject(body.event) && typeof body.event.type === 'string' ? null : 'event without a type';
  }
  if (body.command !== undefined) return typeof body.command === 'string' ? null : 'command is not text';
  // Bolt reads user.id of every interactive payload before any listener runs.
  const withUser = body.actions !== undefined || (typeof body.type === 'string' && WITH_USER.has(body.type));
  if (withUser && !(isObject(body.user) && typeof body.user.id === 'string')) return 'no user';
  // Listeners are chosen by action_id (block actions) or callback_id (shortcuts): without one, none
  // would answer and Slack would wait 3 seconds for nothing.
  if (body.actions !== undefined) {
    if (body.type !== 'block_actions') return `actions in a ${JSON.stringify(body.type ?? null)} payload`;
    return Array.isArray(body.actions) &&
      body.actions.length > 0 &&
      body.actions.every((a) => isObject(a) && typeof a.action_id === 'string')
      ? null
      : 'actions is not a list of actions with an action_id';
  }
  if (body.type === 'shortcut' || body.type === 'message_action') {
    return typeof body.callback_id === 'string' ? null : 'shortcut without a callback_id';
  }
  if (body.type === 'block_suggestion') {
    return typeof body.action_id === 'string' ? null : 'options request without an action_id';
  }
  // The app makes no legacy dialogs.
  if (body.type === 'dialog_submission') return 'a dialog submission (this app opens no dialogs)';
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
    try {
      await app.processEvent(event);
    } catch (e) {
      // Bolt failed before any listener (a field it reads unchecked is null or of the wrong type):
      // the payload will not get better if Slack sends it again, so it is acknowledged and logged.
      this.logger.warn('slack.malformed_payload', {
        what: 'request',
        problems: `Bolt could not process it: ${e instanceof Error ? e.message : String(e)}`,
      });
      await event.ack().catch(() => {}); // already acknowledged by a listener: nothing to add
    }
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

/**
 * Reads each body on the events path before Bolt does (with Bolt's own `bufferIncomingMessage` and
 * the same limit; Bolt then uses the buffered body as it is). A body that is not a JSON object —
 * `null`, `payload=null`, a number — would make Bolt throw outside its error handling and leave the
 * request unanswered: it is refused here, 401 when its signature is wrong (as Bolt would), else 400
 * with a log line.
 */
function screenHttpBodies(http: HTTPReceiver, signingSecret: string, logger: Logger): void {
  const receiver = http as unknown as { requestListener: RequestListener };
  const bolt = receiver.requestListener;
  const refuse = (res: Parameters<RequestListener>[1], status: number) => {
    if (res.headersSent) return;
    res.writeHead(status);
    res.end();
  };
  const screen: RequestListener = async (req, res) => {
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.bufferIncomingMessage>>;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, MAX_BODY_BYTES);
    } catch (e) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(e) && e.statusCode === 413;
      logger.warn(tooLarge ? 'slack.body_too_large' : 'slack.body_unreadable', {
        limit: MAX_BODY_BYTES,
        error: e instanceof Error ? e.message : String(e),
      });
      refuse(res, tooLarge ? 413 : 400);
      return;
    }
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      bolt(req, res); // Bolt checks the signature, then answers 400 for a body it cannot parse.
      return;
    }
    if (isObject(body)) {
      bolt(req, res);
      return;
    }
    try {
      await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret }, buffered, res);
    } catch {
      logger.warn('slack.request_refused', { why: 'bad or missing signature' });
      refuse(res, 401);
      return;
    }
    logger.warn('slack.malformed_payload', { what: 'request', problems: 'the body is not an object' });
    refuse(res, 400);
  };
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== EVENTS_PATH) {
      bolt(req, res);
      return;
    }
    void Promise.resolve(screen(req, res)).catch((e: unknown) => {
      logger.error('slack.request_failed', { error: e instanceof Error ? e.message : String(e) });
      refuse(res, 400);
    });
  };
}

/** Why a Socket Mode message would make the client throw before Bolt sees it, or null. */
function socketProblem(message: unknown): { envelopeId: string; problem: string } | null {
  if (!isObject(message) || message.type !== 'events_api') return null;
  const payload = message.payload;
  const fine = isObject(payload) && isObject(payload.event) && typeof payload.event.type === 'string';
  if (fine) return null;
  return {
    envelopeId: typeof message.envelope_id === 'string' ? message.envelope_id : '',
    problem: isObject(payload) ? 'events_api envelope without an event type' : 'events_api without a payload',
  };
}

/**
 * The Socket Mode client reads `payload.event.type` of every `events_api` envelope before Bolt is
 * involved, and throws (unacknowledged, an unhandled rejection) when it is missing. Its message
 * listener is replaced by one that acknowledges and logs such an envelope, and hands every other
 * message to the client as before.
 */
function screenSocketMessages(socket: SocketModeReceiver, logger: Logger): void {
  const client = socket.client as unknown as {
    onWebSocketMessage(data: unknown, isBinary: boolean): Promise<void>;
    send(envelopeId: string, body?: Record<string, unknown>): Promise<void>;
    removeAllListeners(event: string): void;
    on(event: string, listener: (data: unknown, isBinary: boolean) => void): void;
  };
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data, isBinary) => {
    let parsed: unknown;
    try {
      parsed = isBinary
        ? undefined
        : JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    } catch {
      parsed = undefined; // the client logs and ignores what is not JSON
    }
    const wrong = socketProblem(parsed);
    if (wrong) {
      logger.warn('slack.malformed_payload', { what: 'socket envelope', problems: wrong.problem });
      if (wrong.envelopeId) {
        client.send(wrong.envelopeId).catch((e: unknown) => {
          logger.warn('slack.socket_ack_failed', { error: e instanceof Error ? e.message : String(e) });
        });
      }
      return;
    }
    client.onWebSocketMessage(data, isBinary).catch((e: unknown) => {
      logger.error('slack.socket_message_failed', { error: e instanceof Error ? e.message : String(e) });
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
    screenSocketMessages(socket, logger);
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
  screenHttpBodies(http, options.signingSecret ?? '', logger);
  return { receiver: new ScreenedReceiver(http, logger) };
}

export const listeningPort = (server: unknown): number | undefined => {
  const address = (server as Server | undefined)?.address?.();
  return typeof address === 'object' && address !== null ? address.port : undefined;
};
