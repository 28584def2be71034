// The desk: the core's entry point. Each command loads the case, applies the ladder's rules to a
// Change and commits it atomically; a concurrent change to the same case is retried.
import { Change } from './change.ts';
import { parseAwayUntil, requireStaffMember } from './away.ts';
import type { ExpertReads } from './steps.ts';
import { addDetails } from './commands/add-details.ts';
import { caseToAddTo } from './commands/intake-limit.ts';
import { reopenOnMessage, reopensOnMessage } from './commands/customer-actions.ts';
import { addNote, answerCase, askCustomer } from './commands/answer-case.ts';
import { claimCase } from './commands/claim-case.ts';
import { rateCase, reopenCase } from './commands/customer-actions.ts';
import { escalateCase } from './commands/escalate-case.ts';
import { acceptCase, cannotResolve, reassignCase } from './commands/expert-actions.ts';
import { draftCase, type OpenCaseInput, openCase } from './commands/open-case.ts';
import { closeCase, confirmResolution, resolveCase } from './commands/resolve-case.ts';
import {
  approveEscalation,
  askSupervisor,
  declineEscalation,
  recordOutside,
  writeRecovery,
} from './commands/supervisor-actions.ts';
import { CoreError, isCoreError } from './errors.ts';
import { handleTimer, type TimerOutcome } from './handle-timer.ts';
import { incidentAtIntake, incidentCommands } from './incident-desk.ts';
import type { Violation } from './invariants.ts';
import {
  ACTIVE_STATUSES,
  type Case,
  type CaseEvent,
  type ClaimedNotice,
  type DeskConfig,
  type Notice,
  type Timer,
} from './model.ts';
import type {
  AwayBook,
  CaseQuery,
  CaseRepository,
  Clock,
  Ids,
  IncidentRepository,
  LeaseQueue,
  SendAtOnce,
} from './ports.ts';
import { handOverCase } from './commands/hand-over.ts';
import { answerColleague, askColleague, takeFromColleague } from './commands/ask-colleague.ts';
import { sendAbuseReply, standWithHolder, takeOverAbusive } from './commands/abuse-actions.ts';
import { markHeavy, pairUp, takeOver } from './commands/heavy.ts';
import { repairPromise } from './repair-promise.ts';
import { emptySweepReport, type SweepReport } from './sweep-report.ts';
import { type Actor, requireRole } from './roles.ts';

/**
 * The storage the desk plays a role for: cases, the timers' queue the sweep claims from, incidents,
 * and who is away at run time (away.ts).
 */
export interface DeskStore {
  cases: CaseRepository;
  timers: LeaseQueue<Timer>;
  incidents: IncidentRepository;
  away: AwayBook;
}

export interface DeskDeps {
  store: DeskStore;
  clock: Clock;
  ids: Ids;
  config: DeskConfig;
  /**
   * When set, a new case's notices are claimed in the case's own transaction for this sender,
   * which delivers them right after (see SendAtOnce): the customer hears back without waiting for
   * a separate claim. Without it every notice waits for the outbox's next pass.
   */
  sendAtOnce?: Omit<SendAtOnce, 'now'>;
  /**
   * Called with the result of each command that wrote notices, once it has committed: the outbox
   * sends what the command claimed at once and runs a pass for the rest. Not called for the sweep
   * or the auditor's repair (the jobs that run them deliver after them). Must not throw: the
   * command has committed, and its result is the caller's.
   */
  afterCommit?: (result: CommandResult) => void;
  /**
   * Called after every commit, whoever made it (commands, intake, the sweep, the auditor's repair),
   * with the case before (null for a new case), after, and the events written: what the metrics
   * count. Must not throw, and must not write.
   */
  onCommitted?: (committed: Committed) => void;
}

/** One committed change of a case, as onCommitted sees it. */
export interface Committed {
  before: Case | null;
  after: Case;
  events: readonly CaseEvent[];
}

export interface CommandResult {
  case: Case;
  /** The notices this command wrote to the outbox. */
  notices: readonly Notice[];
  /** Those of them already claimed for this sender to deliver now (see DeskDeps.sendAtOnce). */
  sending: readonly ClaimedNotice[];
}

export interface SweepOptions {
  limit?: number;
  leaseMs?: number;
  owner?: string;
}

type CaseRef = { caseId: string; actor: Actor };

/** `/support away`: until when (null: until back), and the open cases the person holds. */
export interface AwayResult {
  until: Date | null;
  held: Case[];
}

/** Most held cases listed when someone goes away (the offer to hand them over). */
const HELD_LIMIT = 20;

const MAX_ATTEMPTS = 5;

