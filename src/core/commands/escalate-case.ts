import type { Change } from '../change.ts';
import { teamOf, topicOf } from '../directory.ts';
import { CoreError } from '../errors.ts';
import { type Actor, requireRole } from '../roles.ts';
import { escalateToExpert, type ExpertReads } from '../steps.ts';
import { requireActive } from './guards.ts';

/**
 * Front line (or a supervisor) hands the case to the expert for its topic, optionally correcting
 * the topic first (a topic of another team moves the case to that team). With no expert available, a supervisor is asked instead. A supervisor may also
 * route a case at level 3 or 4 to an expert (it keeps its level). Not while a decision is pending.
 */
export async function escalateCase(
  change: Change,
  store: ExpertReads,
  actor: Actor,
  topic?: unknown,
): Promise<void> {
  const c = change.next;
  requireRole(actor.id, c, change.config, ['front_line', 'supervisor', 'owner']);
  requireActive(c);
  const supervisorMayRoute = c.level >= 3 && teamOf(change.config, c.team)?.supervisors.includes(actor.id);
  if (c.status === 'awaiting_approval' || (c.level >= 2 && !supervisorMayRoute)) {
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  }
  if (topic !== undefined && topic !== c.topic) {
    const known = topicOf(change.config, topic);
    if (!known || typeof topic !== 'string')
      throw new CoreError('invalid_input', 'error.unknown_topic', { topic: String(topic) });
    // A topic of another team moves the case there: its experts and supervisors take it on. The
    // policy copied at intake stays (the promise the customer was given does not change).
    const team = known.team !== c.team ? { team: { from: c.team, to: known.team } } : {};
    change.event('topic_changed', actor.id, { from: c.topic, to: topic, ...team });
    c.topic = topic;
    c.team = known.team;
  }
  await escalateToExpert(change, store, actor.id);
}
