// What every listener needs, and the two things they all do: run a desk command (then let the
// outbox deliver its notices at once), and tell someone kindly, privately, why it did not work.
import type { AppConfig, ConsoleLinks, Logger } from '../../../src/platform/adapter.ts';
import {
  type AnswerBank,
  type Clock,
  type CommandResult,
  type Desk,
  type InboundLog,
  isCoreError,
  type ReportReads,
} from '../../../src/core/index.ts';
import type { Reader } from '../../shared/reader.ts';
import { refusalText as sharedRefusalText } from '../../shared/refusals.ts';
import type { SlackRefs } from '../conversation.ts';
import { slackErrorOf } from '../delivery/outcome.ts';
import type { WebClient } from '../delivery/slack-api.ts';
import { neutralise } from '../render/escape.ts';
import type { Identity, SlackUser } from './identity.ts';

export interface Inbound {
  desk: Desk;
  store: { inbound: InboundLog; refs: SlackRefs; reports: ReportReads; answers: AnswerBank };
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** The web console's sign-in links, when the console is on. */
  consoleLinks?: ConsoleLinks | undefined;
  /** Bolt's client, for calls made while answering (views.open, users.info, chat.postEphemeral). */
  client: WebClient;
  /** The direct conversation with a Slack user, opened once per person (shared with delivery). */
  dmChannel(userId: string): Promise<string>;
  identity: Identity;
  botUserId: string;
  command: string;
  shortcutCallbackId: string;
  intakeReaction: string;
}

/** Where a private answer goes: an ephemeral message in a channel, else a direct message. */
export interface Place {
  channel?: string | undefined;
  threadTs?: string | undefined;
}

/** The kind words for an error the person caused, in their language (see adapters/shared/refusals.ts). */
export const refusalText = (e: unknown, reader: Reader): string => sharedRefusalText(e, reader, neutralise);

export async function tellPrivately(inb: Inbound, u: SlackUser, place: Place, text: string): Promise<void> {
  try {
    if (place.channel) {
      await inb.client.chat.postEphemeral({
        channel: place.channel,
        user: u.userId,
        text,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      });
      return;
    }
    await inb.client.chat.postMessage({ channel: await inb.dmChannel(u.userId), text });
  } catch (e) {
    inb.logger.warn('slack.reply_failed', { user: u.userId, channel: place.channel, error: slackErrorOf(e) });
  }
}

/**
 * Runs a desk command for `u`. Notices it wrote are delivered at once; a refusal is explained to
 * the person privately. Returns the result, or null when it was refused or failed.
 */
export async function runCommand(
  inb: Inbound,
  u: SlackUser,
  place: Place,
  what: string,
  command: () => Promise<CommandResult>,
): Promise<CommandResult | null> {
  try {
    return await command();
  } catch (e) {
    if (isCoreError(e, 'duplicate')) {
      // Slack delivered this event again and it was already taken: nothing to do, no one to tell.
      inb.logger.info('slack.duplicate_event', { what, user: u.userId });
      return null;
    }
    logFailure(inb, what, u, e);
    await tellPrivately(inb, u, place, refusalText(e, await inb.identity.reader(u)));
    return null;
  }
}

export function logFailure(inb: Inbound, what: string, u: SlackUser, e: unknown): void {
  if (isCoreError(e)) {
    inb.logger.info('slack.refused', { what, user: u.userId, code: e.code, text: e.textKey });
  } else {
    inb.logger.error('slack.command_failed', { what, user: u.userId, error: slackErrorOf(e) });
  }
}
