// Nobody waits in silence, and no promise disappears: the customer's wait (check-in, automatic
// close), a follow-up message reopening a finished case or opening a linked one, the automatic
// reassignment after missed windows, and the auditor repairing a case broken on purpose in the
// store. Run on every store from describeLadder.
import { describe, expect, it } from 'vitest';
import { promiseViolations } from '../../src/core/invariants.ts';
import type { Case } from '../../src/core/model.ts';
import { auditOnce } from '../../src/jobs/auditor.ts';
import { memoryLogger } from '../../src/log.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { as, type Harness, type harness, MIN } from '../support/desk-harness.ts';

const T0 = new Date('2026-11-23T08:00:00Z'); // Monday 10:00 in Vilnius
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN).toISOString();
const HOUR = 60;

/** Writes `c` as the next version of itself with every timer of the case cancelled: a promise broken in the store. */
async function breakInStore(h: Harness, c: Case): Promise<void> {
  const stored = (await h.desk.getCase(c.id))!;
  await h.store.cases.commit({
    case: { ...c, version: stored.version + 1 },
    expectedVersion: stored.version,
    events: [],
    notices: [],
    timers: [],
    cancelTimers: true,
  });
}

/** One audit with the desk, as the jobs run it. */
const audit = (h: Harness, logger = memoryLogger()) =>
  auditOnce({
    store: h.store,
    clock: h.clock,
    logger,
    sweepEveryMs: 5_000,
    desk: h.desk,
  });

async function healthy(h: Harness, id: string): Promise<void> {
  const c = await h.desk.getCase(id);
  expect(promiseViolations(c!, await h.store.cases.listTimers(id))).toEqual([]);
}

type Make = (options?: Omit<Parameters<typeof harness>[0] & object, 'store'>) => Harness;

