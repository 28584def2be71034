// Random command sequences over the desk, by every role, and the checks run after every step
// (the rules of src/core/invariants.ts plus the desk's own: a refused command writes nothing, only
// CoreError leaves the desk, no internal note reaches a customer). Steps are plain data, so a
// shrunk counterexample prints as a list that can be pasted into a named regression test.
import fc from 'fast-check';
import { type CommandResult, createDesk, type Desk } from '../../src/core/desk.ts';
import { isCoreError } from '../../src/core/errors.ts';
import { colleagueViolations, promiseViolations, stepViolations } from '../../src/core/invariants.ts';
import type { Case, CaseEvent, Customer, DeskConfig, Priority } from '../../src/core/model.ts';
import type { CaseRepository } from '../../src/core/ports.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { deskConfig } from './desk-fixture.ts';
import { FakeClock, SequentialIds } from './fake-clock.ts';

const CUSTOMERS = {
  egle: { id: 'slack:T1:U100', name: 'Eglė', locale: 'en', timeZone: 'Europe/Vilnius' },
  noah: { id: 'slack:T1:U200', name: 'Noah', locale: 'fr', timeZone: 'Europe/Paris' },
  // Staff raising a request of their own: a supervisor, and an expert of the topic.
  paul: { id: 'paul', name: 'Paul Martin', locale: 'en', timeZone: 'Europe/Vilnius' },
  jonas: { id: 'jonas', name: 'Jonas Petraitis', locale: 'lt', timeZone: 'Europe/Vilnius' },
} as const satisfies Record<string, Customer>;
type CustomerName = keyof typeof CUSTOMERS;

/**
 * Who acts: `fit`, the person the command is for (the customer for their actions, the holder, the
 * case's expert, a supervisor...), or anyone: directory people, the case's own customer, another
 * customer, or nobody known.
 */
const ACTORS = ['rasa', 'tom', 'jonas', 'aiste', 'paul', 'marie', 'customer', 'other', 'stranger'] as const;
type ActorName = (typeof ACTORS)[number] | 'fit';

const COMMANDS = [
  'addDetails',
  'followUp',
  'claim',
  'answer',
  'askCustomer',
  'addNote',
  'resolve',
  'close',
  'confirm',
  'reopen',
  'rate',
  'escalate',
  'accept',
  'cannotResolve',
  'reassign',
  'askSupervisor',
  'approve',
  'decline',
  'recordOutside',
  'writeRecovery',
  'declareIncident',
  'postIncidentUpdate',
  'resolveIncident',
  'askColleague',
  'answerColleague',
  'takeFromColleague',
  'sendAbuseReply',
  'takeOverAbusive',
  'standWithHolder',
  'markHeavy',
  'pairUp',
  'takeOver',
] as const;
type CommandName = (typeof COMMANDS)[number];

/** An argument: a good value, an empty or wrong one, or one of another type. */
type Arg = 'good' | 'empty' | 'odd' | 'proto' | 'other' | 'late' | 'past' | 'nan';
const ARGS: readonly Arg[] = ['empty', 'odd', 'proto', 'other', 'late', 'past', 'nan'];
const argArb: fc.Arbitrary<Arg> = fc.oneof(
  { weight: 7, arbitrary: fc.constant('good' as const) },
  { weight: 3, arbitrary: fc.constantFrom(...ARGS) },
);
const actorArb: fc.Arbitrary<ActorName> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('fit' as const) },
  { weight: 4, arbitrary: fc.constantFrom(...ACTORS) },
);

export type Step =
  | { t: 'open'; who: CustomerName; text: Arg; topic: Arg; priority: Priority }
  | { t: 'cmd'; cmd: CommandName; on: number; by: ActorName; arg: Arg; arg2: Arg }
  | { t: 'wait'; minutes: number }
  | { t: 'audit' };

export interface Setup {
  /** Variants of the organisation's policy, so each rule is met with different numbers. */
  policy: 'always' | 'business' | 'reassign';
}

