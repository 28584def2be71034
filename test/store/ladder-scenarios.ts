// Every transition of the four-level ladder, with a fake clock. The same scenarios run on every
// store (memory in test/core/ladder.test.ts, SQLite and PostgreSQL in test/store): a store that
// loses or reorders anything the ladder relies on fails here.
import { describe, expect, it } from 'vitest';
import { isCoreError } from '../../src/core/errors.ts';
import { auditOnce } from '../../src/jobs/auditor.ts';
import { memoryLogger } from '../../src/log.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';
import { as, type Harness, harness, MIN } from '../support/desk-harness.ts';
import { type StoreHandle, storePerTest } from './contract.ts';
import { describePromiseScenarios } from './promise-scenarios.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN).toISOString();

export function describeLadder(name: string, makeStore: () => Promise<StoreHandle>): void {
  describe(`ladder: ${name}`, () => {
    const current = storePerTest(makeStore);
    /** A desk with a fake clock on this test's store. */
    const make = (options: Omit<Parameters<typeof harness>[0] & object, 'store'> = {}): Harness =>
      harness({ ...options, store: current() });

    describe('intake (level 1)', () => {
      it('greets by name, echoes the words, gives the queue position and the first-response time', async () => {
        const h = make();
        const first = await h.open('My invoice is wrong');
        const second = await h.open('Cannot log in');
        const [ack1] = await h.sentWith(first, 'customer.ack');
        const [ack2] = await h.sentWith(second, 'customer.ack');
        expect(ack1?.params).toMatchObject({
          name: 'Eglė',
          words: 'My invoice is wrong',
          position: 0,
          number: 1,
        });
        expect(ack1?.params.firstResponseAt).toBe(at(60));
        expect(ack2?.params).toMatchObject({ words: 'Cannot log in', position: 1, number: 2 });
        expect(ack1?.recipient).toEqual({
          kind: 'customer',
          customerId: customer.id,
          conversation: expect.any(String),
        });
        const [triage] = await h.sentWith(first, 'triage.new_case', 'triage');
        expect(triage?.actions.map((a) => a.id)).toEqual(['claim', 'escalate', 'resolve', 'ask_supervisor']);
        const c = await h.desk.getCase(first);
        expect(c).toMatchObject({ level: 1, status: 'open', ownerId: null, words: 'My invoice is wrong' });
        const timers = await h.store.cases.listTimers(first);
        expect(timers.map((t) => [t.kind, t.dueAt.toISOString(), t.status])).toEqual([
          ['nudge', at(45), 'pending'],
          ['miss', at(60), 'pending'],
        ]);
      });

      it('refuses an empty request kindly and writes nothing', async () => {
        const h = make();
        await expect(h.open('   ')).rejects.toMatchObject({
          code: 'invalid_input',
          textKey: 'error.empty_text',
        });
        expect(await h.desk.listCases({})).toEqual([]);
      });

      it('copies the policy onto the case: a later config edit does not change it', async () => {
        const h = make();
        const id = await h.open();
        h.config.policies.internal.normal.callbackWindowMinutes = 5;
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        const c = await h.desk.getCase(id);
        expect(c?.policy.callbackWindowMinutes).toBe(240);
        expect(c?.window?.dueAt.toISOString()).toBe(at(240));
      });

      it('a claim is the first response: the customer learns who has it and by when; the next promise is the taker’s', async () => {
        const h = make();
        const id = await h.open();
        h.clock.advanceMinutes(10);
        await h.desk.claim({ caseId: id, actor: as('rasa') });
        const [claimed] = await h.sentWith(id, 'customer.claimed');
        expect(claimed?.params.ownerName).toBe('Rasa Jonaitė');
        // Callback window (240 min) from the claim at 08:10.
        expect(claimed?.params.dueAt).toBe(at(250));
        const timers = await h.store.cases.listTimers(id);
        const firstResponse = timers.filter((t) => t.dueAt.toISOString() === at(60));
        expect(firstResponse.map((t) => t.status)).toEqual(['cancelled']);
        const c = await h.desk.getCase(id);
        expect(c?.window).toMatchObject({ kind: 'callback', holder: 'rasa' });
        h.clock.advanceMinutes(120);
        expect(await h.desk.sweep()).toMatchObject({ claimed: 0 });
        h.clock.advanceMinutes(60); // 75% of the callback window: Rasa is nudged, not the triage channel
        expect(await h.desk.sweep()).toMatchObject({ nudged: 1 });
        expect(await h.sentWith(id, 'owner.nudge', 'person')).toHaveLength(1);
      });

      it('an untaken case is nudged to triage at 75% and escalated to a supervisor when missed', async () => {
        const h = make();
        const id = await h.open();
        h.clock.advanceMinutes(45);
        expect(await h.desk.sweep()).toMatchObject({ nudged: 1 });
        expect(await h.sentWith(id, 'triage.first_response_nudge', 'triage')).toHaveLength(1);
        h.clock.advanceMinutes(15);
        expect(await h.desk.sweep()).toMatchObject({ missed: 1 });
        expect(await h.sentWith(id, 'triage.first_response_missed', 'triage')).toHaveLength(1);
        const c = await h.desk.getCase(id);
        expect(c?.status).toBe('awaiting_approval');
        expect(c?.approval).toMatchObject({
          status: 'pending',
          reason: 'missed_window',
          requestedByRole: 'system',
        });
        expect(await h.sentWith(id, 'supervisors.approval_requested', 'supervisors')).toHaveLength(1);
      });
    });

    describe('expert (level 2)', () => {
      it('hands the case to the expert and tells the customer who and by when', async () => {
        const h = make();
        const id = await h.open();
        h.clock.advanceMinutes(5);
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({
          level: 2,
          status: 'waiting_on_expert',
          ownerId: 'jonas',
          expertId: 'jonas',
        });
        const [told] = await h.sentWith(id, 'customer.expert_assigned');
        expect(told?.params).toMatchObject({
          expertName: 'Jonas Petraitis',
          topicName: 'Billing',
          dueAt: at(245),
        });
        const [asked] = await h.sentWith(id, 'expert.assigned', 'person');
        expect(asked?.recipient).toEqual({ kind: 'person', personId: 'jonas' });
        expect(asked?.locale).toBe('lt');
        expect(asked?.params.topicName).toBe('Sąskaitos');
        expect(asked?.actions.map((a) => a.id)).toEqual([
          'accept',
          'cannot_resolve',
          'reassign',
          'mark_heavy',
        ]);
      });

      it('a correction of the topic on escalation goes to that topic’s expert', async () => {
        const h = make();
        const id = await h.open('Where is my parcel?', { topic: 'general' });
        await h.desk.escalate({ caseId: id, actor: as('rasa'), topic: 'billing' });
        expect((await h.desk.getCase(id))?.expertId).toBe('jonas');
        await expect(
          h.desk.escalate({ caseId: await h.open(), actor: as('rasa'), topic: 'nope' }),
        ).rejects.toMatchObject({
          code: 'invalid_input',
        });
      });

      it('a topic of another team moves the case there: that team’s expert and supervisors take it', async () => {
        const base = deskConfig();
        const it = {
          ...base.directory.teams.support!,
          id: 'it',
          name: 'IT',
          frontLine: ['tom'],
          supervisors: ['paul'],
        };
        const laptops = {
          id: 'laptops',
          names: { en: 'Laptops' },
          team: 'it',
          experts: ['aiste'],
          backups: [],
        };
        const config = {
          ...base,
          directory: {
            ...base.directory,
            teams: { ...base.directory.teams, it },
            topics: { ...base.directory.topics, laptops },
          },
        };
        const h = make({ config });
        const id = await h.open('My laptop will not start', { topic: 'general' });
        await h.desk.escalate({ caseId: id, actor: as('rasa'), topic: 'laptops' });
        expect(await h.desk.getCase(id)).toMatchObject({ team: 'it', topic: 'laptops', expertId: 'aiste' });
        const changed = (await h.store.inspect.listEvents(id)).find((e) => e.type === 'topic_changed');
        expect(changed?.data).toEqual({
          from: 'general',
          to: 'laptops',
          team: { from: 'support', to: 'it' },
        });
        // The new team's supervisor (not the old team's) may now decide on it.
        await h.desk.cannotResolve({ caseId: id, actor: as('aiste'), reason: 'Needs a new machine' });
        const approvalId = (await h.desk.getCase(id))?.approval?.id ?? '';
        await expect(
          h.desk.approve({
            caseId: id,
            actor: as('marie'),
            approvalId,
            apology: 'Sorry',
            plan: 'A loan laptop',
          }),
        ).rejects.toMatchObject({ code: 'forbidden' });
        await h.desk.approve({
          caseId: id,
          actor: as('paul'),
          approvalId,
          apology: 'Sorry',
          plan: 'A loan laptop',
        });
        expect((await h.desk.getCase(id))?.level).toBe(3);
      });

      it('the expert may renegotiate within policy; the customer is told the new time', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        await expect(
          h.desk.accept({ caseId: id, actor: as('jonas'), callbackBy: new Date(at(481)) }),
        ).rejects.toMatchObject({
          code: 'invalid_input',
          textKey: 'error.window_outside_policy',
          params: { maxAt: at(480) },
        });
        await h.desk.accept({ caseId: id, actor: as('jonas'), callbackBy: new Date(at(400)) });
        const [told] = await h.sentWith(id, 'customer.window_renegotiated');
        expect(told?.params.dueAt).toBe(at(400));
        const miss = (await h.store.cases.listTimers(id)).find(
          (t) => t.kind === 'miss' && t.status === 'pending',
        );
        expect(miss?.dueAt.toISOString()).toBe(at(400));
      });

      it('renegotiating again never stretches the promise past the policy’s longest window', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') }); // max 480 min from now
        h.clock.advanceMinutes(100);
        await h.desk.accept({ caseId: id, actor: as('jonas'), callbackBy: new Date(at(400)) });
        h.clock.advanceMinutes(100);
        await expect(
          h.desk.accept({ caseId: id, actor: as('jonas'), callbackBy: new Date(at(481)) }),
        ).rejects.toMatchObject({ textKey: 'error.window_outside_policy', params: { maxAt: at(480) } });
        await h.desk.accept({ caseId: id, actor: as('jonas'), callbackBy: new Date(at(480)) });
        expect((await h.desk.getCase(id))?.window?.dueAt.toISOString()).toBe(at(480));
      });

      it('an answer keeps the window: no reminder fires afterwards', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        h.clock.advanceMinutes(100);
        await h.desk.answer({ caseId: id, actor: as('jonas'), text: 'Your invoice is corrected.' });
        const [reply] = await h.sentWith(id, 'customer.reply');
        expect(reply?.params).toMatchObject({
          fromName: 'Jonas Petraitis',
          text: 'Your invoice is corrected.',
        });
        expect((await h.desk.getCase(id))?.status).toBe('waiting_on_customer');
        h.clock.advanceMinutes(1000);
        expect(await h.desk.sweep()).toMatchObject({ claimed: 0 });
      });

      it('a missed window pings the expert, tells the customer, and asks a supervisor after the set misses', async () => {
        const h = make({ config: deskConfig({ policy: { missesBeforeSupervisor: 2 } }) });
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        h.clock.advanceMinutes(180);
        expect(await h.desk.sweep()).toMatchObject({ nudged: 1 });
        expect(await h.sentWith(id, 'owner.nudge', 'person')).toHaveLength(1);
        h.clock.advanceMinutes(60);
        expect(await h.desk.sweep()).toMatchObject({ missed: 1 });
        const [missed] = await h.sentWith(id, 'owner.missed', 'person');
        expect(missed?.params).toMatchObject({ misses: 1, dueAt: at(240) });
        const [stillOnIt] = await h.sentWith(id, 'customer.still_on_it');
        expect(stillOnIt?.params.dueAt).toBe(at(480));
        expect((await h.desk.getCase(id))?.status).toBe('waiting_on_expert');
        h.clock.advanceMinutes(240);
        expect(await h.desk.sweep()).toMatchObject({ nudged: 1, missed: 1 });
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({ status: 'awaiting_approval', misses: 2 });
        expect(c?.approval?.reason).toBe('missed_window');
        expect(await h.sentWith(id, 'customer.supervisor_requested')).toHaveLength(1);
      });

      it('cannot resolve → a supervisor is asked with the expert’s reason', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        await h.desk.cannotResolve({
          caseId: id,
          actor: as('jonas'),
          reason: 'Needs a refund over my limit',
        });
        const c = await h.desk.getCase(id);
        expect(c?.approval).toMatchObject({
          status: 'pending',
          reason: 'Needs a refund over my limit',
          requestedByRole: 'expert',
        });
        const [req] = await h.sentWith(id, 'supervisors.approval_requested');
        expect(req?.actions).toEqual([
          { id: 'approve', caseId: id, approvalId: c?.approval?.id },
          { id: 'decline', caseId: id, approvalId: c?.approval?.id },
        ]);
      });

      it('reassign goes to another expert with a fresh window', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        h.clock.advanceMinutes(30);
        await h.desk.reassign({ caseId: id, actor: as('jonas') });
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({ expertId: 'aiste', ownerId: 'aiste' });
        expect(c?.window?.dueAt.toISOString()).toBe(at(270));
        expect(await h.sentWith(id, 'customer.reassigned')).toHaveLength(1);
      });
    });

    describe('supervisor (level 3)', () => {
      async function pending() {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        await h.desk.askSupervisor({ caseId: id, actor: as(customer.id) });
        const c = await h.desk.getCase(id);
        return { h, id, approvalId: c?.approval?.id ?? '' };
      }

      /** Marie approves with an apology and a plan. */
      const approveAsMarie = (h: Awaited<ReturnType<typeof pending>>['h'], id: string, approvalId: string) =>
        h.desk.approve({
          caseId: id,
          actor: as('marie'),
          approvalId,
          apology: 'I am sorry we kept you waiting.',
          plan: 'I will refund the charge today.',
        });

      it('the customer may ask for a supervisor at any time; they are told by when', async () => {
        const { h, id } = await pending();
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({
          status: 'awaiting_approval',
          approval: { requestedByRole: 'customer', status: 'pending' },
        });
        const [told] = await h.sentWith(id, 'customer.supervisor_requested');
        expect(told?.params.dueAt).toBe(at(60));
      });

      it('a supervisor holding the case reads a missed window once, in the supervisors’ copy', async () => {
        const { h, id, approvalId } = await pending();
        await approveAsMarie(h, id, approvalId);
        expect(await h.desk.getCase(id)).toMatchObject({ level: 3, ownerId: 'marie' });
        h.clock.advanceMinutes(3 * 24 * 60);
        await h.desk.sweep();
        const missed = await h.sentWith(id, 'owner.missed');
        expect(missed.length).toBeGreaterThan(0);
        // Marie holds it and supervises the team: no direct copy besides the team's.
        expect(missed.filter((n) => n.recipient.kind === 'person')).toEqual([]);
        expect(missed.every((n) => n.recipient.kind === 'supervisors')).toBe(true);
      });

      it('approval requires an apology and a plan, which the customer receives', async () => {
        const { h, id, approvalId } = await pending();
        await expect(
          h.desk.approve({ caseId: id, actor: as('marie'), approvalId, apology: ' ', plan: 'Refund today' }),
        ).rejects.toMatchObject({ code: 'invalid_input', textKey: 'error.apology_and_plan_required' });
        await approveAsMarie(h, id, approvalId);
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({
          level: 3,
          ownerId: 'marie',
          supervisorId: 'marie',
          approval: { status: 'approved' },
        });
        const [told] = await h.sentWith(id, 'customer.supervisor_approved');
        expect(told?.params).toMatchObject({
          supervisorName: 'Marie Dubois',
          apology: 'I am sorry we kept you waiting.',
          plan: 'I will refund the charge today.',
          dueAt: at(240),
        });
        expect(await h.sentWith(id, 'expert.taken_over', 'person')).toHaveLength(1);
      });

      it('only supervisors decide, and a decision is taken once', async () => {
        const { h, id, approvalId } = await pending();
        const input = { caseId: id, approvalId, apology: 'Sorry.', plan: 'Fix it.' };
        await expect(h.desk.approve({ ...input, actor: as('jonas') })).rejects.toMatchObject({
          code: 'forbidden',
          textKey: 'error.supervisors_only',
        });
        await h.desk.approve({ ...input, actor: as('marie') });
        await expect(h.desk.approve({ ...input, actor: as('paul') })).rejects.toMatchObject({
          code: 'invalid_state',
          textKey: 'error.already_decided',
        });
        await expect(
          h.desk.decline({ caseId: id, approvalId, reason: 'x', actor: as('paul') }),
        ).rejects.toSatisfy((e: unknown) => isCoreError(e, 'invalid_state'));
        expect(await h.sentWith(id, 'customer.supervisor_approved')).toHaveLength(1);
      });

      it('a decline returns the case to the expert with a fresh window and offers the customer options', async () => {
        const { h, id, approvalId } = await pending();
        h.clock.advanceMinutes(20);
        await h.desk.decline({
          caseId: id,
          actor: as('marie'),
          approvalId,
          reason: 'Jonas has the refund tool.',
        });
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({
          level: 2,
          status: 'waiting_on_expert',
          ownerId: 'jonas',
          approval: { status: 'declined' },
        });
        expect(c?.window?.dueAt.toISOString()).toBe(at(260));
        const [told] = await h.sentWith(id, 'customer.supervisor_declined');
        expect(told?.params.reason).toBe('Jonas has the refund tool.');
        expect(told?.actions.map((a) => a.id)).toEqual(['add_details', 'ask_supervisor', 'mark_resolved']);
        expect(await h.sentWith(id, 'expert.declined', 'person')).toHaveLength(1);
        expect(c?.risk.signals).toContain('declined_escalation');
      });

      it('a supervisor window that passes keeps pinging supervisors and raises the risk', async () => {
        const { h, id } = await pending();
        h.clock.advanceMinutes(60);
        expect(await h.desk.sweep()).toMatchObject({ nudged: 1, missed: 1 });
        expect(await h.sentWith(id, 'supervisors.approval_missed')).toHaveLength(1);
        const c = await h.desk.getCase(id);
        expect(c?.window).toMatchObject({ kind: 'approval' });
        expect(c?.window?.dueAt.toISOString()).toBe(at(120));
        expect(c?.risk.signals).toContain('approval_missed');
      });
    });

    describe('the abuse shield', () => {
      it('stores the count of abusive messages and when the ready reply went, and masks the stored staff copies', async () => {
        const h = make();
        const id = await h.open('You idiots lost my invoice');
        const opened = h.clock.now();
        expect((await h.desk.getCase(id))?.abuse).toEqual({ count: 1, lastAt: opened, repliedAt: null });
        const [card] = await h.sentWith(id, 'triage.new_case');
        expect(card?.params).toMatchObject({ words: 'You i••••• lost my invoice', abusive: 1 });
        const [ack] = await h.sentWith(id, 'customer.ack');
        expect(ack?.params).toMatchObject({ words: 'You idiots lost my invoice' });
        h.clock.advanceMinutes(5);
        await h.desk.sendAbuseReply({ caseId: id, actor: as('rasa') });
        const c = await h.desk.getCase(id);
        expect(c?.abuse).toEqual({ count: 1, lastAt: opened, repliedAt: h.clock.now() });
        expect(c?.status).toBe('open');
      });
    });

    describe('resolution and the customer’s control', () => {
      it('resolve → customer confirms → closed → rating', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.claim({ caseId: id, actor: as('rasa') });
        await h.desk.resolve({ caseId: id, actor: as('rasa'), summary: 'Invoice reissued' });
        const [resolved] = await h.sentWith(id, 'customer.resolved');
        expect(resolved?.actions.map((a) => a.id)).toEqual(['confirm', 'reopen']);
        await h.desk.confirm({ caseId: id, actor: as(customer.id) });
        expect((await h.desk.getCase(id))?.status).toBe('closed');
        await expect(h.desk.rate({ caseId: id, actor: as(customer.id), score: 7 })).rejects.toMatchObject({
          textKey: 'error.rating_range',
        });
        await h.desk.rate({ caseId: id, actor: as(customer.id), score: 5, comment: 'Quick, thank you' });
        expect((await h.desk.getCase(id))?.rating).toEqual({ score: 5, comment: 'Quick, thank you' });
        // Kind words (4 or 5 with a comment) reach the holder as such, and the supervisors.
        expect(await h.sentWith(id, 'owner.kind_words', 'person')).toHaveLength(1);
        expect(await h.sentWith(id, 'supervisors.kind_words', 'supervisors')).toHaveLength(1);
      });

      it('the customer marking it resolved closes it; reopening puts it back with its owner and a new promise', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') });
        await h.desk.resolve({ caseId: id, actor: as(customer.id) });
        expect((await h.desk.getCase(id))?.status).toBe('closed');
        h.clock.advanceMinutes(60);
        await h.desk.reopen({ caseId: id, actor: as(customer.id), text: 'Still wrong' });
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({ status: 'waiting_on_expert', level: 2, ownerId: 'jonas', closedAt: null });
        expect(c?.window?.dueAt.toISOString()).toBe(at(300));
        expect(await h.sentWith(id, 'owner.reopened', 'person')).toHaveLength(1);
      });

      it('a question to the customer stops the clock until they reply, then it resumes with what was left', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.escalate({ caseId: id, actor: as('rasa') }); // due at +240
        h.clock.advanceMinutes(100);
        await h.desk.askCustomer({ caseId: id, actor: as('jonas'), text: 'Which invoice number?' });
        let c = await h.desk.getCase(id);
        expect(c?.status).toBe('waiting_on_customer');
        expect(c?.window?.paused?.consumedMs).toBe(100 * MIN);
        h.clock.advanceMinutes(500);
        expect(await h.desk.sweep()).toMatchObject({ claimed: 0 });
        await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'INV-2041' });
        c = await h.desk.getCase(id);
        expect(c?.status).toBe('waiting_on_expert');
        expect(c?.window?.dueAt.toISOString()).toBe(at(600 + 140));
        const nudge = (await h.store.cases.listTimers(id)).find(
          (t) => t.kind === 'nudge' && t.status === 'pending',
        );
        expect(nudge?.dueAt.toISOString()).toBe(at(600 + 80)); // 75% of 240 = 180, 100 already used
        expect(await h.sentWith(id, 'owner.customer_details', 'person')).toHaveLength(1);
      });

      it('level 4: a recorded outside complaint is stored and supervisors are told', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.recordOutside({
          caseId: id,
          actor: as('marie'),
          channel: 'Letter to the CEO',
          note: 'Copied legal',
        });
        const c = await h.desk.getCase(id);
        expect(c).toMatchObject({
          level: 4,
          outside: { channel: 'Letter to the CEO', note: 'Copied legal' },
        });
        expect(c?.risk.band).toBe('high');
        expect(await h.sentWith(id, 'supervisors.outside_recorded', 'supervisors')).toHaveLength(1);
      });

      it('level 4 recovery: stored, its timers kept while the case’s own change, then kept by a supervisor', async () => {
        const h = make();
        const id = await h.open();
        await h.desk.claim({ caseId: id, actor: as('rasa') });
        await h.desk.recordOutside({ caseId: id, actor: as('marie'), channel: 'Letter to the CEO' });
        const recovery = (await h.desk.getCase(id))!.recovery!;
        expect(recovery).toMatchObject({
          sent: null,
          misses: 0,
          window: { kind: 'recovery', dueAt: new Date(at(480)) },
        });
        // The case's own window changes (waiting on the customer): the recovery's timers stay live.
        await h.desk.askCustomer({ caseId: id, actor: as('rasa'), text: 'Which letter?' });
        const live = (await h.store.cases.listTimers(id)).filter((t) => t.status === 'pending');
        expect(
          live.filter((t) => t.windowId === recovery.window.id).map((t) => [t.kind, t.dueAt.toISOString()]),
        ).toEqual([
          ['nudge', at(360)],
          ['miss', at(480)],
        ]);
        h.clock.advanceMinutes(360);
        expect(await h.desk.sweep()).toMatchObject({ nudged: 1, leaseLost: 0 });
        expect(await h.sentWith(id, 'supervisors.recovery_nudge', 'supervisors')).toHaveLength(1);
        await h.desk.writeRecovery({
          caseId: id,
          actor: as('paul'),
          text: 'A call from our director on Monday.',
        });
        const c = await h.desk.getCase(id);
        expect(c?.recovery?.sent).toMatchObject({
          by: 'paul',
          late: false,
          text: 'A call from our director on Monday.',
        });
        expect(c?.status).toBe('waiting_on_customer');
        const after = (await h.store.cases.listTimers(id)).filter((t) => t.status === 'pending');
        // Only the customer's wait keeps timers (its check-in and close).
        expect(after.map((t) => t.windowId)).toEqual(after.map(() => c!.waiting!.id));
        expect(after.length).toBeGreaterThan(0);
        expect(await h.sentWith(id, 'customer.recovery', 'customer')).toHaveLength(1);
      });
    });

    describePromiseScenarios(make);

    describe('auditor', () => {
      it('alarms on timers overdue by more than two sweep intervals, and only then', async () => {
        const h = make();
        const caseId = await h.open();
        await h.desk.escalate({ caseId, actor: as('rasa') });
        const logger = memoryLogger();
        const audit = () =>
          auditOnce({
            store: h.store,
            clock: h.clock,
            logger,
            sweepEveryMs: 5_000,
          });
        h.clock.advance(180 * 60_000 + 9_000); // the nudge is 9 s overdue: within two sweeps
        expect(await audit()).toEqual({ overdue: 0, repaired: 0 });
        h.clock.advance(2_000);
        expect(await audit()).toEqual({ overdue: 1, repaired: 0 });
        expect(logger.lines.filter((l) => l.startsWith('error auditor.overdue_timers'))).toHaveLength(1);
        await h.desk.sweep();
        expect(await audit()).toEqual({ overdue: 0, repaired: 0 });
      });
    });
  });
}
