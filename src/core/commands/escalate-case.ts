import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import type { CaseStore } from '../ports.ts';
import { type Actor, requireRole } from '../roles.ts';
import { escalateToExpert } from '../steps.ts';
import { requireActive } from './guards.ts';

/**
 * Front line (or a supervisor) hands the case to the expert for its topic, optionally correcting
 * the topic first. With no expert available, a supervisor is asked instead.
 */
export async function escalateCase(
  change: Change,
  store: CaseStore,
  actor: Actor,
  topic?: string,
): Promise<void> {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['front_line', 'supervisor', 'owner']);
  requireActive(c);
  if (c.status === 'awaiting_approval' || c.level >= 2) {
    const supervisorMayRoute =
      c.level === 3 && change.config.directory.teams[c.team]?.supervisors.includes(actor.id);
    if (!supervisorMayRoute || c.status === 'awaiting_approval') {
      throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
    }
  }
  if (topic !== undefined && topic !== c.topic) {
    const known = change.config.directory.topics[topic];
    if (!known) throw new CoreError('invalid_input', 'error.unknown_topic', { topic });
    change.event('topic_changed', actor.id, { from: c.topic, to: topic });
    c.topic = topic;
  }
  await escalateToExpert(change, store, actor.id);
}
