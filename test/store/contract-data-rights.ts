// Contract, DataRights: a person's data handed out whole and only theirs, and erased from every
// table while what reports count stays; each request recorded on the cases it concerns.
import { describe, expect, it } from 'vitest';
import { isCoreError } from '../../src/core/errors.ts';
import type { CaseEvent } from '../../src/core/model.ts';
import { ERASED } from '../../src/store/redaction.ts';
import { at, changeOf, MIN } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';
import {
  ANA,
  ANA_MARKER,
  ANA_REFS,
  BEN,
  BEN_REFS,
  everythingOf,
  requestBy,
  seedStory,
  TOM,
  TOM_MARKER,
} from './data-rights-story.ts';

const ASKED = at(600 * MIN);
const byDpo = requestBy('operator:dpo', ASKED);
const recorded = (events: CaseEvent[], type: 'data_exported' | 'data_erased') =>
  events.filter((e) => e.type === type).map(({ actorId, at: when, data }) => ({ actorId, at: when, data }));

export function describeDataRightsContract(store: CurrentStore): void {
  describe('DataRights', () => {
    it("exports a customer's cases whole (events, notices, references) and nobody else's", async () => {
      const { ana, ben } = await seedStory(store());
      const exported = await store().privacy.exportPerson(ANA, byDpo);
      expect(exported.person).toBe(ANA);
      expect(exported.cases.map((c) => c.case)).toEqual([ana]);
      const [only] = exported.cases;
      expect(only?.events.map((e) => e.type)).toEqual([
        'case_opened',
        'details_added',
        'answered',
        'supervisor_requested',
        'rated',
      ]);
      expect(only?.notices.map((n) => n.key)).toEqual(['customer.reply', 'triage.new_case']);
      expect(only?.references.map((r) => r.name)).toEqual([...ANA_REFS].sort());
      expect(exported.authored).toEqual([]);
      const text = JSON.stringify(exported);
      expect(text).not.toContain(BEN);
      expect(text).not.toContain(ben.id);
      expect(text).not.toMatch(TOM_MARKER);
    });

    it('exports what staff wrote on other cases, and records every export on each case concerned', async () => {
      const { ana, ben } = await seedStory(store());
      const exported = await store().privacy.exportPerson(TOM, byDpo);
      expect(exported.cases).toEqual([]);
      expect(exported.authored.map((e) => [e.caseId, e.type])).toEqual([
        [ana.id, 'answered'],
        [ben.id, 'answered'],
      ]);
      const entry = { actorId: 'operator:dpo', at: ASKED, data: { person: TOM } };
      expect(recorded(await store().inspect.listEvents(ana.id), 'data_exported')).toEqual([entry]);
      expect(recorded(await store().inspect.listEvents(ben.id), 'data_exported')).toEqual([entry]);
      // A later export shows the earlier one in the audit trail, not in what they wrote.
      expect((await store().privacy.exportPerson(TOM, byDpo)).authored).toHaveLength(2);
    });

    it("erases a customer's texts from the case, its events, notices and references, keeping what reports count", async () => {
      const { ana, ben } = await seedStory(store());
      const benBefore = await everythingOf(store(), ben, BEN_REFS);
      const report = await store().privacy.erasePerson(ANA, byDpo);
      expect(report).toEqual({ cases: 1, otherCases: 0, events: 4, notices: 2, references: 2 });

      expect(await everythingOf(store(), ana, ANA_REFS)).not.toMatch(ANA_MARKER);
      const after = await store().cases.getCase(ana.id);
      expect(after).toEqual({
        ...ana,
        version: ana.version + 1,
        customer: { ...ana.customer, name: ERASED },
        words: ERASED,
        approval: { ...ana.approval, reason: ERASED, apology: ERASED, plan: ERASED },
        outside: { ...ana.outside, channel: ERASED, note: ERASED },
        rating: { score: 2, comment: ERASED },
      });
      const events = await store().inspect.listEvents(ana.id);
      expect(events.map((e) => [e.type, e.actorId, e.at])).toEqual([
        ['case_opened', ANA, ana.createdAt],
        ['details_added', ANA, ana.createdAt],
        ['answered', TOM, ana.createdAt],
        ['supervisor_requested', ANA, ana.createdAt],
        ['rated', ANA, ana.createdAt],
        ['data_erased', 'operator:dpo', ASKED],
      ]);
      // Codes, flags and numbers stay: the reason code, the answer offered to the bank, the score.
      expect(events.map((e) => e.data)).toEqual([
        { words: ERASED, topic: 'billing', priority: 'normal' },
        { text: ERASED },
        { text: ERASED, reusable: true },
        { reason: 'customer_asked', role: 'customer' },
        { score: 2, comment: ERASED },
        { person: ANA, reason: 'request' },
      ]);
      const notices = await store().inspect.listOutbox({ caseId: ana.id });
      expect(notices.map((n) => n.params)).toEqual([
        { number: ana.number, fromName: 'Tom', text: ERASED },
        expect.objectContaining({ customerName: ERASED, words: ERASED, topicName: 'Billing', position: 0 }),
      ]);
      expect(await store().refs.get(ana.id, 'slack.triage')).toBe('C1:1700000000.000100');
      expect(await store().refs.get(ana.id, 'slack.triage.intro')).toBe(ERASED);
      expect(JSON.parse((await store().refs.get(ana.id, 'slack.approval.ap-1')) ?? '')).toEqual([
        { channel: 'C9', ts: '1700000000.000200', text: ERASED },
      ]);
      // Ben's case is as it was.
      expect(await everythingOf(store(), ben, BEN_REFS)).toBe(benBefore);
    });

    it('erases what staff wrote on other cases, and wherever notices and references quote it', async () => {
      const { ana, ben } = await seedStory(store());
      const report = await store().privacy.erasePerson(TOM, byDpo);
      expect(report).toEqual({ cases: 0, otherCases: 2, events: 2, notices: 2, references: 1 });
      const ben2 = await everythingOf(store(), ben, BEN_REFS);
      expect(ben2).not.toMatch(TOM_MARKER);
      expect(ben2).toContain('Ben cannot log in'); // Ben's own words stay
      expect(await store().refs.get(ben.id, 'slack.full.n1')).toBe(`Reply from Tom:\n${ERASED}`);
      expect(await store().refs.get(ben.id, 'discord.card')).toBe('{"channel":"55","message":"66"}');
      // The cases themselves did not change (only their rows that quote Tom).
      expect(await store().cases.getCase(ben.id)).toEqual(ben);
      expect((await store().cases.getCase(ana.id))?.words).toBe(ana.words);
      const erased = recorded(await store().inspect.listEvents(ben.id), 'data_erased');
      expect(erased).toEqual([
        { actorId: 'operator:dpo', at: ASKED, data: { person: TOM, reason: 'request' } },
      ]);
    });

    it('is idempotent: erasing again changes nothing more, and is recorded again', async () => {
      const { ana } = await seedStory(store());
      await store().privacy.erasePerson(ANA, byDpo);
      const outbox = await store().inspect.listOutbox({ caseId: ana.id });
      const again = await store().privacy.erasePerson(ANA, requestBy('operator:dpo', at(700 * MIN)));
      expect(again).toEqual({ cases: 1, otherCases: 0, events: 0, notices: 0, references: 0 });
      expect(await store().inspect.listOutbox({ caseId: ana.id })).toEqual(outbox);
      expect((await store().cases.getCase(ana.id))?.version).toBe(ana.version + 1);
      const erasures = (await store().inspect.listEvents(ana.id)).filter((e) => e.type === 'data_erased');
      expect(erasures.map((e) => e.at)).toEqual([ASKED, at(700 * MIN)]);
    });

    it('finds no one behind an unknown id: nothing exported, erased or recorded', async () => {
      const { ana, ben } = await seedStory(store());
      expect(await store().privacy.exportPerson('slack:T1:UNOBODY', byDpo)).toEqual({
        person: 'slack:T1:UNOBODY',
        cases: [],
        authored: [],
      });
      expect(await store().privacy.erasePerson('slack:T1:UNOBODY', byDpo)).toEqual({
        cases: 0,
        otherCases: 0,
        events: 0,
        notices: 0,
        references: 0,
      });
      for (const c of [ana, ben])
        expect(await store().inspect.listEvents(c.id)).toHaveLength(c === ana ? 5 : 2);
    });

    it('fences a command that read the case before the erasure: its commit conflicts and it reads again', async () => {
      const { ana } = await seedStory(store());
      const read = await store().cases.getCase(ana.id);
      if (!read) throw new Error('no case');
      await store().privacy.erasePerson(ANA, byDpo);
      const stale = await store()
        .cases.commit(changeOf(read, { ownerId: 'tom' }))
        .catch((e: unknown) => e);
      expect(isCoreError(stale, 'conflict')).toBe(true);
      expect((await store().cases.getCase(ana.id))?.words).toBe(ERASED);
    });
  });
}