export const setupArb: fc.Arbitrary<Setup> = fc.record({
  policy: fc.constantFrom('always', 'business', 'reassign'),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('open' as const),
      who: fc.constantFrom(...(Object.keys(CUSTOMERS) as CustomerName[])),
      text: argArb,
      topic: argArb,
      priority: fc.constantFrom<Priority>('low', 'normal', 'high', 'urgent'),
    }),
  },
  {
    weight: 12,
    arbitrary: fc.record({
      t: fc.constant('cmd' as const),
      cmd: fc.constantFrom(...COMMANDS),
      on: fc.nat(3),
      by: actorArb,
      arg: argArb,
      arg2: argArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('wait' as const),
      minutes: fc.oneof(
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 90, max: 900 }),
        fc.integer({ min: 900, max: 12_000 }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'audit' as const }) },
);

export const stepsArb = (min = 5, max = 40): fc.Arbitrary<Step[]> =>
  fc.array(stepArb, { minLength: min, maxLength: max });

function configFor(setup: Setup): DeskConfig {
  switch (setup.policy) {
    case 'always':
      return deskConfig();
    case 'business':
      return deskConfig({
        policy: {
          clock: 'business',
          missesBeforeSupervisor: 2,
          customerReminderAfterMinutes: 240,
          autoCloseAfterMinutes: 960,
          reopenWithinMinutes: 600,
        },
      });
    case 'reassign':
      return deskConfig({
        policy: {
          missesBeforeSupervisor: 2,
          reassignAfterMisses: 1,
          reopenWithinMinutes: 180,
          customerReminderAfterMinutes: 120,
          autoCloseAfterMinutes: 300,
        },
      });
  }
}

/** Thrown when a step breaks a rule: what broke, and the step. */
export class RuleBroken extends Error {}

/**
 * Runs `steps` on a fresh desk over `store`, checking every rule after every step. Throws
 * RuleBroken (or the unexpected error) at the first step that breaks one.
 */
export async function runSteps(
  store: InspectableStore,
  setup: Setup,
  steps: readonly Step[],
): Promise<{ desk: Desk; clock: FakeClock; cases: Case[] }> {
  const clock = new FakeClock('2026-11-23T08:00:00Z');
  const config = configFor(setup);
  let writes = 0;
  const counted: CaseRepository = {
    ...store.cases,
    createCase: async (...a) => {
      const r = await store.cases.createCase(...a);
      writes++;
      return r;
    },
    commit: async (change) => {
      await store.cases.commit(change);
      writes++;
    },
  };
  const desk = createDesk({
    store: { cases: counted, timers: store.timers, incidents: store.incidents, away: store.away },
    clock,
    ids: new SequentialIds(),
    config,
  });
  const cases: Case[] = [];
  const notes: string[] = [];
  let before = await snapshot(store, cases);

  for (const [index, step] of steps.entries()) {
    const where = `step ${index} ${JSON.stringify(step)}`;
    const writesBefore = writes;
    let refused = false;
    try {
      refused = await apply(desk, clock, cases, notes, step, index);
    } catch (e) {
      if (!isCoreError(e))
        throw new RuleBroken(`${where}: a ${(e as Error)?.name} left the desk: ${(e as Error)?.message}`);
      refused = true;
    }
    if (refused && writes !== writesBefore)
      throw new RuleBroken(`${where}: refused, but wrote ${writes - writesBefore} times`);
    const after = await snapshot(store, cases);
    for (const c of cases) {
      const now = after.get(c.id)!;
      const was = before.get(c.id);
      const broken = promiseViolations(now.case, now.timers).map((v) => `${v.rule}: ${v.detail}`);
      if (was) {
        const reopened = now.events.slice(was.events.length).some((e) => e.type === 'reopened');
        broken.push(...stepViolations(was, now, reopened).map((v) => `${v.rule}: ${v.detail}`));
      }
      // Nobody decides their own escalation or is the expert on their own request.
      const { approval, customer } = now.case;
      if (approval?.decidedBy === customer.id && approval.status === 'approved')
        broken.push('own_decision: the customer approved their own escalation');
      if (now.case.expertId === customer.id) broken.push('own_expert: the customer is the expert');
      broken.push(...colleagueViolations(now.case, config).map((v) => `${v.rule}: ${v.detail}`));
      if (broken.length > 0)
        throw new RuleBroken(
          `${where}: case #${now.case.number} (${now.case.status}, level ${now.case.level}) ${broken.join('; ')}`,
        );
    }
    const leaked = (await store.inspect.listOutbox({})).find(
      (n) =>
        n.recipient.kind === 'customer' &&
        Object.values(n.params).some((v) => notes.some((note) => String(v).includes(note))),
    );
    if (leaked) throw new RuleBroken(`${where}: an internal note reached the customer in ${leaked.key}`);
    before = after;
  }
  return { desk, clock, cases };
}

