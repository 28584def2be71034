// Beside a new case's acknowledgement on Discord: the answers strong enough for the customer
// (the audience's threshold, adapters/shared/answer-suggestions.ts), each with "This solved it",
// as one message after the acknowledgement. Its nonce is the notice's, so a retried delivery does
// not post it twice within Discord's nonce window.
import type { Case, ClaimedNotice } from '../../../src/core/index.ts';
import { customerThreshold, forCustomer, queryOf, similarAnswers } from '../../shared/answer-suggestions.ts';
import { isInProgress } from '../../shared/customer-actions.ts';
import { nonceFor } from '../ids.ts';
import { customerSuggestionMessage } from '../render/suggestions.ts';
import type { DiscordRuntime } from '../runtime.ts';
import { postMessage } from './rest-calls.ts';

export async function offerAnswers(
  rt: DiscordRuntime,
  notice: ClaimedNotice,
  c: Case,
  channelId: string,
): Promise<void> {
  if (notice.key !== 'customer.ack' || !isInProgress(c)) return;
  const threshold = customerThreshold(rt.ctx.config, c.audience);
  if (threshold === null) return;
  const offered = forCustomer(await similarAnswers(rt.ctx.store.answers, queryOf(c)), threshold);
  const message = customerSuggestionMessage(c.id, offered, notice.locale);
  if (!message) return;
  await postMessage(rt.sinkRest, channelId, { ...message, nonce: nonceFor(notice.id, channelId, 'answers') });
}
