// Public API of the Discord adapter (wired by src/main.ts).
export { createDiscordAdapter, type DiscordAdapter } from './adapter.ts';
export { DiscordConfigError, type DiscordOptions, discordOptionsFromEnv } from './options.ts';
