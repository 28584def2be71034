// What the Discord adapter needs to run, read from the environment (.env.example documents each).

export interface DiscordOptions {
  /** Bot token (Developer Portal > Bot > Reset Token). */
  token: string;
  /** Application id (Developer Portal > General Information). */
  applicationId: string;
  /** REST base such as `http://127.0.0.1:8080/api` (tests, proxies); the gateway address comes from it. */
  apiUrl?: string;
  /** The server the bot serves; commands are registered there (else globally). */
  guildId?: string;
  /** Text channel where case threads are created; a message posted here opens a case. */
  supportChannelId?: string;
  /** Forum channel where each new post is a case. */
  supportForumId?: string;
  /** Channel where the bot reports problems it cannot fix itself (missing permissions). */
  adminChannelId?: string;
  /** Milliseconds before a REST call is abandoned (default 10 000). */
  restTimeoutMs?: number;
}

/** Thrown when DISCORD_TOKEN is set but the rest of the Discord settings are not usable. */
export class DiscordConfigError extends Error {
  readonly code = 'discord_config_invalid' as const;
  constructor(message: string) {
    super(message);
    this.name = 'DiscordConfigError';
  }
}

const SNOWFLAKE = /^\d{5,20}$/;

/** The Discord settings, or null when DISCORD_TOKEN is not set (Discord is not used). */
export function discordOptionsFromEnv(env: NodeJS.ProcessEnv): DiscordOptions | null {
  const read = (name: string) => env[name]?.trim() || undefined;
  const token = read('DISCORD_TOKEN');
  if (token === undefined) return null;
  const problems: string[] = [];
  const id = (name: string, required = false): string | undefined => {
    const value = read(name);
    if (value === undefined) {
      if (required) problems.push(`${name} is not set (copy it from the Discord Developer Portal)`);
      return undefined;
    }
    if (!SNOWFLAKE.test(value)) problems.push(`${name} must be a Discord id (digits only), got "${value}"`);
    return value;
  };
  const applicationId = id('DISCORD_APPLICATION_ID', true);
  const apiUrl = read('DISCORD_API_URL');
  if (apiUrl !== undefined && !/^https?:\/\//.test(apiUrl)) {
    problems.push(`DISCORD_API_URL must start with http:// or https://, got "${apiUrl}"`);
  }
  const optional = {
    guildId: id('DISCORD_GUILD_ID'),
    supportChannelId: id('DISCORD_SUPPORT_CHANNEL_ID'),
    supportForumId: id('DISCORD_SUPPORT_FORUM_ID'),
    adminChannelId: id('DISCORD_ADMIN_CHANNEL_ID'),
  };
  if (problems.length > 0 || applicationId === undefined) {
    throw new DiscordConfigError(`Discord settings: ${problems.join('; ')}`);
  }
  const options: DiscordOptions = { token, applicationId };
  if (apiUrl !== undefined) options.apiUrl = apiUrl.replace(/\/+$/, '');
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    if (value !== undefined) options[key] = value;
  }
  return options;
}
