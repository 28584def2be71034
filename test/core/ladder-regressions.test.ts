// Named regressions: each class of broken promise found by the property run (issue 11), as the
// shortest step list that broke it, run through every rule (runSteps) and then checked for the rule
// chosen in its place (README, "Promises").
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import { caseWindows, readCase } from '../../src/core/reports/index.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { runSteps, type Setup, type Step } from '../support/ladder-model.ts';

const always: Setup = { policy: 'always' };
const open = (
  who: 'egle' | 'paul' | 'jonas' = 'egle',
  topic: 'good' | 'past' | 'proto' | 'late' = 'good',
): Step => ({
  t: 'open',
  who,
  text: 'good',
  topic,
  priority: 'low',
});
const cmd = (
  c: Extract<Step, { t: 'cmd' }>['cmd'],
  by: Extract<Step, { t: 'cmd' }>['by'] = 'fit',
  arg: Extract<Step, { t: 'cmd' }>['arg'] = 'good',
): Step => ({
  t: 'cmd',
  cmd: c,
  on: 0,
  by,
  arg,
  arg2: 'good',
});
const wait = (minutes: number): Step => ({ t: 'wait', minutes });

async function run(steps: Step[], setup: Setup = always): Promise<{ c: Case; events: string[] }> {
  const store = createMemoryStore();
  const { cases } = await runSteps(store, setup, steps);
  const c = (await store.cases.getCase(cases[0]!.id))!;
  return { c, events: (await store.inspect.listEvents(c.id)).map((e) => e.type) };
}

