import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import type { ExpertReads } from '../steps.ts';
import type { Actor } from '../roles.ts';
import { reassignCase } from './expert-actions.ts';
import { requireActive } from './guards.ts';
import { askSupervisor } from './supervisor-actions.ts';

/**
 * The holder, going away, hands the case over through the ladder's own steps: an expert's case
 * is reassigned (reassignCase: the fairest other available expert, or the supervisors when there
 * is none); anyone else's asks the team's supervisors (askSupervisor, reason `holder_away`). Only
 * the case's holder may; a case already waiting on a supervisor's decision stays as it is (the
 * supervisors have it).
 */
export async function handOverCase(change: Change, store: ExpertReads, actor: Actor): Promise<void> {
  const c = change.next;
  if (c.ownerId === null || c.ownerId !== actor.id) {
    throw new CoreError('forbidden', 'error.holder_only', { number: c.number });
  }
  requireActive(c);
  if (c.expertId === actor.id) {
    await reassignCase(change, store, actor);
    return;
  }
  askSupervisor(change, actor, 'holder_away');
}
