// The Discord adapter: connects the gateway, listens for interactions and messages, and gives
// the app a sink that delivers notices. It only translates; the desk decides.
import { Events } from 'discord.js';
import type { AdapterContext, PlatformAdapter } from '../../src/platform/adapter.ts';
import type { TeamDigest } from '../../src/platform/team-report.ts';
import { dmChannels } from '../shared/dm-channels.ts';
import { createClient, createSinkRest, shieldMalformedDispatches } from './client.ts';
import { type Listening, listen } from './inbound/listen.ts';
import type { DiscordOptions } from './options.ts';
import { openDm, postMessage } from './delivery/rest-calls.ts';
import { nonceFor } from './ids.ts';
import { digestMessages } from './render/report.ts';
import { createDiscordSink } from './delivery/sink.ts';
import { type DiscordRefName, type DiscordRuntime, RecentCases } from './runtime.ts';

export interface DiscordAdapter extends PlatformAdapter {
  readonly platform: 'discord';
  /** Resolves when every inbound event received so far has been handled (tests, shutdown). */
  idle(): Promise<void>;
}

export function createDiscordAdapter(
  ctx: AdapterContext<DiscordRefName>,
  options: DiscordOptions,
): DiscordAdapter {
  const client = createClient(options);
  const sinkRest = createSinkRest(options);
  const rt: DiscordRuntime = {
    ctx,
    options,
    client,
    sinkRest,
    dmChannel: dmChannels((userId) => openDm(sinkRest, userId)),
    recentCases: new RecentCases(),
  };
  shieldMalformedDispatches(client, ctx.logger);
  client.on(Events.Error, (error) => ctx.logger.error('discord.client_error', { error: error.message }));
  client.on(Events.ShardResume, (shard, replayed) => ctx.logger.info('discord.resumed', { shard, replayed }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    ctx.logger.warn('discord.disconnected', { shard, code: event.code }),
  );
  ctx.sinks.register('discord', createDiscordSink(rt));
  let listening: Listening | null = null;
  let stopped = false;

  return {
    platform: 'discord',
    async start() {
      listening = listen(rt);
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
      ctx.logger.info('discord.ready', { user: client.user?.tag, guilds: client.guilds.cache.size });
    },
    async idle() {
      await listening?.idle();
    },
    // The weekly digest, in the person's language, in their direct messages with the bot.
    async sendDigest(personId: string, digest: TeamDigest) {
      const directory = ctx.config.desk.directory;
      const person = directory.people[personId];
      if (person?.discordId === undefined) return false;
      const channel = await rt.dmChannel(person.discordId);
      const parts = digestMessages(digest, directory, { locale: person.locale, timeZone: person.timeZone });
      const source = `digest:${digest.team.id}:${digest.digest.period.to.toISOString()}`;
      for (const [index, content] of parts.entries())
        await postMessage(client.rest, channel, { content, nonce: nonceFor(source, channel, index) });
      return true;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      listening?.stop();
      await listening?.idle();
      await client.destroy();
      rt.sinkRest.clearHashSweeper();
      rt.sinkRest.clearHandlerSweeper();
    },
  };
}