interface Seen {
  case: Case;
  events: CaseEvent[];
  timers: Awaited<ReturnType<CaseRepository['listTimers']>>;
}

async function snapshot(store: InspectableStore, cases: readonly Case[]): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  for (const { id } of cases) {
    const c = await store.cases.getCase(id);
    if (!c) throw new RuleBroken(`case ${id} disappeared`);
    seen.set(id, {
      case: c,
      events: await store.inspect.listEvents(id),
      timers: await store.cases.listTimers(id),
    });
  }
  return seen;
}

/** Applies one step; true when the desk refused it without throwing (it never should). */
async function apply(
  desk: Desk,
  clock: FakeClock,
  cases: Case[],
  notes: string[],
  step: Step,
  index: number,
): Promise<boolean> {
  switch (step.t) {
    case 'open': {
      const customer = CUSTOMERS[step.who];
      const { case: c } = await desk.openCase({
        workspace: 'acme',
        audience: 'internal',
        conversation: `slack:T1:D1:${index}`,
        customer,
        text: text(step.text, index) as string,
        ...(step.topic === 'good'
          ? { topic: 'billing' }
          : step.topic === 'other'
            ? {}
            : { topic: topicArg(step.topic) as string }),
        priority: step.priority,
      });
      cases.push(c);
      return false;
    }
    case 'wait': {
      clock.advanceMinutes(step.minutes);
      for (let round = 0; round < 20; round++) {
        const report = await desk.sweep({ limit: 50 });
        if (report.failed > 0 || report.leaseLost > 0)
          throw new RuleBroken(`a sweep failed: ${JSON.stringify(report)}`);
        if (report.claimed === 0) return false;
      }
      throw new RuleBroken('sweeps never ran dry');
    }
    case 'audit': {
      for (const c of cases) {
        const { repaired } = await desk.repair(c.id);
        if (repaired.length > 0)
          throw new RuleBroken(`the auditor repaired a healthy case: ${JSON.stringify(repaired)}`);
      }
      return false;
    }
    case 'cmd':
      return command(desk, clock, cases, notes, step, index);
  }
}

