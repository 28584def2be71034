// Subscribes to the gateway events the adapter handles. Each handler runs guarded: a failure is
// a log line naming the event, never a crash, and the bot keeps serving.
import { DiscordAPIError, Events, type Interaction, type Message } from 'discord.js';
import type { DiscordRuntime } from '../runtime.ts';
import { onButton } from './buttons.ts';
import { onCommand } from './commands.ts';
import { onFormSubmit } from './form-submits.ts';
import { onMessage } from './messages.ts';

const ALREADY_ACKNOWLEDGED = 40060;
const UNKNOWN_INTERACTION = 10062;

async function onInteraction(rt: DiscordRuntime, i: Interaction): Promise<void> {
  if (i.isChatInputCommand()) return onCommand(rt, i);
  if (i.isButton()) return onButton(rt, i);
  if (i.isModalSubmit()) return onFormSubmit(rt, i);
  rt.ctx.logger.info('discord.interaction_ignored', { interaction: i.id, type: i.type });
}

export interface Listening {
  /** Resolves when every handler started so far has finished. */
  idle(): Promise<void>;
  stop(): void;
}

export function listen(rt: DiscordRuntime): Listening {
  const running = new Set<Promise<void>>();
  const guarded = (event: string, id: string, work: () => Promise<void>) => {
    const run = (async () => {
      try {
        await work();
      } catch (error) {
        const code = error instanceof DiscordAPIError ? error.code : null;
        if (code === ALREADY_ACKNOWLEDGED) {
          // A replayed dispatch (e.g. after a resume): the first delivery already answered it.
          rt.ctx.logger.info('discord.duplicate', { event, id });
          return;
        }
        if (code === UNKNOWN_INTERACTION) {
          rt.ctx.logger.warn('discord.interaction_expired', {
            event,
            id,
            hint: 'answered after Discord gave up (3 s)',
          });
          return;
        }
        rt.ctx.logger.error('discord.handler_failed', {
          event,
          id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    })();
    running.add(run);
    void run.finally(() => running.delete(run));
  };
  const interaction = (i: Interaction) => guarded('interaction', String(i?.id), () => onInteraction(rt, i));
  const message = (m: Message) => guarded('message', String(m?.id), () => onMessage(rt, m));
  rt.client.on(Events.InteractionCreate, interaction);
  rt.client.on(Events.MessageCreate, message);
  return {
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    stop() {
      rt.client.off(Events.InteractionCreate, interaction);
      rt.client.off(Events.MessageCreate, message);
    },
  };
}
