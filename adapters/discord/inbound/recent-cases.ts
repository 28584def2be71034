// The cases this process has recently seen (delivered a notice for, or changed by a command), so a
// button that opens a form can decide who may see the form without a database read inside
// Discord's 3 seconds. Only a positive answer is taken from here; anything else reads the store.
import type { Case } from '../../../src/core/index.ts';

const MAX_CASES = 500;

export class RecentCases {
  private readonly cases = new Map<string, Case>();

  remember(c: Case): void {
    const known = this.cases.get(c.id);
    if (known && known.version > c.version) return;
    this.cases.delete(c.id);
    this.cases.set(c.id, c);
    if (this.cases.size > MAX_CASES) {
      const oldest = this.cases.keys().next().value;
      if (oldest !== undefined) this.cases.delete(oldest);
    }
  }

  get(caseId: string): Case | undefined {
    return this.cases.get(caseId);
  }
}

/** Whether a result of a desk command carries the case as it is now. */
export const hasCase = (value: unknown): value is { case: Case } =>
  typeof value === 'object' && value !== null && 'case' in value && typeof value.case === 'object';