async function command(
  desk: Desk,
  clock: FakeClock,
  cases: Case[],
  notes: string[],
  step: Extract<Step, { t: 'cmd' }>,
  index: number,
): Promise<boolean> {
  // Mostly the newest cases: `on` counts back from the last one opened.
  const target = cases.length === 0 ? undefined : cases[cases.length - 1 - (step.on % cases.length)];
  const current = target ? await desk.getCase(target.id) : null;
  const caseId = current?.id ?? 'no-such-case';
  const actor = { id: actorId(step.by === 'fit' ? fitFor(step.cmd, current) : step.by, current) };
  const words = text(step.arg, index) as string;
  const { arg, arg2 } = step;
  const approvalId =
    arg === 'good' ? (current?.approval?.id ?? 'none') : arg === 'proto' ? '__proto__' : 'ap-wrong';
  switch (step.cmd) {
    case 'addDetails':
      return (void (await desk.addDetails({ caseId, actor, text: words })), false);
    case 'followUp': {
      const r = await desk.followUp({ caseId, actor, text: words });
      if (!cases.some((c) => c.id === r.case.id)) cases.push(r.case);
      return false;
    }
    case 'claim':
      return (void (await desk.claim({ caseId, actor })), false);
    case 'answer':
      return (void (await desk.answer({ caseId, actor, text: words })), false);
    case 'askCustomer':
      return (void (await desk.askCustomer({ caseId, actor, text: words })), false);
    case 'addNote': {
      const note = `NOTE-${index}`;
      notes.push(note);
      return (
        void (await desk.addNote({ caseId, actor, text: arg === 'good' ? `${note} internal` : words })),
        false
      );
    }
    case 'resolve':
      return (void (await desk.resolve({ caseId, actor, summary: words })), false);
    case 'close':
      return (void (await desk.close({ caseId, actor })), false);
    case 'confirm':
      return (void (await desk.confirm({ caseId, actor })), false);
    case 'reopen':
      return (void (await desk.reopen({ caseId, actor, text: words })), false);
    case 'rate': {
      const score = { good: 5, empty: 0, odd: '4', proto: 2.5, other: 1, late: 6, past: -1, nan: Number.NaN }[
        arg
      ];
      return (
        void (await desk.rate({
          caseId,
          actor,
          score: score as number,
          comment: text(arg2, index) as string,
        })),
        false
      );
    }
    case 'escalate':
      return (
        void (await desk.escalate({
          caseId,
          actor,
          ...(arg === 'empty' ? {} : { topic: topicArg(arg) as string }),
        })),
        false
      );
    case 'accept':
      return (
        void (await desk.accept({
          caseId,
          actor,
          ...(arg === 'empty' ? {} : { callbackBy: instant(arg, clock) as Date }),
        })),
        false
      );
    case 'cannotResolve':
      return (void (await desk.cannotResolve({ caseId, actor, reason: words })), false);
    case 'reassign': {
      const to = {
        good: 'aiste',
        empty: undefined,
        odd: 42,
        proto: '__proto__',
        other: 'jonas',
        late: 'paul',
        past: 'rasa',
        nan: 'constructor',
      }[arg];
      return (
        void (await desk.reassign({ caseId, actor, ...(to === undefined ? {} : { to: to as string }) })),
        false
      );
    }
    case 'askSupervisor':
      return (void (await desk.askSupervisor({ caseId, actor, reason: words })), false);
    case 'approve':
      return (
        void (await desk.approve({
          caseId,
          actor,
          approvalId,
          apology: text(arg2, index) as string,
          plan: text(arg2 === 'empty' ? 'good' : arg2, index) as string,
        })),
        false
      );
    case 'decline':
      return (
        void (await desk.decline({ caseId, actor, approvalId, reason: text(arg2, index) as string })),
        false
      );
    case 'recordOutside':
      return (
        void (await desk.recordOutside({ caseId, actor, channel: words, note: text(arg2, index) as string })),
        false
      );
    // Ask a colleague: the question and the answer are internal notes, and neither moves the
    // case's promise (status, level, holder, window) nor tells the customer anything.
    case 'askColleague': {
      const holder = current?.ownerId ?? 'rasa';
      const colleagueId = {
        good: holder === 'tom' ? 'aiste' : 'tom',
        empty: '',
        odd: 42,
        proto: '__proto__',
        other: current?.customer.id ?? 'tom',
        late: holder,
        past: 'slack:T1:U999',
        nan: null,
      }[arg];
      const note = `ASK-${index}`;
      notes.push(note);
      const question = arg2 === 'good' ? `${note} question` : text(arg2, index);
      const r = await desk.askColleague({
        caseId,
        actor,
        colleagueId: colleagueId as string,
        question: question as string,
      });
      return quiet(current, r, step.cmd);
    }
    case 'answerColleague': {
      const note = `ANSWER-${index}`;
      notes.push(note);
      const r = await desk.answerColleague({
        caseId,
        actor,
        text: arg === 'good' ? `${note} answer` : words,
      });
      return quiet(current, r, step.cmd);
    }
    case 'takeFromColleague':
      return (void (await desk.takeFromColleague({ caseId, actor })), false);
    case 'writeRecovery':
      return (void (await desk.writeRecovery({ caseId, actor, text: words })), false);
    // Incidents: declared from the case (its alike cases linked), updated and resolved by its id.
    case 'declareIncident': {
      const wrong = arg2 === 'good' ? {} : { incidentId: arg2 === 'proto' ? '__proto__' : 'inc-wrong' };
      const r = await desk.declareIncident({
        caseId,
        actor,
        title: words,
        ...(arg2 === 'empty' ? {} : wrong),
      });
      for (const linked of r.changed)
        if (!cases.some((c) => c.id === linked.case.id)) cases.push(linked.case);
      return false;
    }
    case 'postIncidentUpdate':
      return (
        void (await desk.postIncidentUpdate({ incidentId: incidentOf(current, arg2), actor, text: words })),
        false
      );
    case 'resolveIncident':
      return (
        void (await desk.resolveIncident({ incidentId: incidentOf(current, arg2), actor, summary: words })),
        false
      );
    case 'sendAbuseReply':
      return (void (await desk.sendAbuseReply({ caseId, actor })), false);
    case 'takeOverAbusive':
      return (void (await desk.takeOverAbusive({ caseId, actor })), false);
    case 'standWithHolder':
      return (void (await desk.standWithHolder({ caseId, actor })), false);
    // Heavy cases: the note is the supervisors' only, so it counts as internal (never to the customer).
    case 'markHeavy': {
      const note = `NOTE-${index}`;
      notes.push(note);
      return (
        void (await desk.markHeavy({
          caseId,
          actor,
          ...(arg === 'empty' ? {} : { note: arg === 'good' ? `${note} heavy` : (words as string) }),
        })),
        false
      );
    }
    case 'pairUp':
      return (void (await desk.pairUp({ caseId, actor })), false);
    case 'takeOver':
      return (void (await desk.takeOver({ caseId, actor })), false);
  }
}

