// Sends requests into the app's HTTP receiver the way Slack does: events as JSON, slash commands
// as a form, interactivity as a form with a `payload` field, each signed with the signing secret
// (X-Slack-Signature = v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>")).
import { createHmac } from 'node:crypto';

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Slack's retry counter header (X-Slack-Retry-Num). */
  retryNum?: number;
  /** Sign with this secret instead (to get a bad signature). */
  secret?: string;
}

export interface SlackResponse {
  status: number;
  body: string;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function slackSender(url: string, signingSecret: string) {
  async function send(body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(options.secret ?? signingSecret, timestamp, body),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const response = await fetch(url, { method: 'POST', headers, body });
    return { status: response.status, body: await response.text() };
  }
  return {
    raw: send,
    event: (payload: unknown, options?: SendOptions) =>
      send(JSON.stringify(payload), 'application/json', options),
    command: (fields: Record<string, string>, options?: SendOptions) =>
      send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options),
    interaction: (payload: unknown, options?: SendOptions) =>
      send(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
        options,
      ),
  };
}

export type SlackSender = ReturnType<typeof slackSender>;
