// Reads no part of the app needs, only tests, the demo and the benchmarks: the audit log, the
// whole outbox, a queue place counted again. test/store/inspector-boundary.test.ts keeps it so.
import type { Case, CaseEvent, OutboxEntry } from '../core/model.ts';

export interface StoreInspector {
  /** The case's audit events, in the order they were written. */
  listEvents(caseId: string): Promise<CaseEvent[]>;
  /** Outbox rows (any status), oldest first. */
  listOutbox(query: { caseId?: string; statuses?: readonly OutboxEntry['status'][] }): Promise<OutboxEntry[]>;
  /** Open, unowned level-1 cases of the team created before this one (first come, first served). */
  countQueueAhead(c: Pick<Case, 'id' | 'team' | 'createdAt' | 'number'>): Promise<number>;
}
