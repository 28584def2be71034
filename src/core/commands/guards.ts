// Preconditions shared by commands; each failure is a typed, kindly-worded CoreError. Inputs come
// from adapters (forms, buttons, messages), so a value of the wrong type is refused the same way
// as a wrong value, never with a TypeError.
import type { Change } from '../change.ts';
import { CoreError } from '../errors.ts';
import { ACTIVE_STATUSES, type Case, type CaseStatus } from '../model.ts';
import { type Actor, requireRole } from '../roles.ts';

/**
 * A supervisor of the case's team acting on someone else's case: a supervisor who is the case's
 * customer is refused (`error.own_case`), as a decision on their own request would be.
 */
export function requireSupervisorNotCustomer(change: Change, actor: Actor): void {
  const roles = requireRole(actor.id, change.next, change.config, ['supervisor']);
  if (roles.has('customer'))
    throw new CoreError('forbidden', 'error.own_case', { number: change.next.number });
}

/** The texts a refused text input may be explained with (none needs a param). */
type EmptyTextKey = 'error.empty_text' | 'error.apology_and_plan_required' | 'error.recovery_required';

export function requireActive(c: Case): void {
  if (!ACTIVE_STATUSES.includes(c.status)) {
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  }
}

export function requireStatus(c: Case, statuses: readonly CaseStatus[]): void {
  if (!statuses.includes(c.status)) {
    throw new CoreError('invalid_state', 'error.invalid_state', { number: c.number, status: c.status });
  }
}

/** Trimmed text, or `invalid_input` when there is nothing to say (or it is not text at all). */
export function requireText(text: unknown, key: EmptyTextKey = 'error.empty_text'): string {
  const trimmed = optionalText(text, key);
  if (trimmed === '') throw new CoreError('invalid_input', key);
  return trimmed;
}

/** Trimmed text, '' when absent; `invalid_input` when it is something other than text. */
export function optionalText(text: unknown, key: EmptyTextKey = 'error.empty_text'): string {
  if (text === undefined || text === null) return '';
  if (typeof text !== 'string') throw new CoreError('invalid_input', key);
  return text.trim();
}

/** A valid instant, or `invalid_input` (`error.invalid_time`). */
export function requireInstant(value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new CoreError('invalid_input', 'error.invalid_time');
  return value;
}
