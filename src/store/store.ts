// What opening a store gives the app: one implementation of each of the core's storage ports,
// handed to whoever plays that role (the desk takes `cases` and `timers`, the outbox `notices`, the
// adapters `inbound` and `refs`, the privacy command `privacy`, the retention job `retention`).
// Memory, SQLite and PostgreSQL all return this shape.
import type { Timer } from '../core/model.ts';
import type {
  AnswerBank,
  AwayBook,
  CaseRepository,
  DataRights,
  InboundLog,
  IncidentRepository,
  LeaseQueue,
  NoticeQueue,
  OperationsReads,
  ReferenceStore,
  ReportReads,
  RetentionStore,
} from '../core/ports.ts';
import type { StoreInspector } from './inspector.ts';

export interface Store {
  cases: CaseRepository;
  timers: LeaseQueue<Timer>;
  notices: NoticeQueue;
  /** Incidents: the desk's, and the console's reads. */
  incidents: IncidentRepository;
  /** The ops server's reads (metrics, readiness). */
  ops: OperationsReads;
  /** Reports, the weekly digest and the web console: cases with their trails, one case's timeline. */
  reports: ReportReads;
  inbound: InboundLog;
  refs: ReferenceStore;
  /** The privacy command's export and erasure of a person's data. */
  privacy: DataRights;
  /** The daily retention job's redaction of old cases and pruning of old rows. */
  retention: RetentionStore;
  /** The answer bank: similar past answers for a new case, staff's edits and retirements. */
  answers: AnswerBank;
  /** Who is away at run time (`/support away`): the desk's. */
  away: AwayBook;
  close(): Promise<void>;
}

/** A store with its test-only reads (see inspector.ts): what every implementation returns. */
export interface InspectableStore extends Store {
  inspect: StoreInspector;
}
