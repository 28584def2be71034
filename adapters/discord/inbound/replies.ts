// Answering the person who acted: kind, ephemeral (flags 64), in their language. A refusal from
// the core (CoreError) is shown with its own text; anything unexpected is logged and apologised for.
import { type Interaction, MessageFlags } from 'discord.js';
import { isCoreError } from '../../../src/core/index.ts';
import type { Reader } from '../../shared/reader.ts';
import { refusalText as sharedRefusalText } from '../../shared/refusals.ts';
import { neutralise, splitText } from '../render/markdown.ts';
import { instantsIn, withDiscordTimes } from '../render/times.ts';
import { type DiscordRuntime, hasCase } from '../runtime.ts';

type Answerable = Extract<Interaction, { reply: unknown }>;

/** The core's refusal (or a generic apology) in the reader's language (see adapters/shared/refusals.ts). */
export const refusalText = (error: unknown, reader: Reader): string =>
  withDiscordTimes(
    sharedRefusalText(error, reader, neutralise),
    isCoreError(error) ? instantsIn(error.params) : [],
    reader,
  );

/** Sends text only the actor sees, whether or not the interaction was already answered. */
export async function sayPrivately(i: Answerable, text: string): Promise<void> {
  const parts = splitText(text);
  for (const [index, content] of parts.entries()) {
    if (index === 0 && !i.deferred && !i.replied) {
      await i.reply({ content, flags: MessageFlags.Ephemeral });
    } else if (index === 0 && i.deferred && !i.replied && i.ephemeral) {
      await i.editReply({ content });
    } else {
      await i.followUp({ content, flags: MessageFlags.Ephemeral });
    }
  }
}

/**
 * Runs a desk command for an interaction that is already answered or deferred. A CoreError is a
 * kind refusal; anything else is logged with the interaction and apologised for.
 */
export async function runForActor(
  rt: DiscordRuntime,
  i: Answerable,
  reader: Reader,
  what: string,
  command: () => Promise<unknown>,
): Promise<boolean> {
  try {
    const result = await command();
    if (hasCase(result)) rt.recentCases.remember(result.case);
    return true;
  } catch (error) {
    if (isCoreError(error)) {
      rt.ctx.logger.info('discord.refused', {
        interaction: i.id,
        what,
        code: error.code,
        key: error.textKey,
      });
    } else {
      rt.ctx.logger.error('discord.command_failed', {
        interaction: i.id,
        what,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    await sayPrivately(i, refusalText(error, reader)).catch((e: unknown) =>
      rt.ctx.logger.warn('discord.reply_failed', { interaction: i.id, error: (e as Error).message }),
    );
    return false;
  }
}

/** Records an inbound event id; false when it was seen before (a replayed dispatch). */
export async function firstTime(rt: DiscordRuntime, key: string): Promise<boolean> {
  const first = await rt.ctx.store.inbound.remember(key, rt.ctx.clock.now());
  if (!first) rt.ctx.logger.info('discord.duplicate', { key });
  return first;
}
