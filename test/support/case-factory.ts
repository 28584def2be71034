// Complete, valid domain values for store tests, with every nested part filled in (and Dates with
// milliseconds) so a round trip through a store shows anything it loses.
import type { Case, CaseEvent, Notice, PolicySnapshot, Timer } from '../../src/core/model.ts';
import type { CaseChange, ClaimOptions, NewCase, NewCaseRows } from '../../src/core/ports.ts';
import type { InspectableStore } from '../../src/store/store.ts';

/** A Monday morning, with milliseconds. */
export const T0 = new Date('2026-11-23T08:00:00.123Z');
export const MIN = 60_000;
export const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);

let sequence = 0;
/** Unique within the test process. */
export const newId = (prefix: string): string => `${prefix}-${++sequence}`;

export const policySnapshot = (): PolicySnapshot => ({
  audience: 'internal',
  priority: 'normal',
  firstResponseMinutes: 60,
  callbackWindowMinutes: 240,
  maxCallbackWindowMinutes: 480,
  supervisorWindowMinutes: 60,
  nudgeAt: [0.5, 0.75],
  missesBeforeSupervisor: 1,
  clock: 'business',
  customerReminderAfterMinutes: 480,
  autoCloseAfterMinutes: 1440,
  reopenWithinMinutes: 10080,
  reassignAfterMisses: 1,
  calendar: {
    id: 'office',
    timeZone: 'Europe/Vilnius',
    week: {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
      fri: [['09:00', '15:00']],
    },
    holidays: ['2026-12-24', '2026-12-25'],
  },
});