/** Asking or answering a colleague left the promise as it was and told the customer nothing. */
function quiet(before: Case | null, r: CommandResult, cmd: CommandName): false {
  const promise = (c: Case) =>
    JSON.stringify([
      c.status,
      c.level,
      c.ownerId,
      c.window?.id,
      c.window?.dueAt,
      c.window?.paused,
      c.waiting,
    ]);
  if (before && promise(before) !== promise(r.case))
    throw new RuleBroken(`${cmd} moved the promise: ${promise(before)} -> ${promise(r.case)}`);
  if (r.notices.some((n) => n.recipient.kind === 'customer'))
    throw new RuleBroken(`${cmd} told the customer something`);
  return false;
}

/** The case's incident, or a wrong id. */
const incidentOf = (c: Case | null, arg: Arg): string =>
  arg === 'good' ? (c?.incident?.id ?? 'none') : arg === 'proto' ? '__proto__' : 'inc-wrong';

/** The person a command is meant for, on the case as it is. */
function fitFor(cmd: CommandName, c: Case | null): Exclude<ActorName, 'fit'> {
  const holder = (c?.ownerId ?? 'rasa') as Exclude<ActorName, 'fit'>;
  const expert = (c?.expertId ?? 'jonas') as Exclude<ActorName, 'fit'>;
  switch (cmd) {
    case 'addDetails':
    case 'followUp':
    case 'confirm':
    case 'rate':
    case 'reopen':
    case 'askSupervisor':
    case 'close':
      return 'customer';
    case 'claim':
      return c?.ownerId === null ? 'tom' : 'marie';
    case 'answer':
    case 'askCustomer':
    case 'addNote':
    case 'resolve':
    case 'sendAbuseReply':
      return ACTORS.includes(holder as never) ? holder : 'rasa';
    case 'escalate':
      return (c?.level ?? 1) >= 3 ? 'marie' : 'rasa';
    case 'declareIncident':
    case 'postIncidentUpdate':
    case 'resolveIncident':
      return 'marie';
    case 'accept':
    case 'cannotResolve':
      return ACTORS.includes(expert as never) ? expert : 'jonas';
    case 'reassign':
      return c?.approval?.status === 'pending'
        ? 'marie'
        : ACTORS.includes(expert as never)
          ? expert
          : 'marie';
    case 'approve':
    case 'decline':
    case 'recordOutside':
    case 'takeOverAbusive':
    case 'standWithHolder':
    case 'writeRecovery':
      return 'marie';
    case 'askColleague':
      return c?.ownerId && ACTORS.includes(holder as never) ? holder : 'marie';
    case 'answerColleague':
    case 'takeFromColleague': {
      const asked = c?.colleagues[0];
      return asked && ACTORS.includes(asked as never) ? (asked as Exclude<ActorName, 'fit'>) : 'tom';
    }
    case 'pairUp':
    case 'takeOver':
      return 'marie';
    case 'markHeavy':
      return ACTORS.includes(holder as never) ? holder : 'rasa';
  }
}

