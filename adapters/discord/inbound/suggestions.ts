// The answer bank's buttons on Discord (render/suggestions.ts): "Send this answer" on the triage
// card (the entry's text as this staff member's answer) and the customer's "This solved it" (the
// case closes, recording the entry). Acknowledged at once; the desk decides who may, and a refusal
// is told privately in the reader's language, as for every button.
import type { ButtonInteraction } from 'discord.js';
import { sendSuggestedAnswer } from '../../shared/answer-suggestions.ts';
import type { SuggestionRef } from '../render/suggestions.ts';
import type { DiscordRuntime } from '../runtime.ts';
import type { Who } from './identity.ts';
import { firstTime, runForActor } from './replies.ts';

export async function onSuggestion(
  rt: DiscordRuntime,
  i: ButtonInteraction,
  who: Who,
  ref: SuggestionRef,
): Promise<void> {
  await i.deferUpdate();
  if (!(await firstTime(rt, `discord:interaction:${i.id}`))) return;
  const { desk } = rt.ctx;
  const input = { caseId: ref.caseId, actor: who.actor };
  await runForActor(rt, i, who.reader, ref.kind === 'send' ? 'send_answer' : 'solved_it', () =>
    ref.kind === 'send'
      ? sendSuggestedAnswer(desk, rt.ctx.store.answers, { ...input, entryId: ref.entryId })
      : desk.resolve({ ...input, fromAnswer: ref.entryId }),
  );
}