/** A case at level 1 with a first-response window, no number yet. */
export function makeDraft(overrides: Partial<NewCase> = {}): NewCase {
  const id = overrides.id ?? newId('case');
  return {
    id,
    workspace: 'acme',
    audience: 'internal',
    // Each case in a channel of its own (Slack paces per channel): a thread of `C-<id>`.
    conversation: `slack:T1:C-${id}:1700000000.000100`,
    customer: { id: 'slack:T1:U1', name: 'Ona Petraitė', locale: 'lt', timeZone: 'Europe/Vilnius' },
    topic: 'billing',
    team: 'finance',
    priority: 'normal',
    level: 1,
    status: 'open',
    words: 'My invoice shows “€120” twice',
    ownerId: null,
    expertId: null,
    expertAssignedAt: null,
    supervisorId: null,
    policy: policySnapshot(),
    window: {
      id: `${id}-w1`,
      kind: 'first_response',
      holder: null,
      startedAt: T0,
      dueAt: at(60 * MIN),
      lengthMs: 60 * MIN,
      consumedMs: 0,
      paused: null,
    },
    waiting: null,
    misses: 0,
    approval: null,
    risk: { score: 0, band: 'low', warnedBand: 'low', signals: [], recentCustomerMessages: [T0] },
    outside: null,
    recovery: null,
    rating: null,
    follows: null,
    incident: null,
    colleagues: [],
    abuse: null,
    heavy: null,
    createdAt: T0,
    updatedAt: T0,
    resolvedAt: null,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

export const makeCase = (overrides: Partial<Case> = {}): Case => ({
  ...makeDraft(overrides),
  number: 1,
  ...overrides,
});

/** Every optional part present: an expert, a paused window, a decided approval, outside contact, a rating. */
export function makeRichCase(overrides: Partial<Case> = {}): Case {
  const base = makeCase(overrides);
  return {
    ...base,
    level: 3,
    status: 'resolved',
    ownerId: 'aiste',
    expertId: 'tom',
    expertAssignedAt: at(5 * MIN + 7),
    supervisorId: 'marie',
    window: {
      id: `${base.id}-w2`,
      kind: 'callback',
      holder: 'tom',
      startedAt: at(5 * MIN + 7),
      dueAt: at(245 * MIN + 7),
      lengthMs: 240 * MIN,
      consumedMs: 12_345,
      paused: { at: at(30 * MIN + 999), consumedMs: 54_321 },
    },
    misses: 2,
    approval: {
      id: 'ap-1',
      status: 'approved',
      reason: 'Customer asked for a supervisor',
      requestedBy: 'slack:T1:U1',
      requestedByRole: 'customer',
      requestedAt: at(40 * MIN + 1),
      previous: { level: 2, status: 'waiting_on_expert', ownerId: 'tom' },
      decidedBy: 'marie',
      decidedAt: at(50 * MIN + 2),
      apology: 'I am sorry we kept you waiting.',
      plan: 'I will refund the duplicate today.',
    },
    risk: {
      score: 7.5,
      band: 'high',
      warnedBand: 'elevated',
      signals: ['follow_up_burst', 'mentions_director'],
      recentCustomerMessages: [at(1), at(2 * MIN + 3), at(3 * MIN + 4)],
    },
    outside: { at: at(90 * MIN + 5), channel: 'letter to the director', note: 'Copied the CFO' },
    rating: { score: 4, comment: 'Fixed, thanks' },
    waiting: {
      id: `${base.id}-wait1`,
      since: at(30 * MIN + 999),
      checkInAt: at(510 * MIN + 1),
      closeAt: at(1470 * MIN + 2),
      checkedInAt: at(511 * MIN + 3),
    },
    follows: { caseId: 'case-earlier', number: 7 },
    updatedAt: at(120 * MIN + 6),
    resolvedAt: at(120 * MIN + 6),
    ...overrides,
  };
}

export function makeTimer(c: Pick<Case, 'id'>, overrides: Partial<Timer> = {}): Timer {
  return {
    id: newId('timer'),
    caseId: c.id,
    windowId: `${c.id}-w1`,
    kind: 'miss',
    dueAt: at(60 * MIN),
    status: 'pending',
    ...overrides,
  };
}

/**
 * A notice as a store keeps it: a real text with its params unless told otherwise. Store tests
 * label their notices with keys of their own (`k1`, `n0`): a store never reads a key's text; the
 * outbox's routes refuse unknown keys, so notices meant to be delivered keep a real one.
 */
export function makeNotice(
  c: Pick<Case, 'id' | 'conversation'>,
  overrides: Omit<Partial<Notice>, 'key'> & { key?: string } = {},
): Notice {
  const id = overrides.id ?? newId('notice');
  return {
    id,
    caseId: c.id,
    recipient: { kind: 'customer', customerId: 'slack:T1:U1', conversation: c.conversation },
    key: 'customer.still_on_it',
    params: { number: 1, name: 'Ona', dueAt: at(60 * MIN).toISOString() },
    actions: [{ id: 'ask_supervisor', caseId: c.id }],
    locale: 'lt',
    timeZone: 'Europe/Vilnius',
    dedupeKey: `${id}:dedupe`,
    createdAt: T0,
    ...overrides,
  } as Notice;
}

/**
 * An audit event as a store keeps it. Store tests write types and data of their own (nested
 * values, Dates) to see a round trip keep them: a store never reads an event's data.
 */
export function makeEvent(
  c: Pick<Case, 'id'>,
  overrides: Omit<Partial<CaseEvent>, 'type' | 'data'> & {
    type?: string;
    data?: Record<string, unknown>;
  } = {},
): CaseEvent {
  return {
    id: newId('event'),
    caseId: c.id,
    at: T0,
    actorId: 'slack:T1:U1',
    type: 'opened',
    data: { text: 'hello', when: at(1), nested: { list: [1, 'two', null] } },
    ...overrides,
  } as unknown as CaseEvent;
}

/** A build callback for createCase that writes the numbered case with the given rows. */
export const withRows =
  (rows: Partial<Omit<NewCaseRows, 'case'>> = {}) =>
  (numbered: Case): NewCaseRows => ({
    case: numbered,
    events: [],
    notices: [],
    timers: [],
    cancelTimers: false,
    ...rows,
  });

/** Creates a case from `makeDraft(overrides)` with rows built from the numbered case. */
export function seedCase(
  store: InspectableStore,
  overrides: Partial<NewCase> = {},
  rows: (c: Case) => Partial<Omit<NewCaseRows, 'case'>> = () => ({}),
): Promise<Case> {
  return store.cases
    .createCase(makeDraft(overrides), (numbered) => withRows(rows(numbered))(numbered))
    .then((created) => created.case);
}

/** The next version of `c` with `patch` applied, as a command would commit it. */
export function changeOf(
  c: Case,
  patch: Partial<Case> = {},
  rows: Partial<Omit<CaseChange, 'case'>> = {},
): CaseChange {
  return {
    case: { ...c, ...patch, version: c.version + 1 },
    expectedVersion: c.version,
    events: [],
    notices: [],
    timers: [],
    cancelTimers: false,
    ...rows,
  };
}

/** Claims for `owner` (up to 100 at a time, with a lease of `leaseMs`): `claimAt(now, extra)`. */
export const claimsFor =
  (owner: string, leaseMs = MIN) =>
  (now: Date, extra: Partial<ClaimOptions> = {}): ClaimOptions => ({
    now,
    limit: 100,
    leaseMs,
    owner,
    ...extra,
  });
