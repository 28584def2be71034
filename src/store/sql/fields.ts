// Select lists that alias snake_case columns to the camelCase fields rows.ts reads.
const list = (columns: Record<string, string>, table = ''): string =>
  Object.entries(columns)
    .map(([field, column]) => `${table}"${column}" AS "${field}"`)
    .join(', ');

const CASE_COLUMNS = {
  id: 'id',
  workspace: 'workspace',
  number: 'number',
  audience: 'audience',
  conversation: 'conversation',
  customer: 'customer',
  topic: 'topic',
  team: 'team',
  priority: 'priority',
  level: 'level',
  status: 'status',
  words: 'words',
  ownerId: 'owner_id',
  expertId: 'expert_id',
  expertAssignedAt: 'expert_assigned_at',
  supervisorId: 'supervisor_id',
  policy: 'policy',
  window: 'window',
  waiting: 'waiting',
  misses: 'misses',
  approval: 'approval',
  risk: 'risk',
  outside: 'outside',
  recovery: 'recovery',
  rating: 'rating',
  follows: 'follows',
  incident: 'incident',
  colleagues: 'colleagues',
  abuse: 'abuse',
  heavy: 'heavy',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  version: 'version',
};

const EVENT_COLUMNS = {
  id: 'id',
  caseId: 'case_id',
  at: 'at',
  actorId: 'actor_id',
  type: 'type',
  data: 'data',
};

const TIMER_COLUMNS = {
  seq: 'seq',
  id: 'id',
  caseId: 'case_id',
  windowId: 'window_id',
  kind: 'kind',
  dueAt: 'due_at',
  status: 'status',
};

const OUTBOX_COLUMNS = {
  seq: 'seq',
  id: 'id',
  caseId: 'case_id',
  recipient: 'recipient',
  key: 'key',
  params: 'params',
  actions: 'actions',
  locale: 'locale',
  timeZone: 'time_zone',
  dedupeKey: 'dedupe_key',
  createdAt: 'created_at',
  status: 'status',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  lastError: 'last_error',
  sentAt: 'sent_at',
};

const LEASE_COLUMNS = { leaseToken: 'lease_token', leaseUntil: 'lease_until' };

export const CASE_FIELDS = list(CASE_COLUMNS);
export const EVENT_FIELDS = list(EVENT_COLUMNS);
export const TIMER_FIELDS = list(TIMER_COLUMNS);
export const OUTBOX_FIELDS = list(OUTBOX_COLUMNS);
/** For RETURNING after a claim; `table` qualifies the columns (PostgreSQL's UPDATE ... FROM). */
export const leasedTimerFields = (table = '') => list({ ...TIMER_COLUMNS, ...LEASE_COLUMNS }, table);
export const leasedOutboxFields = (table = '') => list({ ...OUTBOX_COLUMNS, ...LEASE_COLUMNS }, table);
