// Contract, ReportReads: the cases a period's reports read (with their whole trails) and one
// case's timeline with its notices.
import { describe, expect, it } from 'vitest';
import { at, changeOf, makeEvent, makeNotice, MIN, seedCase } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

export function describeReportReadsContract(store: CurrentStore): void {
  describe('ReportReads', () => {
    const day = 24 * 60 * MIN;

    it('trails: cases created before the end that are active or changed since the start, newest first, each with its whole trail', async () => {
      const s = store();
      // 1: active, created long before the period: counts (it is still waiting).
      const old = await seedCase(s, { createdAt: at(-10 * day), updatedAt: at(-10 * day) }, (c) => ({
        events: [makeEvent(c, { type: 'case_opened', at: at(-10 * day) })],
      }));
      // 2: resolved before the period began: does not count.
      await seedCase(s, {
        status: 'resolved',
        window: null,
        createdAt: at(-9 * day),
        updatedAt: at(-8 * day),
        resolvedAt: at(-8 * day),
      });
      // 3: resolved inside the period: counts.
      const finished = await seedCase(s, {
        status: 'resolved',
        window: null,
        createdAt: at(-3 * day),
        updatedAt: at(-1 * day),
        resolvedAt: at(-1 * day),
      });
      // 4: another team.
      await seedCase(s, { team: 'it', createdAt: at(-2 * day), updatedAt: at(-2 * day) });
      // 5: created at the period's end: belongs to the next one.
      await seedCase(s, { createdAt: at(0), updatedAt: at(0) });
      // A later event of case 1, written by a commit: trails are in the order written.
      await s.cases.commit(
        changeOf(
          old,
          { updatedAt: at(-9 * day) },
          { events: [makeEvent(old, { type: 'claimed', at: at(-9 * day) })] },
        ),
      );

      const period = { from: at(-7 * day), to: at(0) };
      const all = await s.reports.trails(period);
      expect(all.map((t) => t.case.number)).toEqual([4, 3, 1]);
      expect(all[2]!.events.map((e) => e.type)).toEqual(['case_opened', 'claimed']);
      expect(all[1]!.case.id).toBe(finished.id);
      expect(all[1]!.events).toEqual([]);

      const finance = await s.reports.trails({ ...period, team: 'finance' });
      expect(finance.map((t) => t.case.number)).toEqual([3, 1]);
      expect((await s.reports.trails({ ...period, limit: 1 })).map((t) => t.case.number)).toEqual([4]);
      expect(await s.reports.trails({ ...period, team: 'nobody' })).toEqual([]);
    });

    it('reportPage: the cases changed in the period (not the untouched active ones), in id order from the last case, with what reports read', async () => {
      const s = store();
      // Active and untouched all period: only without changedOnly.
      await seedCase(s, { createdAt: at(-10 * day), updatedAt: at(-10 * day) });
      // Five cases changed in the period, two of them created at the same instant.
      for (const n of [0, 1, 2]) {
        await seedCase(s, { createdAt: at(-(3 + n) * day), updatedAt: at(-1 * day) });
      }
      await seedCase(s, { createdAt: at(-2 * day), updatedAt: at(-1 * day) });
      await seedCase(s, { createdAt: at(-2 * day), updatedAt: at(-1 * day) });
      const period = { from: at(-7 * day), to: at(0) };

      const all = await s.reports.trails(period);
      expect(all).toHaveLength(6);
      const changed = all.slice(0, 5);

      const byId = changed.map((t) => t.case.id).sort();
      for (const size of [1, 2, 3, 5]) {
        const seen: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 10; pages++) {
          const page = await s.reports.reportPage({ ...period, after, size });
          expect(page.length).toBeLessThanOrEqual(size);
          seen.push(...page.map((t) => t.case.id));
          const last = page.at(-1);
          if (page.length < size || !last) break;
          after = last.case.id;
        }
        expect(seen, `pages of ${size}`).toEqual(byId);
      }
      // Each page's cases come with the parts reports read and their trails.
      const [first] = await s.reports.reportPage({ ...period, after: null, size: 1 });
      const whole = all.find((t) => t.case.id === first?.case.id);
      expect(first?.events).toEqual(whole?.events);
      expect(first?.case).toMatchObject({
        id: whole?.case.id,
        number: whole?.case.number,
        team: whole?.case.team,
        topic: whole?.case.topic,
        customer: { id: whole?.case.customer.id },
        createdAt: whole?.case.createdAt,
        policy: { clock: whole?.case.policy.clock, calendar: whole?.case.policy.calendar },
      });
      expect(await s.reports.reportPage({ ...period, team: 'nobody', after: null, size: 5 })).toEqual([]);
    });

    it('timeline: the case, its events and its notices in the order written; null for an unknown case', async () => {
      const s = store();
      const c = await seedCase(s, {}, (n) => ({
        events: [makeEvent(n, { type: 'case_opened' }), makeEvent(n, { type: 'note', at: at(MIN) })],
        notices: [makeNotice(n), makeNotice(n, { createdAt: at(2 * MIN) })],
      }));
      const timeline = await s.reports.timeline(c.id);
      expect(timeline?.case.id).toBe(c.id);
      expect(timeline?.events.map((e) => e.type)).toEqual(['case_opened', 'note']);
      expect(timeline?.notices.map((n) => [n.status, n.createdAt.getTime()])).toEqual([
        ['pending', at(0).getTime()],
        ['pending', at(2 * MIN).getTime()],
      ]);
      expect(await s.reports.timeline('no-such-case')).toBeNull();
    });
  });
}
