// Registers the slash commands (`npm run discord:register`): for one server when
// DISCORD_GUILD_ID is set (available at once), else globally. Run it again after an upgrade.
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from './command-definitions.ts';
import { type DiscordOptions, discordOptionsFromEnv } from './options.ts';

export interface Registered {
  scope: 'guild' | 'global';
  names: string[];
}

export async function registerCommands(
  options: Pick<DiscordOptions, 'token' | 'applicationId' | 'apiUrl' | 'guildId'>,
): Promise<Registered> {
  const rest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}), retries: 1 }).setToken(
    options.token,
  );
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const saved = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
  return { scope: options.guildId ? 'guild' : 'global', names: saved.map((c) => c.name) };
}

async function main(): Promise<number> {
  const options = discordOptionsFromEnv(process.env);
  if (!options) {
    console.error('DISCORD_TOKEN is not set: nothing to register. See docs/discord.md.');
    return 78; // EX_CONFIG
  }
  const { scope, names } = await registerCommands(options);
  const where =
    scope === 'guild'
      ? `for server ${options.guildId} (available now)`
      : 'globally (Discord may take a few minutes to show them everywhere)';
  console.log(`Registered /${names.join(', /')} ${where}.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
