// Preconditions shared by commands; each failure is a typed, kindly-worded CoreError.
import { CoreError } from '../errors.ts';
import { ACTIVE_STATUSES, type Case, type CaseStatus } from '../model.ts';

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

/** Trimmed text, or `invalid_input` when there is nothing to say. */
export function requireText(text: string | undefined, key = 'error.empty_text'): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') throw new CoreError('invalid_input', key);
  return trimmed;
}