/** The actor as given, or one nobody has a role for (refused as `forbidden` by the command). */
const actorOf = (actor: unknown): Actor =>
  typeof actor === 'object' && actor !== null && typeof (actor as Actor).id === 'string'
    ? (actor as Actor)
    : { id: '' };

export function createDesk(deps: DeskDeps) {
  const { store, clock, ids, config } = deps;
  const { cases, timers, incidents, away } = store;

  /** Choosing an expert reads their loads and who is away now (steps.ts findExpert). */
  const experts: ExpertReads = {
    expertLoad: (personIds) => cases.expertLoad(personIds),
    listAway: (now) => away.listAway(now),
  };

  /** Hands a command's result to `afterCommit` when it wrote notices. */
  const committed = (result: CommandResult): CommandResult => {
    if (result.notices.length > 0) deps.afterCommit?.(result);
    return result;
  };

  /** Tells onCommitted; an observer's failure never undoes or fails a committed change. */
  const observe = (change: Committed) => {
    try {
      deps.onCommitted?.(change);
    } catch {
      // An observer (metrics) that throws loses its count, nothing else.
    }
  };

  /**
   * Loads the case, applies the command to a Change and commits it; retried on a concurrent change.
   * `apply` returning false means there is nothing to write (the case is returned as it is).
   */
  async function mutate(
    caseId: string,
    apply: (change: Change) => void | boolean | Promise<void | boolean>,
  ): Promise<CommandResult> {
    if (typeof caseId !== 'string') throw new CoreError('not_found', 'error.not_found', { number: '?' });
    for (let attempt = 1; ; attempt++) {
      const current = await cases.getCase(caseId);
      if (!current) throw new CoreError('not_found', 'error.not_found', { number: '?' });
      const now = clock.now();
      const change = new Change(current, now, ids, config);
      if ((await apply(change)) === false) return { case: current, notices: [], sending: [] };
      try {
        await cases.commit(change.toCommit());
        observe({ before: current, after: change.next, events: change.events });
        return { case: change.next, notices: change.notices, sending: [] };
      } catch (e) {
        if (isCoreError(e, 'conflict') && attempt < MAX_ATTEMPTS) continue;
        throw e;
      }
    }
  }

  /**
   * Opens a case. With `inboundKey` (the platform event it comes from), the event is remembered in
   * the case's own transaction, and a second delivery of it fails with CoreError `duplicate`,
   * having written nothing.
   */
  async function openCaseCommand(
    input: OpenCaseInput,
    from: { inboundKey?: string } = {},
  ): Promise<CommandResult> {
    const now = clock.now();
    const draft = draftCase(config, input, now, ids);
    // Validated first: a bad request is refused the same whether or not it would be limited.
    const addTo = await caseToAddTo(cases, config, input, now);
    if (addTo) {
      const actor = { id: input.customer.id };
      return committed(
        await mutate(addTo.id, (c) => addDetails(c, actor, input.text, { fromNewRequest: true })),
      );
    }
    // An incident it joins, or a burst it makes (incident-desk.ts), written with the case.
    const incidentStep = await incidentAtIntake({ cases, incidents, config, ids }, draft, now);
    let notices: readonly Notice[] = [];
    let events: readonly CaseEvent[] = [];
    const created = await cases.createCase(
      draft,
      (numbered, queue) => {
        const change = new Change(numbered, now, ids, config);
        openCase(change, queue.ahead);
        incidentStep(change);
        notices = change.notices;
        events = change.events;
        const { expectedVersion: _v, completeTimer: _t, ...rows } = change.toCommit();
        return rows;
      },
      {
        ...(deps.sendAtOnce ? { sendAtOnce: { ...deps.sendAtOnce, now } } : {}),
        ...(from.inboundKey ? { inbound: { key: from.inboundKey, at: now } } : {}),
      },
    );
    observe({ before: null, after: created.case, events });
    return committed({ case: created.case, notices, sending: created.sending });
  }

  /**
   * A message from the customer on their case: details while it is in progress; on a resolved or
   * closed case, a reopen within the policy's `reopenWithin`, else a new case in the same
   * conversation that follows the old one (its `follows`). `case` in the result is the case the
   * words went to.
   */
  async function followUp(input: CaseRef & { text: string }): Promise<CommandResult> {
    const current = typeof input.caseId === 'string' ? await cases.getCase(input.caseId) : null;
    if (!current) throw new CoreError('not_found', 'error.not_found', { number: '?' });
    const actor = actorOf(input.actor);
    requireRole(actor.id, current, config, ['customer']);
    if (ACTIVE_STATUSES.includes(current.status)) {
      return committed(await mutate(current.id, (c) => addDetails(c, actor, input.text)));
    }
    if (reopensOnMessage(current, clock.now())) {
      return committed(await mutate(current.id, (c) => reopenOnMessage(c, actor, input.text)));
    }
    return openCaseCommand({
      workspace: current.workspace,
      audience: current.audience,
      conversation: current.conversation,
      customer: current.customer,
      text: input.text,
      topic: current.topic,
      priority: current.priority,
      follows: { caseId: current.id, number: current.number },
    });
  }

  /**
   * The auditor's repair: when the case breaks a rule of invariants.ts (checked against its timer
   * rows), it is put right (repair-promise.ts) and the broken rules are returned; else nothing is
   * written and the list is empty.
   */
  async function repair(caseId: string): Promise<CommandResult & { repaired: Violation[] }> {
    let repaired: Violation[] = [];
    const result = await mutate(caseId, async (change) => {
      repaired = repairPromise(change, await cases.listTimers(caseId));
      return repaired.length > 0;
    });
    return { ...result, repaired };
  }

  async function sweep(options: SweepOptions = {}): Promise<SweepReport> {
    const report = emptySweepReport();
    const claimed = await timers.claim({
      now: clock.now(),
      limit: options.limit ?? 200,
      leaseMs: options.leaseMs ?? 60_000,
      owner: options.owner ?? 'sweeper',
    });
    report.claimed = claimed.length;
    const counted: Record<TimerOutcome, keyof SweepReport> = {
      nudged: 'nudged',
      missed: 'missed',
      reassigned: 'reassigned',
      checked_in: 'checkedIn',
      auto_closed: 'autoClosed',
      stale: 'stale',
    };
    for (const timer of claimed) {
      let outcome: TimerOutcome = 'stale';
      try {
        await mutate(timer.caseId, async (change) => {
          outcome = await handleTimer(change, timer, experts);
        });
        report[counted[outcome]] += 1;
      } catch (e) {
        if (isCoreError(e, 'lease_lost')) report.leaseLost += 1;
        else if (isCoreError(e, 'not_found')) report.stale += 1;
        else report.failed += 1;
      }
    }
    return report;
  }

  /**
   * A staff member goes away (until `until`, read by parseAwayUntil in their zone, or until they
   * are back): assignments skip them from now on. Returns the open cases they hold, oldest first,
   * so they can be offered to hand them over (handOver).
   */
  async function goAway(input: { actor: Actor; until?: unknown }): Promise<AwayResult> {
    const now = clock.now();
    const person = requireStaffMember(config, actorOf(input.actor).id);
    const until = parseAwayUntil(input.until, person, now);
    await away.setAway({ personId: person.id, since: now, until });
    const held = await cases.listCases({ ownerId: person.id, statuses: ACTIVE_STATUSES, limit: HELD_LIMIT });
    return { until, held };
  }

  /** The staff member is back: assignments count them again. `wasAway` false: they were not away. */
  async function comeBack(input: { actor: Actor }): Promise<{ wasAway: boolean }> {
    const person = requireStaffMember(config, actorOf(input.actor).id);
    return { wasAway: await away.clearAway(person.id, clock.now()) };
  }

  const withCase =
    <I extends CaseRef>(fn: (change: Change, input: I) => void | Promise<void>) =>
    async (input: I): Promise<CommandResult> =>
      committed(
        await mutate(input.caseId, (change) => fn(change, { ...input, actor: actorOf(input.actor) })),
      );

  const incidentDesk = incidentCommands({
    cases,
    incidents,
    clock,
    ids,
    config,
    mutate: async (caseId, apply) => committed(await mutate(caseId, apply)),
  });

  return {
    config,
    openCase: openCaseCommand,
    addDetails: withCase<CaseRef & { text: string }>((c, i) => addDetails(c, i.actor, i.text)),
    followUp,
    claim: withCase<CaseRef>((c, i) => claimCase(c, i.actor)),
    answer: withCase<CaseRef & { text: string; reusable?: boolean; fromAnswer?: string }>((c, i) =>
      answerCase(c, i.actor, i.text, i.reusable, i.fromAnswer),
    ),
    askCustomer: withCase<CaseRef & { text: string }>((c, i) => askCustomer(c, i.actor, i.text)),
    addNote: withCase<CaseRef & { text: string }>((c, i) => addNote(c, i.actor, i.text)),
    /** `fromAnswer`: the customer's "This solved it" under a suggested answer bank entry. */
    resolve: withCase<CaseRef & { summary?: string; fromAnswer?: string }>((c, i) =>
      resolveCase(c, i.actor, i.summary, i.fromAnswer),
    ),
    close: withCase<CaseRef>((c, i) => closeCase(c, i.actor)),
    confirm: withCase<CaseRef>((c, i) => confirmResolution(c, i.actor)),
    reopen: withCase<CaseRef & { text?: string }>((c, i) => reopenCase(c, i.actor, i.text)),
    rate: withCase<CaseRef & { score: number; comment?: string }>((c, i) =>
      rateCase(c, i.actor, i.score, i.comment),
    ),
    escalate: withCase<CaseRef & { topic?: string }>((c, i) => escalateCase(c, experts, i.actor, i.topic)),
    accept: withCase<CaseRef & { callbackBy?: Date }>((c, i) => acceptCase(c, i.actor, i.callbackBy)),
    cannotResolve: withCase<CaseRef & { reason: string }>((c, i) => cannotResolve(c, i.actor, i.reason)),
    reassign: withCase<CaseRef & { to?: string }>((c, i) => reassignCase(c, experts, i.actor, i.to)),
    askSupervisor: withCase<CaseRef & { reason?: string }>((c, i) => askSupervisor(c, i.actor, i.reason)),
    approve: withCase<CaseRef & { approvalId: string; apology: string; plan: string }>((c, i) =>
      approveEscalation(c, i.actor, i.approvalId, i.apology, i.plan),
    ),
    decline: withCase<CaseRef & { approvalId: string; reason: string }>((c, i) =>
      declineEscalation(c, i.actor, i.approvalId, i.reason),
    ),
    recordOutside: withCase<CaseRef & { channel: string; note?: string }>((c, i) =>
      recordOutside(c, i.actor, i.channel, i.note ?? ''),
    ),
    /** Ask a colleague (ask-colleague.ts): the holder or a supervisor asks a staff member privately. */
    askColleague: withCase<CaseRef & { colleagueId: string; question: string }>((c, i) =>
      askColleague(c, away, i.actor, i.colleagueId, i.question),
    ),
    /** The colleague asked answers the holder (an internal note). */
    answerColleague: withCase<CaseRef & { text: string }>((c, i) => answerColleague(c, i.actor, i.text)),
    /** The colleague asked takes the case ("Take this case"). */
    takeFromColleague: async (input: CaseRef): Promise<CommandResult> =>
      committed(await mutate(input.caseId, (c) => takeFromColleague(c, actorOf(input.actor)))),
    /** Level 4: a supervisor writes the recovery the customer is owed (recovery.ts). */
    writeRecovery: withCase<CaseRef & { text: string }>((c, i) => writeRecovery(c, i.actor, i.text)),
    goAway,
    comeBack,
    /** The holder going away hands a case over (hand-over.ts): to another expert, or a supervisor. */
    handOver: withCase<CaseRef>((c, i) => handOverCase(c, experts, i.actor)),
    /** The abuse shield (abuse-actions.ts): the ready reply, and the supervisors' two answers. */
    sendAbuseReply: withCase<CaseRef>((c, i) => sendAbuseReply(c, i.actor)),
    takeOverAbusive: withCase<CaseRef>((c, i) => takeOverAbusive(c, i.actor)),
    standWithHolder: withCase<CaseRef>((c, i) => standWithHolder(c, i.actor)),
    /** "This one is heavy" (heavy.ts): any staff member on the team; the supervisors are told. */
    markHeavy: withCase<CaseRef & { note?: string }>((c, i) => markHeavy(c, i.actor, i.note)),
    /** A supervisor joins the holder of a heavy case (the supervisors' Pair up). */
    pairUp: withCase<CaseRef>((c, i) => pairUp(c, i.actor)),
    /** A supervisor takes the case from its holder (the supervisors' Take over). */
    takeOver: withCase<CaseRef>((c, i) => takeOver(c, i.actor)),
    ...incidentDesk,
    sweep,
    repair,
    getCase: (id: string) => cases.getCase(id),
    /** The newest case raised in this conversation, if any. */
    findCaseByConversation: (conversation: string) => cases.findCaseByConversation(conversation),
    listCases: (query: CaseQuery) => cases.listCases(query),
    /** Whether the person said they are away (`/support away`) and still is. */
    awayNow: async (personId: string): Promise<boolean> =>
      (await away.listAway(clock.now())).some((entry) => entry.personId === personId),
    /**
     * The customer's own cases still in progress, oldest first (for `/support status`): at most
     * `limit` of them, and whether there are more.
     */
    openCasesOf: async (customerId: string, limit: number): Promise<{ cases: Case[]; more: boolean }> => {
      const found = await cases.listCases({ customerId, statuses: ACTIVE_STATUSES, limit: limit + 1 });
      return { cases: found.slice(0, limit), more: found.length > limit };
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