export function describePromiseScenarios(make: Make): void {
  describe('waiting on the customer', () => {
    it('an answer starts the wait: a friendly check-in, then an automatic close the customer can undo', async () => {
      const h = make(); // always clock: check-in after 24 h, close after 72 h
      const id = await h.open();
      await h.desk.claim({ caseId: id, actor: as('rasa') });
      await h.desk.answer({ caseId: id, actor: as('rasa'), text: 'Please try again now.' });
      let c = await h.desk.getCase(id);
      expect(c).toMatchObject({ status: 'waiting_on_customer', window: null });
      expect(c?.waiting?.checkInAt.toISOString()).toBe(at(24 * HOUR));
      expect(c?.waiting?.closeAt.toISOString()).toBe(at(72 * HOUR));
      await healthy(h, id);

      h.clock.advanceMinutes(24 * HOUR);
      expect(await h.desk.sweep()).toMatchObject({ checkedIn: 1 });
      const [checkIn] = await h.sentWith(id, 'customer.check_in', 'customer');
      expect(checkIn?.params.closeAt).toBe(at(72 * HOUR));
      expect(checkIn?.actions.map((a) => a.id)).toEqual(['add_details', 'mark_resolved']);
      await healthy(h, id);

      h.clock.advanceMinutes(48 * HOUR);
      expect(await h.desk.sweep()).toMatchObject({ autoClosed: 1 });
      c = await h.desk.getCase(id);
      expect(c).toMatchObject({ status: 'closed', waiting: null, closedAt: new Date(at(72 * HOUR)) });
      const [closed] = await h.sentWith(id, 'customer.auto_closed', 'customer');
      expect(closed?.actions.map((a) => a.id)).toEqual(['reopen']);
      expect(await h.sentWith(id, 'owner.auto_closed', 'person')).toHaveLength(1);
      await healthy(h, id);
    });

    it('the customer writing before the check-in cancels the wait; a fresh promise follows', async () => {
      const h = make();
      const id = await h.open();
      await h.desk.claim({ caseId: id, actor: as('rasa') });
      await h.desk.answer({ caseId: id, actor: as('rasa'), text: 'Does it work now?' });
      h.clock.advanceMinutes(2 * HOUR);
      await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'No, still broken' });
      const c = await h.desk.getCase(id);
      expect(c).toMatchObject({ status: 'open', waiting: null, window: { holder: 'rasa' } });
      h.clock.advanceMinutes(80 * HOUR);
      const report = await h.desk.sweep();
      expect(report).toMatchObject({ checkedIn: 0, autoClosed: 0 });
      expect(await h.sentWith(id, 'customer.check_in')).toHaveLength(0);
    });

    it('on a business clock the check-in and the close count only open hours', async () => {
      const h = make({
        config: deskConfig({
          policy: {
            clock: 'business',
            customerReminderAfterMinutes: 8 * HOUR,
            autoCloseAfterMinutes: 16 * HOUR,
          },
        }),
      });
      // Monday 10:00 Vilnius; the office is open 09:00-17:00 on weekdays.
      const id = await h.open();
      await h.desk.claim({ caseId: id, actor: as('rasa') });
      await h.desk.answer({ caseId: id, actor: as('rasa'), text: 'Done, please check.' });
      const c = await h.desk.getCase(id);
      // 7 open hours left on Monday, 1 more on Tuesday: Tuesday 10:00 Vilnius = 08:00Z.
      expect(c?.waiting?.checkInAt.toISOString()).toBe('2026-11-24T08:00:00.000Z');
      expect(c?.waiting?.closeAt.toISOString()).toBe('2026-11-25T08:00:00.000Z');
    });

    it('a question pauses the promise and starts the wait; the reply resumes the promise where it was', async () => {
      const h = make();
      const id = await h.open();
      await h.desk.escalate({ caseId: id, actor: as('rasa') }); // callback due at +240
      h.clock.advanceMinutes(100);
      await h.desk.askCustomer({ caseId: id, actor: as('jonas'), text: 'Which invoice?' });
      let c = await h.desk.getCase(id);
      expect(c?.window?.paused).not.toBeNull();
      expect(c?.waiting?.closeAt.toISOString()).toBe(at(100 + 72 * HOUR));
      await healthy(h, id);
      h.clock.advanceMinutes(30);
      await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'INV-7' });
      c = await h.desk.getCase(id);
      expect(c).toMatchObject({ status: 'waiting_on_expert', waiting: null });
      expect(c?.window?.dueAt.toISOString()).toBe(at(130 + 140));
      await healthy(h, id);
    });
  });

  describe('a message on a finished case', () => {
    it('within reopenWithin reopens it with a first-response promise held by the same person', async () => {
      const h = make(); // reopenWithin 7 days
      const id = await h.open();
      await h.desk.escalate({ caseId: id, actor: as('rasa') });
      await h.desk.resolve({ caseId: id, actor: as('jonas'), summary: 'Refunded' });
      h.clock.advanceMinutes(3 * 24 * HOUR);
      const { case: c } = await h.desk.followUp({ caseId: id, actor: as(customer.id), text: 'It came back' });
      expect(c).toMatchObject({ id, status: 'waiting_on_expert', ownerId: 'jonas', resolvedAt: null });
      expect(c.window).toMatchObject({ kind: 'first_response', holder: 'jonas' });
      expect(c.window?.dueAt.toISOString()).toBe(at(3 * 24 * HOUR + 60));
      const [told] = await h.sentWith(id, 'customer.reopened_by_message', 'customer');
      expect(told?.params.dueAt).toBe(at(3 * 24 * HOUR + 60));
      const [details] = await h.sentWith(id, 'owner.customer_details', 'person');
      expect(details?.params.text).toBe('It came back');
      await healthy(h, id);
    });

    it('after reopenWithin opens a new case in the same conversation, linked to the old one', async () => {
      const h = make();
      const id = await h.open();
      const old = (await h.desk.getCase(id))!;
      await h.desk.close({ caseId: id, actor: as(customer.id) });
      h.clock.advanceMinutes(8 * 24 * HOUR);
      const { case: next } = await h.desk.followUp({
        caseId: id,
        actor: as(customer.id),
        text: 'New problem',
      });
      expect(next.id).not.toBe(id);
      expect(next).toMatchObject({
        follows: { caseId: id, number: old.number },
        conversation: old.conversation,
        words: 'New problem',
        status: 'open',
      });
      expect((await h.desk.getCase(id))?.status).toBe('closed');
      expect((await h.store.cases.findCaseByConversation(old.conversation))?.id).toBe(next.id);
      const [note] = await h.sentWith(next.id, 'customer.follows_earlier', 'customer');
      expect(note?.params.earlierNumber).toBe(old.number);
      expect(await h.sentWith(next.id, 'customer.ack', 'customer')).toHaveLength(1);
    });

    it('only the customer can follow up: anyone else is refused and nothing is written', async () => {
      const h = make();
      const id = await h.open();
      await h.desk.close({ caseId: id, actor: as(customer.id) });
      const before = (await h.desk.getCase(id))!;
      await expect(h.desk.followUp({ caseId: id, actor: as('rasa'), text: 'hi' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      expect((await h.desk.getCase(id))?.version).toBe(before.version);
    });
  });

  describe('missed expert windows', () => {
    it('reassignAfterMisses moves the case to another available expert before a supervisor is asked', async () => {
      const h = make({
        config: deskConfig({ policy: { reassignAfterMisses: 1, missesBeforeSupervisor: 2 } }),
      });
      const id = await h.open();
      await h.desk.escalate({ caseId: id, actor: as('rasa') }); // jonas, due at +240
      h.clock.advanceMinutes(240);
      expect(await h.desk.sweep()).toMatchObject({ reassigned: 1 });
      let c = await h.desk.getCase(id);
      expect(c).toMatchObject({
        expertId: 'aiste',
        ownerId: 'aiste',
        status: 'waiting_on_expert',
        misses: 1,
        approval: null,
      });
      const [told] = await h.sentWith(id, 'customer.reassigned', 'customer');
      expect(told?.params).toMatchObject({ expertName: 'Aistė Kazlauskė', dueAt: at(480) });
      expect(await h.sentWith(id, 'expert.moved_after_misses', 'person')).toHaveLength(1);
      await healthy(h, id);
      h.clock.advanceMinutes(240); // Aistė misses too: now a supervisor is asked
      await h.desk.sweep();
      c = await h.desk.getCase(id);
      expect(c).toMatchObject({
        status: 'awaiting_approval',
        approval: { status: 'pending', reason: 'missed_window' },
      });
      await healthy(h, id);
    });

    it('with nobody else available the supervisor is asked as before', async () => {
      const h = make({
        config: deskConfig({
          policy: { reassignAfterMisses: 1, missesBeforeSupervisor: 1 },
          people: { aiste: { away: true }, paul: { away: true } },
        }),
      });
      const id = await h.open();
      await h.desk.escalate({ caseId: id, actor: as('rasa') });
      h.clock.advanceMinutes(240);
      expect(await h.desk.sweep()).toMatchObject({ reassigned: 0, missed: 1 });
      expect((await h.desk.getCase(id))?.status).toBe('awaiting_approval');
    });
  });

  describe('the auditor repairs a broken promise', () => {
    it('a running window whose timers were lost gets them back (same due time) and the holder is told', async () => {
      const h = make();
      const id = await h.open();
      await h.desk.escalate({ caseId: id, actor: as('rasa') });
      const c = (await h.desk.getCase(id))!;
      // Broken on purpose, in the store: the timers go, the window stays.
      await breakInStore(h, c);
      expect(await h.store.cases.listBrokenPromises(10)).toEqual([id]);
      const logger = memoryLogger();
      expect(await audit(h, logger)).toEqual({ overdue: 0, repaired: 1 });
      expect(logger.lines.filter((l) => l.startsWith('error auditor.broken_promise'))).toHaveLength(1);
      const repaired = (await h.desk.getCase(id))!;
      expect(repaired.window?.dueAt.toISOString()).toBe(c.window?.dueAt.toISOString());
      await healthy(h, id);
      const [told] = await h.sentWith(id, 'owner.promise_repaired', 'person');
      expect(told?.params.dueAt).toBe(at(240));
      expect((await h.store.inspect.listEvents(id)).map((e) => e.type)).toContain('promise_repaired');
      expect(await audit(h)).toEqual({ overdue: 0, repaired: 0 });
      // The repaired promise is kept like any other: the miss fires when due.
      h.clock.advanceMinutes(240);
      expect(await h.desk.sweep()).toMatchObject({ missed: 1 });
    });

    it('a paused window on a case not waiting on the customer is opened again, and an overdue one starts fresh', async () => {
      const h = make();
      const id = await h.open();
      const c = (await h.desk.getCase(id))!;
      await breakInStore(h, { ...c, window: { ...c.window!, paused: { at: T0, consumedMs: 0 } } });
      h.clock.advanceMinutes(90); // past the first-response time
      const result = await audit(h);
      expect(result.repaired).toBe(1);
      const repaired = (await h.desk.getCase(id))!;
      expect(repaired.window).toMatchObject({ kind: 'first_response', paused: null });
      expect(repaired.window?.dueAt.toISOString()).toBe(at(150));
      expect(await h.sentWith(id, 'owner.promise_repaired', 'triage')).toHaveLength(1);
      await healthy(h, id);
    });

    it('a case waiting on the customer without its close timer gets its wait back', async () => {
      const h = make();
      const id = await h.open();
      await h.desk.answer({ caseId: id, actor: as('rasa'), text: 'Fixed?' });
      const c = (await h.desk.getCase(id))!;
      await breakInStore(h, c);
      const result = await audit(h);
      expect(result.repaired).toBe(1);
      await healthy(h, id);
      expect((await h.desk.getCase(id))?.waiting?.closeAt.toISOString()).toBe(
        c.waiting?.closeAt.toISOString(),
      );
    });
  });
}