describe('regressions: promises that could disappear', () => {
  it('an answer while a decision is pending keeps the decision window and the pending approval', async () => {
    // First response missed at 60 min: a supervisor is asked; then a staff answer arrives.
    const { c } = await run([open(), wait(900), cmd('answer', 'fit', 'other')]);
    expect(c.status).toBe('awaiting_approval');
    expect(c.approval?.status).toBe('pending');
    expect(c.window).toMatchObject({ kind: 'approval', paused: null });
  });

  it('a question while a decision is pending does not pause the decision window', async () => {
    const { c } = await run([open(), cmd('askSupervisor'), cmd('askCustomer', 'rasa')]);
    expect(c.status).toBe('awaiting_approval');
    expect(c.window).toMatchObject({ kind: 'approval', paused: null });
    expect(c.waiting).toBeNull();
  });

  it('the customer’s reply always resumes a paused window', async () => {
    const { c } = await run([open(), cmd('claim'), cmd('askCustomer'), wait(30), cmd('addDetails')]);
    expect(c.status).toBe('open');
    expect(c.window).toMatchObject({ kind: 'callback', holder: 'tom', paused: null });
    expect(c.waiting).toBeNull();
  });

  it('a supervisor’s reassign decides the pending approval (declined: reassigned)', async () => {
    const { c, events } = await run([open(), wait(900), cmd('reassign')]);
    expect(c.approval).toMatchObject({ status: 'declined', declineReason: 'reassigned', decidedBy: 'marie' });
    expect(c.status).toBe('waiting_on_expert');
    expect(events).toContain('escalation_declined');
  });

  it('an expert cannot reassign while a decision is pending: nothing is written', async () => {
    const { c } = await run([open(), cmd('escalate'), cmd('askSupervisor'), cmd('reassign', 'jonas')]);
    expect(c.approval?.status).toBe('pending');
    expect(c.expertId).toBe('jonas');
  });

  it('level 4 is kept when a supervisor reassigns the case to an expert', async () => {
    const { c } = await run([open(), cmd('recordOutside'), cmd('askSupervisor'), cmd('reassign')]);
    expect(c.level).toBe(4);
    expect(c.status).toBe('waiting_on_expert');
  });

  it('level 4 is kept when an earlier escalation is declined', async () => {
    const { c } = await run([open(), cmd('askSupervisor'), cmd('recordOutside', 'rasa'), cmd('decline')]);
    expect(c.level).toBe(4);
    expect(c.approval?.status).toBe('declined');
    expect(c.window?.paused).toBeNull();
  });

  it('a recovery due with the case’s own window: one sweep handles both, no lease lost', async () => {
    // Shrunk from the property run: the case's missed window replaced its timers, and cancelled
    // the recovery's claimed in the same sweep (lease lost). The recovery's timers now stay.
    const { c, events } = await run([
      open(),
      cmd('recordOutside', 'rasa'),
      wait(900),
      cmd('addDetails'),
      wait(900),
    ]);
    expect(c.recovery).toMatchObject({ sent: null, misses: 2 });
    expect(events.filter((e) => e === 'recovery_missed')).toHaveLength(2);
  });

  it('a level-3 case routed to an expert stays at level 3', async () => {
    const { c } = await run([open(), cmd('askSupervisor'), cmd('approve'), cmd('escalate')]);
    expect(c.level).toBe(3);
    expect(c.status).toBe('waiting_on_expert');
  });

  it('topic ids that name JavaScript properties are unknown topics (CoreError), not a TypeError', async () => {
    for (const topic of ['past', 'proto', 'late'] as const) {
      // toString, __proto__, constructor: the case is refused kindly; a second, good one opens.
      const store = createMemoryStore();
      const { cases } = await runSteps(store, always, [open('egle', topic), open()]);
      expect(cases).toHaveLength(1);
    }
    const { c, events } = await run([
      open(),
      cmd('escalate', 'fit', 'proto'),
      cmd('escalate', 'fit', 'late'),
    ]);
    expect(c.topic).toBe('billing');
    expect(events).not.toContain('topic_changed');
  });

  it('accept with an invalid date is refused as invalid input before anything is recorded', async () => {
    const { c, events } = await run([
      open(),
      cmd('escalate', 'rasa'),
      cmd('accept', 'fit', 'nan'),
      cmd('accept', 'fit', 'odd'),
    ]);
    expect(events).not.toContain('accepted');
    expect(c.window).toMatchObject({ kind: 'callback', holder: c.expertId });
  });

  it('a supervisor cannot approve the escalation of a case they opened for themselves', async () => {
    const { c } = await run([open('paul'), cmd('askSupervisor'), cmd('approve', 'customer')]);
    expect(c.approval?.status).toBe('pending');
    const other = await run([open('paul'), cmd('askSupervisor'), cmd('approve', 'marie')]);
    expect(other.c.approval).toMatchObject({ status: 'approved', decidedBy: 'marie' });
  });

  it('an expert is never assigned their own request', async () => {
    const { c } = await run([open('jonas'), cmd('escalate', 'rasa')]);
    expect(c.expertId).toBe('aiste');
  });

  it('a second request for a supervisor while one is pending is refused and writes nothing', async () => {
    const { c, events } = await run([open(), cmd('askSupervisor'), cmd('askSupervisor', 'rasa')]);
    expect(events.filter((e) => e === 'supervisor_requested')).toHaveLength(1);
    expect(c.approval?.requestedBy).toBe('slack:T1:U100');
  });

  it('a supervisor who takes over an expert’s case holds its running promise, in the trail too (replay run)', async () => {
    const store = createMemoryStore();
    const steps = [open(), cmd('escalate'), cmd('addDetails', 'rasa'), cmd('takeOver'), wait(900)];
    const { cases } = await runSteps(store, always, steps.slice(0, 4));
    const c = (await store.cases.getCase(cases[0]!.id))!;
    const events = await store.inspect.listEvents(c.id);
    expect(c.ownerId).toBe('marie');
    expect(c.window?.holder).toBe('marie');
    const running = caseWindows(readCase({ case: c, events })).at(-1);
    expect({ kind: running?.kind, holder: running?.holder, end: running?.end }).toEqual({
      kind: 'callback',
      holder: 'marie',
      end: null,
    });
    await run(steps);
  });
});

describe('regressions: the abuse shield', () => {
  it('a supervisor’s Take over moves the running window’s holder in the trail’s replay too', async () => {
    // Found by the replay property (test/core/reports/replay-matches-core.test.ts): the first step's
    // good text is abusive ("words 0, you idiot"), and Take over changed the holder only in the core.
    const store = createMemoryStore();
    const { cases } = await runSteps(store, always, [open(), cmd('takeOverAbusive')]);
    const c = (await store.cases.getCase(cases[0]!.id))!;
    expect(c).toMatchObject({ ownerId: 'marie', status: 'open', level: 1 });
    expect(c.window).toMatchObject({ kind: 'first_response', holder: 'marie' });
    const events = await store.inspect.listEvents(c.id);
    expect(events.map((e) => e.type)).toEqual(['case_opened', 'abusive_message', 'abuse_taken_over']);
    const running = caseWindows(readCase({ case: c, events })).at(-1);
    expect(running).toMatchObject({ kind: 'first_response', holder: 'marie', end: null });
  });
});
