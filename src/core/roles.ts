// Who may do what on a case. Roles come from the directory and the case itself; a refused
// command gets a typed error whose text key explains it kindly.
import { CoreError } from './errors.ts';
import { teamOf, topicOf } from './directory.ts';
import type { Case, DeskConfig } from './model.ts';

export type Role = 'customer' | 'front_line' | 'expert' | 'supervisor' | 'owner';

export interface Actor {
  /** A directory person id, or the platform-qualified id of a customer. */
  id: string;
  name?: string;
}

export function rolesOf(actorId: string, c: Case, config: DeskConfig): Set<Role> {
  const roles = new Set<Role>();
  const team = teamOf(config, c.team);
  const topic = topicOf(config, c.topic);
  if (actorId === c.customer.id) roles.add('customer');
  if (team?.frontLine.includes(actorId)) roles.add('front_line');
  if (team?.supervisors.includes(actorId)) roles.add('supervisor');
  if (c.expertId === actorId || topic?.experts.includes(actorId) || topic?.backups.includes(actorId)) {
    roles.add('expert');
  }
  if (c.ownerId === actorId) roles.add('owner');
  return roles;
}

const REFUSAL: Partial<Record<Role, 'error.not_your_case' | 'error.supervisors_only' | 'error.expert_only'>> =
  {
    customer: 'error.not_your_case',
    supervisor: 'error.supervisors_only',
    expert: 'error.expert_only',
  };

/** Throws `forbidden` unless the actor has one of `allowed`. Returns the actor's roles. */
export function requireRole(
  actorId: string,
  c: Case,
  config: DeskConfig,
  allowed: readonly Role[],
): Set<Role> {
  const roles = rolesOf(actorId, c, config);
  if (allowed.some((r) => roles.has(r))) return roles;
  const only = allowed.length === 1 ? allowed[0] : undefined;
  const key =
    (only && REFUSAL[only]) ?? (allowed.includes('customer') ? 'error.not_your_case' : 'error.staff_only');
  throw new CoreError(
    'forbidden',
    key,
    { number: c.number },
    `${actorId} may not act as ${allowed.join('/')}`,
  );
}

export const STAFF: readonly Role[] = ['front_line', 'expert', 'supervisor', 'owner'];
