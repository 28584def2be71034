// Contract, part 1: numbering, createCase, reads, queries, queue position, expert load, inbound dedupe.
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES, type Case } from '../../src/core/model.ts';
import type { NewCase } from '../../src/core/ports.ts';
import {
  at,
  changeOf,
  MIN,
  makeDraft,
  makeEvent,
  makeNotice,
  makeRichCase,
  makeTimer,
  seedCase,
  T0,
  withRows,
} from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';
import { approval, risk, windowDue } from './home-lists.ts';

export function describeCaseContract(store: CurrentStore): void {
  describe('createCase', () => {
    it('numbers cases per workspace from 1, and finds them by number', async () => {
      const a1 = await seedCase(store(), { workspace: 'acme' });
      const a2 = await seedCase(store(), { workspace: 'acme' });
      const b1 = await seedCase(store(), { workspace: 'globex' });
      expect([a1.number, a2.number, b1.number]).toEqual([1, 2, 1]);
      expect((await store().cases.findCaseByNumber('acme', 2))?.id).toBe(a2.id);
      expect((await store().cases.findCaseByNumber('globex', 1))?.id).toBe(b1.id);
      expect(await store().cases.findCaseByNumber('globex', 2)).toBeNull();
    });

    it('gives 50 concurrent cases of one workspace the numbers 1..50, no duplicate, no gap', async () => {
      const created = await Promise.all(
        Array.from({ length: 50 }, () => seedCase(store(), { workspace: 'acme' })),
      );
      const numbers = created.map((c) => c.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const stored = await store().cases.listCases({ workspace: 'acme' });
      expect(stored.map((c) => c.number)).toEqual(numbers);
      expect(new Set(stored.map((c) => c.id)).size).toBe(50);
      expect((await seedCase(store(), { workspace: 'globex' })).number).toBe(1);
    });

    it('calls build with the numbered draft and writes the case with its events, timers and notices', async () => {
      const draft = makeDraft();
      const seen: number[] = [];
      const created = await store().cases.createCase(draft, (numbered) => {
        seen.push(numbered.number);
        return withRows({
          events: [makeEvent(numbered)],
          timers: [makeTimer(numbered, { kind: 'nudge', dueAt: at(45 * MIN) }), makeTimer(numbered)],
          notices: [makeNotice(numbered, { params: { number: numbered.number } })],
        })(numbered);
      });
      expect(seen).toEqual([1]);
      expect(created).toEqual({ case: { ...draft, number: 1 }, sending: [] });
      expect(await store().cases.getCase(draft.id)).toEqual({ ...draft, number: 1 });
      expect((await store().inspect.listEvents(draft.id)).map((e) => e.type)).toEqual(['opened']);
      const timers = await store().cases.listTimers(draft.id);
      expect(timers.map((t) => [t.kind, t.status, t.dueAt])).toEqual([
        ['nudge', 'pending', at(45 * MIN)],
        ['miss', 'pending', at(60 * MIN)],
      ]);
      const [notice] = await store().inspect.listOutbox({ caseId: draft.id });
      expect(notice).toMatchObject({
        params: { number: 1 },
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0,
      });
    });

    it('writes nothing and uses up no number when build throws', async () => {
      const draft = makeDraft();
      await expect(
        store().cases.createCase(draft, () => {
          throw new Error('intake failed');
        }),
      ).rejects.toThrow('intake failed');
      expect(await store().cases.getCase(draft.id)).toBeNull();
      expect((await seedCase(store())).number).toBe(1);
    });

    it('with inbound, remembers the event with the case; the same event again writes nothing', async () => {
      const inbound = { key: 'slack:event:Ev1', at: T0 };
      const first = makeDraft();
      const rows = (c: Case) => withRows({ notices: [makeNotice(c)] })(c);
      expect((await store().cases.createCase(first, rows, { inbound })).case.number).toBe(1);
      const again = makeDraft();
      const refused = store().cases.createCase(again, rows, { inbound: { ...inbound, at: at(MIN) } });
      await expect(refused).rejects.toMatchObject({ code: 'duplicate' });
      expect(await store().cases.getCase(again.id)).toBeNull();
      expect(await store().inspect.listOutbox({ caseId: again.id })).toEqual([]);
      expect(await store().inbound.remember(inbound.key, at(MIN))).toBe(false);
      // No number was used up by the refused one.
      expect((await seedCase(store())).number).toBe(2);
    });

    it('with inbound, refuses an event remembered before, and forgets one whose case failed', async () => {
      expect(await store().inbound.remember('slack:event:seen', T0)).toBe(true);
      await expect(
        store().cases.createCase(makeDraft(), withRows(), { inbound: { key: 'slack:event:seen', at: T0 } }),
      ).rejects.toMatchObject({ code: 'duplicate' });
      const inbound = { key: 'slack:event:Ev2', at: T0 };
      await expect(
        store().cases.createCase(
          makeDraft(),
          () => {
            throw new Error('intake failed');
          },
          { inbound },
        ),
      ).rejects.toThrow('intake failed');
      // Slack's retry of that event is taken, not dropped.
      const draft = makeDraft();
      expect((await store().cases.createCase(draft, withRows(), { inbound })).case.id).toBe(draft.id);
    });
  });

  describe('reads', () => {
    it('round-trips every nested part with exact Dates', async () => {
      const rich = makeRichCase();
      const { number: _n, ...draft } = rich;
      const event = makeEvent(rich, { at: at(999), data: { when: at(1234), list: [{ at: at(5) }], n: 1.5 } });
      await store().cases.createCase(draft, withRows({ events: [event] }));
      const read = await store().cases.getCase(rich.id);
      expect(read).toEqual({ ...rich, number: 1 });
      expect(read?.window?.paused?.at).toBeInstanceOf(Date);
      expect(read?.approval?.decidedAt?.getTime()).toBe(at(50 * MIN + 2).getTime());
      expect(read?.risk.recentCustomerMessages.map((d) => d.getTime())).toEqual(
        rich.risk.recentCustomerMessages.map((d) => d.getTime()),
      );
      expect(read?.policy.calendar.week.mon).toEqual([
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ]);
      expect(await store().inspect.listEvents(rich.id)).toEqual([event]);
    });

    it('returns copies: changing what was passed in or read out changes nothing stored', async () => {
      const draft = makeDraft();
      const { case: created } = await store().cases.createCase(draft, withRows());
      draft.customer.name = 'changed after create';
      const first = await store().cases.getCase(created.id);
      if (!first?.window) throw new Error('case not stored');
      first.window.dueAt.setTime(0);
      first.risk.signals = ['tampered'];
      const again = await store().cases.getCase(created.id);
      expect(again?.customer.name).toBe('Ona Petraitė');
      expect(again?.window?.dueAt).toEqual(at(60 * MIN));
      expect(again?.risk.signals).toEqual([]);
    });

    it('answers null for an unknown case, number or conversation', async () => {
      await seedCase(store());
      expect(await store().cases.getCase('nope')).toBeNull();
      expect(await store().cases.findCaseByNumber('acme', 99)).toBeNull();
      expect(await store().cases.findCaseByConversation('slack:T1:D9:nope')).toBeNull();
    });

    it('finds the newest case of a conversation', async () => {
      const older = await seedCase(store(), { conversation: 'slack:T1:D1:1' });
      await seedCase(store(), { conversation: 'slack:T1:D1:other' });
      const newer = await seedCase(store(), { conversation: 'slack:T1:D1:1' });
      expect(older.number).toBeLessThan(newer.number);
      expect((await store().cases.findCaseByConversation('slack:T1:D1:1'))?.id).toBe(newer.id);
    });
  });

  describe('listCases', () => {
    const seedMany = async (): Promise<Case[]> => {
      const specs = [
        { customer: 'u1', ownerId: 'tom', team: 'finance', status: 'open' },
        { customer: 'u2', ownerId: null, team: 'finance', status: 'waiting_on_expert' },
        { customer: 'u1', ownerId: 'tom', team: 'it', status: 'resolved' },
        { customer: 'u1', ownerId: 'rasa', team: 'finance', status: 'open' },
      ] as const;
      const out: Case[] = [];
      for (const s of specs) {
        const customer = { id: s.customer, name: s.customer, locale: 'en', timeZone: 'UTC' } as const;
        out.push(await seedCase(store(), { customer, ownerId: s.ownerId, team: s.team, status: s.status }));
      }
      await seedCase(store(), { workspace: 'globex', ownerId: 'tom' });
      return out;
    };
    const numbers = (cases: Case[]) => cases.map((c) => `${c.workspace}#${c.number}`);

    it('filters by workspace, customer, owner, team and statuses', async () => {
      await seedMany();
      expect(numbers(await store().cases.listCases({ workspace: 'acme' }))).toEqual([
        'acme#1',
        'acme#2',
        'acme#3',
        'acme#4',
      ]);
      expect(numbers(await store().cases.listCases({ customerId: 'u1' }))).toEqual([
        'acme#1',
        'acme#3',
        'acme#4',
      ]);
      expect(numbers(await store().cases.listCases({ ownerId: 'tom', workspace: 'acme' }))).toEqual([
        'acme#1',
        'acme#3',
      ]);
      expect(numbers(await store().cases.listCases({ team: 'it' }))).toEqual(['acme#3']);
      expect(
        numbers(await store().cases.listCases({ workspace: 'acme', statuses: ['open', 'resolved'] })),
      ).toEqual(['acme#1', 'acme#3', 'acme#4']);
      expect(await store().cases.listCases({ statuses: [] })).toEqual([]);
      expect(
        numbers(await store().cases.listCases({ customerId: 'u1', ownerId: 'tom', statuses: ['open'] })),
      ).toEqual(['acme#1']);
    });

    it('orders by number, newest first on request, and honours the limit', async () => {
      await seedMany();
      const q = { workspace: 'acme' };
      expect(numbers(await store().cases.listCases({ ...q, newestFirst: true }))).toEqual([
        'acme#4',
        'acme#3',
        'acme#2',
        'acme#1',
      ]);
      expect(numbers(await store().cases.listCases({ ...q, limit: 2 }))).toEqual(['acme#1', 'acme#2']);
      expect(numbers(await store().cases.listCases({ ...q, newestFirst: true, limit: 1 }))).toEqual([
        'acme#4',
      ]);
    });
  });

  describe('listCases: the App Home lists', () => {
    /** A case of the finance team whose window is far from due, unless `overrides` say otherwise. */
    const seed = (overrides: Partial<NewCase>) =>
      seedCase(store(), { window: windowDue(at(600 * MIN)), ...overrides });
    const numbers = (cases: Case[]) => cases.map((c) => c.number);
    const finance = { team: 'finance', statuses: ACTIVE_STATUSES };

    it('lists pending approvals, overdue windows and cases at risk, by number, up to the limit', async () => {
      await seed({ approval: approval('pending'), status: 'awaiting_approval' }); // 1
      await seed({ approval: approval('approved') }); // 2
      await seed({ window: windowDue(at(60 * MIN)) }); // 3: due at T0 + 60 min
      await seed({ window: windowDue(at(30 * MIN), true) }); // 4: paused, never overdue
      await seed({ window: null }); // 5
      await seed({ risk: risk('elevated') }); // 6
      await seed({ risk: risk('high') }); // 7
      await seed({ approval: approval('pending'), team: 'it' }); // 8
      await seed({ approval: approval('pending'), status: 'resolved', risk: risk('high') }); // 9
      await seed({ approval: approval('pending'), risk: risk('high'), window: windowDue(at(10 * MIN)) }); // 10
      await seed({ window: windowDue(at(61 * MIN)) }); // 11

      const list = async (q: object) => numbers(await store().cases.listCases({ ...finance, ...q }));
      expect(await list({ approvalPending: true })).toEqual([1, 10]);
      expect(numbers(await store().cases.listCases({ approvalPending: true }))).toEqual([1, 8, 9, 10]);
      expect(await list({ team: 'it', approvalPending: true })).toEqual([8]);
      // Strictly before: a window due at that very millisecond is not overdue yet.
      expect(await list({ overdueAt: at(60 * MIN) })).toEqual([10]);
      expect(await list({ overdueAt: at(60 * MIN + 1) })).toEqual([3, 10]);
      expect(await list({ overdueAt: at(24 * 60 * MIN) })).toEqual([1, 2, 3, 6, 7, 10, 11]);
      expect(await list({ atRisk: true })).toEqual([6, 7, 10]);
      expect(await list({ atRisk: true, approvalPending: true, overdueAt: at(11 * MIN) })).toEqual([10]);
      expect(await list({ atRisk: true, limit: 2 })).toEqual([6, 7]);
      expect(await list({ atRisk: true, newestFirst: true, limit: 1 })).toEqual([10]);
      // A false flag filters nothing.
      expect(await list({ approvalPending: false, atRisk: false, withUndelivered: false })).toHaveLength(9);
    });

    it('follows each commit: a case leaves the lists as its approval is decided, its window pauses, its risk falls', async () => {
      const c = await seed({
        approval: approval('pending'),
        risk: risk('high'),
        window: windowDue(at(10 * MIN)),
      });
      const lists = async () =>
        Promise.all(
          [{ approvalPending: true }, { overdueAt: at(11 * MIN) }, { atRisk: true }].map(async (q) =>
            numbers(await store().cases.listCases({ ...finance, ...q })),
          ),
        );
      expect(await lists()).toEqual([[1], [1], [1]]);
      const paused = changeOf(c, {
        approval: { ...approval('approved'), decidedBy: 'marie', decidedAt: at(5 * MIN) },
        window: windowDue(at(10 * MIN), true),
        risk: risk('low'),
      });
      await store().cases.commit(paused);
      expect(await lists()).toEqual([[], [], []]);
      await store().cases.commit(
        changeOf(paused.case, { window: windowDue(at(5 * MIN)), risk: risk('elevated') }),
      );
      expect(await lists()).toEqual([[], [1], [1]]);
    });

    it('lists the cases with a message parked or ambiguous, each once', async () => {
      const withNotices = (team: string, count = 1) =>
        seedCase(store(), { team }, (n) => ({
          notices: Array.from({ length: count }, () => makeNotice(n)),
        }));
      const parked = await withNotices('finance', 2); // 1: both notices parked
      const ambiguous = await withNotices('finance'); // 2
      const retrying = await withNotices('finance'); // 3: will be retried: not stuck
      const sent = await withNotices('finance'); // 4
      const elsewhere = await withNotices('it'); // 5: parked, another team
      await withNotices('finance'); // 6: never claimed
      const claimed = await store().notices.claim({ now: at(MIN), limit: 100, leaseMs: MIN, owner: 'd' });
      for (const n of claimed) {
        const failed = { error: 'channel_not_found', retryAt: null };
        if (n.caseId === parked.id || n.caseId === elsewhere.id)
          await store().notices.markFailed(n.id, n.leaseToken, failed);
        if (n.caseId === ambiguous.id)
          await store().notices.markFailed(n.id, n.leaseToken, { ...failed, ambiguous: true });
        if (n.caseId === retrying.id)
          await store().notices.markFailed(n.id, n.leaseToken, { ...failed, retryAt: at(2 * MIN) });
        if (n.caseId === sent.id) await store().notices.markSent(n.id, n.leaseToken, at(MIN));
      }
      expect(numbers(await store().cases.listCases({ ...finance, withUndelivered: true }))).toEqual([1, 2]);
      expect(numbers(await store().cases.listCases({ withUndelivered: true }))).toEqual([1, 2, 5]);
      expect(
        numbers(await store().cases.listCases({ withUndelivered: true, newestFirst: true, limit: 2 })),
      ).toEqual([5, 2]);
      expect(await store().cases.listCases({ withUndelivered: true, statuses: ['resolved'] })).toEqual([]);
      const [first] = await store().cases.listCases({ ...finance, withUndelivered: true, limit: 1 });
      expect(first).toEqual(await store().cases.getCase(parked.id));
    });
  });

  describe('countQueueAhead', () => {
    it('counts open, unowned level-1 cases of the team created earlier (ties by number)', async () => {
      const earlier = { createdAt: at(-MIN) };
      await seedCase(store(), earlier); // counted
      await seedCase(store(), { ...earlier, ownerId: 'tom' });
      await seedCase(store(), { ...earlier, level: 2 });
      await seedCase(store(), { ...earlier, status: 'waiting_on_customer' });
      await seedCase(store(), { ...earlier, team: 'it' });
      await seedCase(store(), { createdAt: T0 }); // same instant, lower number: counted
      const me = await seedCase(store(), { createdAt: T0 });
      await seedCase(store(), { createdAt: T0 }); // same instant, higher number
      await seedCase(store(), { createdAt: at(MIN) });
      expect(await store().inspect.countQueueAhead(me)).toBe(2);
      // Intake asks before the case has a number.
      const draft = { id: 'draft', team: 'finance', createdAt: T0, number: Number.MAX_SAFE_INTEGER };
      expect(await store().inspect.countQueueAhead(draft)).toBe(4);
    });

    it('gives cases opened at the same moment each their own place, counted in their transaction', async () => {
      await seedCase(store(), { ownerId: 'tom' });
      const places: number[] = [];
      await Promise.all(
        [1, 2, 3, 4, 5].map(() =>
          store().cases.createCase(makeDraft({ createdAt: T0 }), (numbered, queue) => {
            places.push(queue.ahead);
            return withRows({})(numbered);
          }),
        ),
      );
      expect(places.sort()).toEqual([0, 1, 2, 3, 4]);
    });

    it('follows cases as commits take them out of the queue and put them back', async () => {
      const draft = {
        id: 'draft',
        team: 'finance',
        createdAt: at(60 * MIN),
        number: Number.MAX_SAFE_INTEGER,
      };
      const [a, b, c, d] = [
        await seedCase(store()),
        await seedCase(store()),
        await seedCase(store()),
        await seedCase(store()),
      ];
      expect(await store().inspect.countQueueAhead(draft)).toBe(4);
      const commit = async (from: Case, patch: Partial<Case>) => {
        const change = changeOf(from, patch);
        await store().cases.commit(change);
        return change.case;
      };
      const taken = await commit(a, { ownerId: 'tom' });
      await commit(b, { level: 2 });
      await commit(c, { team: 'it' });
      const detailed = await commit(d, { words: 'more details' }); // still waiting: counted once
      expect(await store().inspect.countQueueAhead(draft)).toBe(1);
      expect(await store().inspect.countQueueAhead({ ...draft, team: 'it' })).toBe(1);
      await commit(taken, { ownerId: null }); // given back to the queue
      expect(await store().inspect.countQueueAhead(draft)).toBe(2);
      await commit(detailed, { status: 'resolved' });
      expect(await store().inspect.countQueueAhead(draft)).toBe(1);
    });
  });

  describe('expertLoad', () => {
    it('counts owned unresolved cases and the latest expert assignment, per requested id in order', async () => {
      await seedCase(store(), { ownerId: 'tom', status: 'open' });
      await seedCase(store(), { ownerId: 'tom', status: 'waiting_on_customer' });
      await seedCase(store(), { ownerId: 'tom', status: 'resolved' });
      await seedCase(store(), { ownerId: 'tom', status: 'closed' });
      await seedCase(store(), { expertId: 'tom', expertAssignedAt: at(3 * MIN), status: 'closed' });
      await seedCase(store(), { expertId: 'tom', expertAssignedAt: at(9 * MIN + 1) });
      await seedCase(store(), { expertId: 'rasa', expertAssignedAt: at(MIN), ownerId: 'rasa' });
      expect(await store().cases.expertLoad(['nobody', 'tom', 'rasa'])).toEqual([
        { personId: 'nobody', openCases: 0, lastAssignedAt: null },
        { personId: 'tom', openCases: 2, lastAssignedAt: at(9 * MIN + 1) },
        { personId: 'rasa', openCases: 1, lastAssignedAt: at(MIN) },
      ]);
      expect(await store().cases.expertLoad([])).toEqual([]);
    });
  });

  describe('rememberInbound', () => {
    it('is true the first time a key is seen and false after', async () => {
      expect(await store().inbound.remember('slack:Ev1', T0)).toBe(true);
      expect(await store().inbound.remember('slack:Ev1', at(MIN))).toBe(false);
      expect(await store().inbound.remember('discord:Ev1', T0)).toBe(true);
    });
  });
  describe('platform refs', () => {
    it('keeps one value per case and name, overwritten by a later put', async () => {
      expect(await store().refs.get('case-a', 'slack.triage_ts')).toBeNull();
      await store().refs.put('case-a', 'slack.triage_ts', '1700.000100');
      await store().refs.put('case-a', 'discord.thread', '1187');
      await store().refs.put('case-b', 'slack.triage_ts', '1700.000200');
      await store().refs.put('case-a', 'slack.triage_ts', '1700.000300');
      expect(await store().refs.get('case-a', 'slack.triage_ts')).toBe('1700.000300');
      expect(await store().refs.get('case-a', 'discord.thread')).toBe('1187');
      expect(await store().refs.get('case-b', 'slack.triage_ts')).toBe('1700.000200');
    });
  });
}