function actorId(by: Exclude<ActorName, 'fit'>, c: Case | null): string {
  if (by === 'customer') return c?.customer.id ?? CUSTOMERS.egle.id;
  if (by === 'other') return c?.customer.id === CUSTOMERS.noah.id ? CUSTOMERS.egle.id : CUSTOMERS.noah.id;
  if (by === 'stranger') return 'slack:T1:U999';
  return by;
}

const text = (arg: Arg, index: number): unknown =>
  ({
    // Every third good text is abusive, so the abuse shield's steps meet cases that had abuse.
    good: index % 3 === 0 ? `words ${index}, you idiot` : `words ${index}`,
    empty: '',
    odd: 42,
    proto: '   ',
    other: 'Please escalate to your manager',
    late: 'x'.repeat(3000),
    past: '__proto__',
    nan: null,
  })[arg];

const topicArg = (arg: Arg): unknown =>
  ({
    good: 'billing',
    empty: '',
    odd: 42,
    proto: '__proto__',
    other: 'general',
    late: 'constructor',
    past: 'toString',
    nan: 'hasOwnProperty',
  })[arg];

function instant(arg: Arg, clock: FakeClock): unknown {
  const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000);
  return {
    good: at(300),
    empty: undefined,
    odd: 'tomorrow',
    proto: at(30),
    other: at(470),
    late: at(50_000),
    past: at(-10),
    nan: new Date(Number.NaN),
  }[arg];
}

/**
 * The shortest list found by removing steps one at a time from a failing `steps` while it still
 * fails the same way (the first line of the message names the rule); for the failure report.
 */
export async function minimize(
  open: () => InspectableStore,
  setup: Setup,
  steps: readonly Step[],
): Promise<Step[]> {
  const failure = async (list: readonly Step[]): Promise<string | null> => {
    try {
      await runSteps(open(), setup, list);
      return null;
    } catch (e) {
      return ruleOf(e);
    }
  };
  const wanted = await failure(steps);
  let current = [...steps];
  for (let i = current.length - 1; i >= 0; i--) {
    const shorter = [...current.slice(0, i), ...current.slice(i + 1)];
    if (wanted !== null && (await failure(shorter)) === wanted) current = shorter;
  }
  return current;
}

/** What broke, without the step that broke it (steps shift as others are removed). */
const ruleOf = (e: unknown): string =>
  String((e as Error)?.message ?? e)
    .replace(/^step \d+ \{[^}]*\}: /, '')
    .replace(/#\d+/g, '#');
