// The Slack adapter: Bolt in HTTP mode (or Socket Mode when an app token is set) turning Slack
// events into desk commands, and a sink turning outbox notices into Block Kit messages.
import { App } from '@slack/bolt';
import type { AdapterContext, PlatformAdapter } from '../../src/platform/adapter.ts';
import type { TeamDigest } from '../../src/platform/team-report.ts';
import { dmChannels } from '../shared/dm-channels.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackRefName } from './conversation.ts';
import { slackErrorOf } from './delivery/outcome.ts';
import { createSlackSink } from './delivery/sink.ts';
import { deliveryClient, openDm, slackPoster, type WebClient } from './delivery/slack-api.ts';
import { registerActions } from './inbound/actions.ts';
import { registerCommand } from './inbound/command.ts';
import type { Inbound } from './inbound/context.ts';
import { dropRetriedEvents } from './inbound/dedupe.ts';
import { registerFromMessage } from './inbound/from-message.ts';
import { registerHome } from './inbound/home.ts';
import { createIdentity } from './inbound/identity.ts';
import { opensCaseInDm, registerMessages } from './inbound/messages.ts';
import { registerUnknown } from './inbound/unknown.ts';
import { registerViews } from './inbound/views.ts';
import { digestMessage } from './render/report.ts';
import type { SlackOptions } from './options.ts';
import { buildReceiver, listeningPort } from './inbound/receiver.ts';

export interface SlackAdapter extends PlatformAdapter {
  /** HTTP mode, once started: the port Bolt listens on (useful with `port: 0`). */
  readonly port: number | undefined;
}

const DEFAULT_RETRIES = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 };
const SOCKET_CLOSE_WAIT_MS = 5_000;

async function whoAmI(client: WebClient): Promise<{ botUserId: string; botId: string }> {
  try {
    const result = await client.auth.test();
    if (result.user_id && result.bot_id) return { botUserId: result.user_id, botId: result.bot_id };
    throw new Error('auth.test did not name the bot');
  } catch (e) {
    // Only an answer from Slack blames the token; a network failure travels on as it is, so
    // start-up can say Slack cannot be reached (and that the token was not checked).
    if ((e as { code?: unknown }).code !== 'slack_webapi_platform_error') throw e;
    throw new Error(`Slack refused the bot token (${slackErrorOf(e)}): check SLACK_BOT_TOKEN`, { cause: e });
  }
}

export function createSlackAdapter(ctx: AdapterContext<SlackRefName>, options: SlackOptions): SlackAdapter {
  const { logger } = ctx;
  const directory = ctx.config.desk.directory;
  const outbound = deliveryClient({
    token: options.botToken,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.deliveryTimeoutMs ? { timeoutMs: options.deliveryTimeoutMs } : {}),
    logger: boltLogger(logger),
  });
  const dmChannel = dmChannels((userId) => openDm(outbound, userId));
  ctx.sinks.register(
    'slack',
    createSlackSink({
      poster: slackPoster(outbound, dmChannel, (e) =>
        logger.warn('slack.notice_lookup_failed', { error: slackErrorOf(e) }),
      ),
      refs: ctx.store.refs,
      directory,
      logger,
      answers: { bank: ctx.store.answers, config: ctx.config },
      clock: ctx.clock,
    }),
  );
  let running: { app: App; stopSocket?: () => Promise<void> } | null = null;
  let port: number | undefined;

  function buildApp(bot: { botUserId: string; botId: string }): {
    app: App;
    stopSocket?: () => Promise<void>;
  } {
    const { receiver, socket } = buildReceiver(options, logger);
    const app = new App({
      token: options.botToken,
      botId: bot.botId,
      botUserId: bot.botUserId,
      receiver,
      logger: boltLogger(logger),
      convoStore: false,
      clientOptions: {
        ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
        retryConfig: options.retryConfig ?? DEFAULT_RETRIES,
        rejectRateLimitedCalls: true,
      },
    });
    const inb: Inbound = {
      ...ctx,
      client: app.client,
      dmChannel,
      identity: createIdentity(app.client, directory),
      botUserId: bot.botUserId,
      command: options.command ?? '/support',
      shortcutCallbackId: options.shortcutCallbackId ?? 'open_case',
      intakeReaction: options.intakeReaction ?? 'ticket',
    };
    app.use(dropRetriedEvents(ctx.store.inbound, ctx.clock, logger, opensCaseInDm));
    registerMessages(app, inb);
    registerFromMessage(app, inb);
    registerCommand(app, inb);
    registerActions(app, inb);
    registerViews(app, inb);
    registerHome(app, inb);
    registerUnknown(app, inb);
    app.error(async (e) => {
      logger.error('slack.listener_failed', { error: slackErrorOf(e.original ?? e) });
    });
    if (!socket) return { app };
    // Bolt's stop() does not wait for the websocket to close (Node would linger ~30 s): wait for it,
    // but not forever.
    const stopSocket = () =>
      Promise.race([
        socket.client.disconnect(),
        new Promise<void>((resolve) => setTimeout(resolve, SOCKET_CLOSE_WAIT_MS).unref()),
      ]);
    return { app, stopSocket };
  }

  return {
    platform: 'slack',
    get port() {
      return port;
    },
    async start() {
      if (running) return;
      const bot =
        options.botUserId && options.botId
          ? { botUserId: options.botUserId, botId: options.botId }
          : await whoAmI(outbound);
      const built = buildApp(bot);
      const server = await (options.appToken ? built.app.start() : built.app.start(options.port));
      port = options.appToken ? undefined : listeningPort(server);
      running = built;
      logger.info('slack.started', { mode: options.appToken ? 'socket' : 'http', port, bot: bot.botUserId });
    },
    // The weekly digest, in the person's language, in their direct conversation with the bot.
    async sendDigest(personId: string, digest: TeamDigest) {
      const person = directory.people[personId];
      if (person?.slackId === undefined) return false;
      const channel = await dmChannel(person.slackId);
      const message = digestMessage(digest, directory, { locale: person.locale, timeZone: person.timeZone });
      await outbound.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
      return true;
    },
    async stop() {
      const current = running;
      if (!current) return;
      running = null;
      await current.app.stop();
      await current.stopSocket?.();
      logger.info('slack.stopped');
    },
  };
}
