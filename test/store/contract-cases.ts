// Contract, CaseRepository: numbering, createCase (with its queue place), reads, queries, expert load.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import {
  at,
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
        { personId: 'nobody', openCases: 0, heavyOpen: 0, lastAssignedAt: null, heavyStreakSince: null },
        {
          personId: 'tom',
          openCases: 2,
          heavyOpen: 0,
          lastAssignedAt: at(9 * MIN + 1),
          heavyStreakSince: null,
        },
        { personId: 'rasa', openCases: 1, heavyOpen: 0, lastAssignedAt: at(MIN), heavyStreakSince: null },
      ]);
      expect(await store().cases.expertLoad([])).toEqual([]);
    });

    it('counts open heavy cases, and whether the last two assignments were heavy (since when)', async () => {
      const heavy = (minutes: number) => ({ by: 'rasa', at: at(minutes * MIN), note: 'hard', with: [] });
      // jonas: 3 open (2 heavy) and a heavy resolved one; his last two assignments (at 5 and 7 min)
      // are heavy, the second marked at 8 min: the streak stands since then.
      await seedCase(store(), { ownerId: 'jonas', status: 'open' });
      await seedCase(store(), { ownerId: 'jonas', status: 'resolved', heavy: heavy(1) });
      await seedCase(store(), { expertId: 'jonas', expertAssignedAt: at(2 * MIN) });
      await seedCase(store(), {
        expertId: 'jonas',
        ownerId: 'jonas',
        expertAssignedAt: at(5 * MIN),
        status: 'waiting_on_expert',
        heavy: heavy(6),
      });
      await seedCase(store(), {
        expertId: 'jonas',
        ownerId: 'jonas',
        expertAssignedAt: at(7 * MIN),
        status: 'open',
        heavy: heavy(8),
      });
      // aiste: her latest assignment is not heavy, the one before is: no streak.
      await seedCase(store(), { expertId: 'aiste', expertAssignedAt: at(MIN), heavy: heavy(1) });
      await seedCase(store(), { expertId: 'aiste', expertAssignedAt: at(3 * MIN) });
      // paul: one heavy assignment only: no streak.
      await seedCase(store(), { expertId: 'paul', expertAssignedAt: at(4 * MIN), heavy: heavy(4) });
      expect(await store().cases.expertLoad(['jonas', 'aiste', 'paul'])).toEqual([
        {
          personId: 'jonas',
          openCases: 3,
          heavyOpen: 2,
          lastAssignedAt: at(7 * MIN),
          heavyStreakSince: at(8 * MIN),
        },
        {
          personId: 'aiste',
          openCases: 0,
          heavyOpen: 0,
          lastAssignedAt: at(3 * MIN),
          heavyStreakSince: null,
        },
        { personId: 'paul', openCases: 0, heavyOpen: 0, lastAssignedAt: at(4 * MIN), heavyStreakSince: null },
      ]);
    });
  });
}
