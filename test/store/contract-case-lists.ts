// Contract, CaseRepository.listCases: the App Home's lists, each read through an index.
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES, type Case } from '../../src/core/model.ts';
import type { NewCase } from '../../src/core/ports.ts';
import { at, changeOf, MIN, makeNotice, seedCase } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';
import { approval, risk, windowDue } from './home-lists.ts';

export function describeCaseListContract(store: CurrentStore): void {
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
}
