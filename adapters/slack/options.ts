// What the Slack adapter needs to run, read from the environment (see .env.example).

/** Retry policy for Web API calls made while answering an event (p-retry options). */
export interface SlackRetryConfig {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
}

export interface SlackOptions {
  /** Bot token (`xoxb-…`). */
  botToken: string;
  /** Verifies every HTTP request; required in HTTP mode. */
  signingSecret?: string;
  /** App-level token (`xapp-…`): when set, the adapter connects in Socket Mode instead of HTTP. */
  appToken?: string;
  /** Base URL of the Web API (tests, proxies); Slack's when unset. */
  apiUrl?: string;
  /** HTTP mode: the port for events, slash commands and interactivity (`/slack/events`); 0 = any. */
  port: number;
  /** The bot's user and bot ids; learnt from auth.test at start when unset. */
  botUserId?: string;
  botId?: string;
  /** The slash command (default `/support`; SLACK_COMMAND), as named in the app's manifest. */
  command?: string;
  /** The message shortcut's callback id (default `open_case`; SLACK_SHORTCUT_CALLBACK_ID), as in the manifest. */
  shortcutCallbackId?: string;
  /** The reaction that opens a case from a message (default `ticket`). */
  intakeReaction?: string;
  /** Retries for Web API calls made while answering an event. Default: 2 quick retries. */
  retryConfig?: SlackRetryConfig;
  /** Outbox Web API calls time out after this many ms; the outcome is then unknown (ambiguous). */
  deliveryTimeoutMs?: number;
  /** Socket Mode tuning (tests shorten these). */
  socket?: { clientPingTimeout?: number; serverPingTimeout?: number; autoReconnectEnabled?: boolean };
}

/** Thrown by slackOptionsFromEnv when the variables are set but inconsistent. */
export class SlackConfigError extends Error {
  readonly code = 'slack_config_invalid' as const;
  constructor(message: string) {
    super(message);
    this.name = 'SlackConfigError';
  }
}

const DEFAULT_PORT = 3000;

/** A slash command as Slack accepts one: `/`, then lowercase letters, digits, `-` or `_`; 32 at most. */
const COMMAND = /^\/[\p{Ll}\p{Lo}\p{N}_-]{1,31}$/u;
/** A callback id: 1 to 255 letters, digits and `_ - . :` (no spaces). */
const CALLBACK_ID = /^[\w.:-]{1,255}$/;

/** Slack options from `SLACK_*` and `PORT`, or null when SLACK_BOT_TOKEN is unset (Slack is off). */
export function slackOptionsFromEnv(env: NodeJS.ProcessEnv): SlackOptions | null {
  const read = (name: string) => env[name]?.trim() || undefined;
  const botToken = read('SLACK_BOT_TOKEN');
  if (!botToken) return null;
  const signingSecret = read('SLACK_SIGNING_SECRET');
  const appToken = read('SLACK_APP_TOKEN');
  const apiUrl = read('SLACK_API_URL');
  if (!botToken.startsWith('xoxb-')) {
    throw new SlackConfigError(
      'SLACK_BOT_TOKEN must be the bot token starting with "xoxb-" (Slack app > OAuth & Permissions).',
    );
  }
  if (appToken && !appToken.startsWith('xapp-')) {
    throw new SlackConfigError(
      'SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (Slack app > Basic Information > App-Level Tokens, scope connections:write).',
    );
  }
  if (!appToken && !signingSecret) {
    throw new SlackConfigError(
      'SLACK_SIGNING_SECRET is required in HTTP mode (Slack app > Basic Information > Signing Secret), or set SLACK_APP_TOKEN to use Socket Mode.',
    );
  }
  if (apiUrl && !/^https?:\/\/[^/\s]+/.test(apiUrl)) {
    throw new SlackConfigError(
      `SLACK_API_URL must be an http(s) URL like https://slack.com/api/, got "${apiUrl}".`,
    );
  }
  const command = read('SLACK_COMMAND');
  if (command !== undefined && !COMMAND.test(command)) {
    throw new SlackConfigError(
      `SLACK_COMMAND must be a slash command like /support (a "/" then lowercase letters, digits, "-" or "_", at most 32 characters, no spaces), the same as in the app's manifest; got "${command}".`,
    );
  }
  const shortcutCallbackId = read('SLACK_SHORTCUT_CALLBACK_ID');
  if (shortcutCallbackId !== undefined && !CALLBACK_ID.test(shortcutCallbackId)) {
    throw new SlackConfigError(
      `SLACK_SHORTCUT_CALLBACK_ID must be the message shortcut's callback_id in the app's manifest (letters, digits, "_", "-", "." or ":", at most 255, no spaces); got "${shortcutCallbackId}".`,
    );
  }
  const rawPort = read('PORT');
  const port = rawPort === undefined ? DEFAULT_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new SlackConfigError(`PORT must be a port number from 0 to 65535, got "${rawPort}".`);
  }
  return {
    botToken,
    port,
    ...(signingSecret ? { signingSecret } : {}),
    ...(appToken ? { appToken } : {}),
    ...(apiUrl ? { apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    ...(command ? { command } : {}),
    ...(shortcutCallbackId ? { shortcutCallbackId } : {}),
  };
}
