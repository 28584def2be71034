// The intake limit (IntakeLimit in model.ts): a person's new request goes to their newest open
// case instead of opening another when it comes right after that case was opened (the cooldown)
// or when they already have as many open as their audience allows. Spam cannot push every real
// request back in the triage queue, and no word is dropped: the request becomes details.
import { ACTIVE_STATUSES, type Case, DEFAULT_INTAKE_LIMITS, type DeskConfig } from '../model.ts';
import type { CaseRepository } from '../ports.ts';
import type { OpenCaseInput } from './open-case.ts';

/** The open case a new request of this person is added to, or null when it opens its own. */
export async function caseToAddTo(
  cases: Pick<CaseRepository, 'listCases'>,
  config: DeskConfig,
  input: OpenCaseInput,
  now: Date,
): Promise<Case | null> {
  // A follow-up of a finished case is that case's own continuation, never limited.
  if (input.follows) return null;
  const limit = (config.intake ?? DEFAULT_INTAKE_LIMITS)[input.audience];
  if (!limit || (limit.cooldownMinutes <= 0 && limit.maxOpenCases === null)) return null;
  const open = await cases.listCases({
    workspace: input.workspace,
    customerId: input.customer.id,
    statuses: ACTIVE_STATUSES,
    newestFirst: true,
    limit: Math.max(1, limit.maxOpenCases ?? 1),
  });
  const newest = open[0];
  if (!newest) return null;
  const sinceOpened = now.getTime() - newest.createdAt.getTime();
  if (limit.cooldownMinutes > 0 && sinceOpened < limit.cooldownMinutes * 60_000) return newest;
  if (limit.maxOpenCases !== null && open.length >= limit.maxOpenCases) return newest;
  return null;
}
