// `npm run discord:register` against the fake: the commands with their French and Lithuanian
// names and descriptions, for one server or globally; and reading the settings from the env.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../adapters/discord/command-definitions.ts';
import { DiscordConfigError, discordOptionsFromEnv } from '../../../adapters/discord/options.ts';
import { registerCommands } from '../../../adapters/discord/register-commands.ts';
import { FakeDiscord } from '../../fakes/discord/fake-discord.ts';

describe('registering the slash commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake?.stop();
  });

  it('registers for one server, localized in English, French and Lithuanian', async () => {
    const app = fake.state.applicationId;
    const result = await registerCommands({
      token: 't',
      applicationId: app,
      apiUrl: fake.apiUrl,
      guildId: fake.state.guildId,
    });
    expect(result).toEqual({ scope: 'guild', names: ['support', 'support-panel'] });
    const [put] = fake.callsTo(
      'PUT',
      new RegExp(`^/applications/${app}/guilds/${fake.state.guildId}/commands$`),
    );
    const body = put?.body as unknown as ReturnType<typeof commandDefinitions>;
    const support = body.find((c) => c.name === 'support');
    expect(support?.name_localizations).toEqual({ fr: 'assistance', lt: 'pagalba' });
    expect(support?.description_localizations.lt).toBe('Gauti pagalbos komandos pagalbą');
    const subcommands = (support?.options ?? []).map((o) => [o.name, o.name_localizations]);
    expect(subcommands).toEqual([
      ['open', { fr: 'ouvrir', lt: 'pateikti' }],
      ['status', { fr: 'statut', lt: 'būsena' }],
      ['queue', { fr: 'file', lt: 'eilė' }],
      ['report', { fr: 'rapport', lt: 'ataskaita' }],
      ['console', { fr: 'console', lt: 'konsolė' }],
      ['away', { fr: 'absent', lt: 'išvykstu' }],
      ['back', { fr: 'retour', lt: 'grįžau' }],
    ]);
    const panel = body.find((c) => c.name === 'support-panel');
    expect(panel?.default_member_permissions).toBe('32'); // Manage Server
    // Discord's rules for names: lowercase, no spaces, at most 32 characters.
    const names = body
      .flatMap((c) => [c, ...(c.options ?? [])])
      .flatMap((c) => [c.name, ...Object.values(c.name_localizations)]);
    for (const name of names) expect(name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
  });

  it('registers globally without a server id', async () => {
    const app = fake.state.applicationId;
    const result = await registerCommands({ token: 't', applicationId: app, apiUrl: fake.apiUrl });
    expect(result.scope).toBe('global');
    expect(fake.callsTo('PUT', new RegExp(`^/applications/${app}/commands$`))).toHaveLength(1);
  });
});

describe('discordOptionsFromEnv', () => {
  it('is null when DISCORD_TOKEN is not set', () => {
    expect(discordOptionsFromEnv({ DISCORD_APPLICATION_ID: '123456' })).toBeNull();
  });

  it('reads every setting', () => {
    expect(
      discordOptionsFromEnv({
        DISCORD_TOKEN: ' secret ',
        DISCORD_APPLICATION_ID: '1300000000000000001',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        DISCORD_GUILD_ID: '1100000000000000001',
        DISCORD_SUPPORT_CHANNEL_ID: '1200000000000000001',
        DISCORD_SUPPORT_FORUM_ID: '1200000000000000002',
        DISCORD_ADMIN_CHANNEL_ID: '1200000000000000009',
      }),
    ).toEqual({
      token: 'secret',
      applicationId: '1300000000000000001',
      apiUrl: 'http://127.0.0.1:9999/api',
      guildId: '1100000000000000001',
      supportChannelId: '1200000000000000001',
      supportForumId: '1200000000000000002',
      adminChannelId: '1200000000000000009',
    });
  });

  it('names every problem when the token is set but the rest is not usable', () => {
    expect(() =>
      discordOptionsFromEnv({ DISCORD_TOKEN: 'x', DISCORD_SUPPORT_CHANNEL_ID: '#support' }),
    ).toThrow(DiscordConfigError);
    expect(() =>
      discordOptionsFromEnv({ DISCORD_TOKEN: 'x', DISCORD_SUPPORT_CHANNEL_ID: '#support' }),
    ).toThrow(/DISCORD_APPLICATION_ID is not set.*DISCORD_SUPPORT_CHANNEL_ID must be a Discord id/);
  });
});
