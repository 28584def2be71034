// What opening a store gives the app: one implementation of each of the core's storage ports,
// handed to whoever plays that role (the desk takes `cases` and `timers`, the outbox `notices`, the
// adapters `inbound` and `refs`). Memory, SQLite and PostgreSQL all return this shape.
import type { Timer } from '../core/model.ts';
import type { CaseRepository, InboundLog, LeaseQueue, NoticeQueue, ReferenceStore } from '../core/ports.ts';
import type { StoreInspector } from './inspector.ts';

export interface Store {
  cases: CaseRepository;
  timers: LeaseQueue<Timer>;
  notices: NoticeQueue;
  inbound: InboundLog;
  refs: ReferenceStore;
  close(): Promise<void>;
}

/** A store with its test-only reads (see inspector.ts): what every implementation returns. */
export interface InspectableStore extends Store {
  inspect: StoreInspector;
}
