// Incidents on every store (memory in test/core/incidents-desk.test.ts, SQLite and PostgreSQL in
// test/store/incidents-sql.test.ts): the IncidentRepository's contract, and the desk's story from a
// burst of alike cases to the resolution, counting what each customer was sent.
import { describe, expect, it } from 'vitest';
import type { Customer, DeskConfig, Incident } from '../../src/core/model.ts';
import type { CaseRepository } from '../../src/core/ports.ts';
import { ERASED } from '../../src/store/redaction.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { createDesk } from '../../src/core/desk.ts';
import { changeOf, seedCase, T0 } from '../support/case-factory.ts';
import { deskConfig } from '../support/desk-fixture.ts';
import { as, harness, MIN } from '../support/desk-harness.ts';
import { FakeClock, SequentialIds } from '../support/fake-clock.ts';
import { type StoreHandle, storePerTest } from './contract.ts';

export const incidentConfig = (): DeskConfig => {
  const config = deskConfig();
  const support = config.directory.teams.support;
  if (!support) throw new Error('fixture without the support team');
  return {
    ...config,
    directory: {
      ...config.directory,
      teams: { support: { ...support, incidents: { threshold: 3, withinMinutes: 30, similarity: 0.3 } } },
    },
  };
};

const person = (n: number, locale: Customer['locale'], timeZone: string): Customer => ({
  id: `slack:T1:U${n}`,
  name: `Customer ${n}`,
  locale,
  timeZone,
});
export const CUSTOMERS: readonly Customer[] = [
  person(1, 'en', 'Europe/London'),
  person(2, 'fr', 'Europe/Paris'),
  person(3, 'lt', 'Europe/Vilnius'),
  person(4, 'en', 'America/New_York'),
];

const incident = (extra: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  team: 'support',
  topic: 'billing',
  status: 'alerted',
  title: '',
  words: 'the invoice page is down',
  burst: 3,
  alertedAt: T0,
  declaredAt: null,
  declaredBy: null,
  updates: [],
  resolvedAt: null,
  summary: '',
  version: 1,
  ...extra,
});

export function describeIncidents(name: string, makeStore: () => Promise<StoreHandle>): void {
  describe(`incidents: ${name}`, () => {
    const current = storePerTest(makeStore);

    describe('IncidentRepository', () => {
      it('inserts, reads back, updates at the version read, refuses a stale write', async () => {
        const { incidents } = current();
        const first = incident({ updates: [{ id: 'u1', text: 'Looking', at: T0, by: 'marie' }] });
        await incidents.saveIncident({ incident: first, expectedVersion: null });
        expect(await incidents.getIncident('inc-1')).toEqual(first);
        await expect(
          incidents.saveIncident({ incident: first, expectedVersion: null }),
        ).rejects.toMatchObject({
          code: 'conflict',
        });
        const open = { ...first, status: 'open' as const, title: 'Invoices down', version: 2 };
        await incidents.saveIncident({ incident: open, expectedVersion: 1 });
        await expect(
          incidents.saveIncident({ incident: { ...open, version: 3 }, expectedVersion: 1 }),
        ).rejects.toMatchObject({ code: 'conflict' });
        expect(await incidents.getIncident('inc-1')).toEqual(open);
        expect(await incidents.getIncident('nope')).toBeNull();
      });

      it('lists by team, topic and status, newest alert first', async () => {
        const { incidents } = current();
        const later = new Date(T0.getTime() + MIN);
        await incidents.saveIncident({ incident: incident(), expectedVersion: null });
        await incidents.saveIncident({
          incident: incident({ id: 'inc-2', alertedAt: later }),
          expectedVersion: null,
        });
        await incidents.saveIncident({
          incident: incident({ id: 'inc-3', topic: 'general', status: 'open' }),
          expectedVersion: null,
        });
        const ids = async (q: Parameters<typeof incidents.listIncidents>[0]) =>
          (await incidents.listIncidents(q)).map((i) => i.id);
        expect(await ids({ team: 'support', topic: 'billing' })).toEqual(['inc-2', 'inc-1']);
        expect(await ids({ statuses: ['open'] })).toEqual(['inc-3']);
        expect(await ids({ statuses: [] })).toEqual([]);
        expect(await ids({ limit: 1 })).toEqual(['inc-2']);
      });

      it('writes an incident with a case change, or neither', async () => {
        const store = current();
        const c = await seedCase(store);
        await store.cases.commit(
          changeOf(
            c,
            { incident: { id: 'inc-1', updatesTold: 0 } },
            { incident: { incident: incident(), expectedVersion: null } },
          ),
        );
        expect((await store.cases.getCase(c.id))?.incident).toEqual({ id: 'inc-1', updatesTold: 0 });
        expect(await store.cases.listCases({ incidentId: 'inc-1' })).toHaveLength(1);
        // The incident's write conflicts: the case's change is not written either.
        const stored = (await store.cases.getCase(c.id)) as NonNullable<
          Awaited<ReturnType<CaseRepository['getCase']>>
        >;
        await expect(
          store.cases.commit(
            changeOf(
              stored,
              { words: 'changed' },
              { incident: { incident: incident(), expectedVersion: null } },
            ),
          ),
        ).rejects.toMatchObject({ code: 'conflict' });
        expect((await store.cases.getCase(c.id))?.words).toBe(stored.words);
      });

      it('lists cases by topic and by when they opened', async () => {
        const store = current();
        const a = await seedCase(store, { topic: 'billing', createdAt: T0 });
        await seedCase(store, { topic: 'general', createdAt: new Date(T0.getTime() + 2 * MIN) });
        const c = await seedCase(store, { topic: 'billing', createdAt: new Date(T0.getTime() + 5 * MIN) });
        const ids = async (q: Parameters<CaseRepository['listCases']>[0]) =>
          (await store.cases.listCases(q)).map((x) => x.id);
        expect(await ids({ topic: 'billing' })).toEqual([a.id, c.id]);
        expect(await ids({ topic: 'billing', createdSince: new Date(T0.getTime() + MIN) })).toEqual([c.id]);
      });
    });

    describe('the desk', () => {
      const make = () => harness({ store: current(), config: incidentConfig() });
      const openAs = async (h: ReturnType<typeof harness>, n: number, text: string, topic = 'billing') => {
        h.clock.advanceMinutes(1);
        return h.open(text, { customer: CUSTOMERS[n % CUSTOMERS.length] as Customer, topic });
      };
      const alertsOf = async (store: InspectableStore) =>
        (await store.inspect.listOutbox({})).filter((n) => n.key === 'supervisors.incident_alert');

      it('alerts the supervisors once when alike cases reach the threshold in the window', async () => {
        const h = make();
        await openAs(h, 0, 'The invoice page is down');
        await openAs(h, 1, 'Cannot open invoice page, it is down');
        await openAs(h, 2, 'Something unrelated about my password');
        expect(await alertsOf(h.store)).toHaveLength(0);
        const third = await openAs(h, 3, 'invoice page down again?');
        const alerts = await alertsOf(h.store);
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatchObject({ caseId: third, params: { count: 3, minutes: 30 } });
        expect(alerts[0]?.actions).toEqual([
          { id: 'declare_incident', caseId: third, incidentId: expect.any(String) },
        ]);
        // The same burst goes on: nobody is alerted again.
        await openAs(h, 0, 'the invoice page is down for me too');
        expect(await alertsOf(h.store)).toHaveLength(1);
        const [alerted] = await h.store.incidents.listIncidents({});
        expect(alerted).toMatchObject({ status: 'alerted', burst: 3, topic: 'billing' });
      });

      it('does not count cases outside the window or on another topic; off for a team without settings', async () => {
        const h = make();
        await openAs(h, 0, 'The invoice page is down');
        h.clock.advanceMinutes(40);
        await openAs(h, 1, 'invoice page down');
        await openAs(h, 2, 'invoice page down', 'general');
        expect(await alertsOf(h.store)).toHaveLength(0);
      });

      it('is off for a team without incident settings', async () => {
        const off = harness({ store: current(), config: deskConfig() });
        for (let i = 0; i < 5; i++) await openAs(off, i, 'invoice page down');
        expect(await alertsOf(off.store)).toHaveLength(0);
      });

      it('declare → update → resolve: each customer told once, in their language and zone', async () => {
        const h = make();
        const ids = [
          await openAs(h, 0, 'The invoice page is down'),
          await openAs(h, 1, 'invoice page down'),
          await openAs(h, 2, 'the invoice page is down?'),
        ];
        const [alert] = await alertsOf(h.store);
        const action = alert?.actions[0];
        await expect(
          h.desk.declareIncident({
            caseId: ids[2] as string,
            incidentId: action?.incidentId as string,
            actor: as('rasa'),
            title: 'x',
          }),
        ).rejects.toMatchObject({ code: 'forbidden', textKey: 'error.supervisors_only' });
        const declared = await h.desk.declareIncident({
          caseId: action?.caseId as string,
          incidentId: action?.incidentId as string,
          actor: as('marie'),
          title: 'Invoices cannot be opened',
        });
        expect(declared.incident).toMatchObject({ status: 'open', title: 'Invoices cannot be opened' });
        for (const id of ids) {
          const linked = await h.sentWith(id, 'customer.incident_linked');
          expect(linked).toHaveLength(1);
          expect((await h.desk.getCase(id))?.incident?.id).toBe(declared.incident.id);
        }
        // A new alike case joins the open incident at intake, and is told so.
        const late = await openAs(h, 3, 'invoice page is down');
        expect(await h.sentWith(late, 'customer.incident_linked')).toHaveLength(1);

        await h.desk.postIncidentUpdate({
          incidentId: declared.incident.id,
          actor: as('paul'),
          text: 'Fix deployed at noon',
        });
        const all = [...ids, late];
        for (const [i, id] of all.entries()) {
          const updates = await h.sentWith(id, 'customer.incident_update');
          expect(updates).toHaveLength(1);
          const who = CUSTOMERS[i % CUSTOMERS.length] as Customer;
          expect(updates[0]).toMatchObject({
            locale: who.locale,
            timeZone: who.timeZone,
            params: { text: 'Fix deployed at noon' },
          });
        }
        // A case opened after the update joins and is told the updates so far.
        const later = await openAs(h, 0, 'invoice page down still');
        expect(await h.sentWith(later, 'customer.incident_update')).toHaveLength(1);

        await h.desk.resolveIncident({
          incidentId: declared.incident.id,
          actor: as('marie'),
          summary: 'Fixed',
        });
        for (const id of [...all, later]) {
          expect((await h.desk.getCase(id))?.status).toBe('resolved');
          expect(await h.sentWith(id, 'customer.resolved')).toHaveLength(1);
        }
        // The incident's resolution is one answer-bank entry, not one per linked case.
        const bank = await h.store.answers.list({ limit: 100 });
        expect(bank.filter((e) => e.text === 'Fixed').map((e) => e.id)).toEqual([
          `incident:${declared.incident.id}`,
        ]);
        // Resolving again changes nothing; updating a resolved incident is refused.
        await h.desk.resolveIncident({ incidentId: declared.incident.id, actor: as('marie') });
        for (const id of all) expect(await h.sentWith(id, 'customer.resolved')).toHaveLength(1);
        await expect(
          h.desk.postIncidentUpdate({ incidentId: declared.incident.id, actor: as('marie'), text: 'more' }),
        ).rejects.toMatchObject({ code: 'invalid_state' });
      });

      it('declaring from a case (no incident named) opens the alert standing for its burst', async () => {
        const h = make();
        const ids = [
          await openAs(h, 0, 'The invoice page is down'),
          await openAs(h, 1, 'invoice page down'),
          await openAs(h, 2, 'the invoice page is down?'),
        ];
        const { incident: open } = await h.desk.declareIncident({
          caseId: ids[0] as string,
          actor: as('marie'),
          title: 'Invoices',
        });
        const all = await h.store.incidents.listIncidents({});
        expect(all.map((i) => [i.id, i.status])).toEqual([[open.id, 'open']]);
        expect(open.burst).toBe(3);
      });

      it('erasing a customer erases the words an incident was found on (their case’s)', async () => {
        const h = make();
        await openAs(h, 0, 'The invoice page is down');
        await openAs(h, 1, 'invoice page down');
        await openAs(h, 2, 'the invoice page is down?'); // Customer 3 makes the burst
        const [alerted] = await h.store.incidents.listIncidents({});
        expect(alerted?.words).toBe('the invoice page is down?');
        const request = { at: h.clock.now(), requestedBy: 'dpo', ids: new SequentialIds('erase') };
        await h.store.privacy.erasePerson((CUSTOMERS[2] as Customer).id, request);
        expect((await h.store.incidents.listIncidents({}))[0]?.words).toBe(ERASED);
      });

      it('a resolution stopped half way by a crash is finished by running it again, once per customer', async () => {
        const store = current();
        let failAfter = Infinity;
        const flaky: CaseRepository = {
          ...store.cases,
          commit: async (change) => {
            if (failAfter-- <= 0) throw new Error('the process died');
            await store.cases.commit(change);
          },
        };
        const clock = new FakeClock('2026-11-23T08:00:00Z');
        const desk = createDesk({
          store: { cases: flaky, timers: store.timers, incidents: store.incidents, away: store.away },
          clock,
          ids: new SequentialIds('crash'),
          config: incidentConfig(),
        });
        const ids: string[] = [];
        for (const [i, text] of [
          'invoice page down',
          'the invoice page is down',
          'invoice page down!',
        ].entries()) {
          clock.advanceMinutes(1);
          const { case: c } = await desk.openCase({
            workspace: 'acme',
            audience: 'internal',
            conversation: `slack:T1:D1:${i}`,
            customer: CUSTOMERS[i] as Customer,
            text,
            topic: 'billing',
          });
          ids.push(c.id);
        }
        const { incident: open } = await desk.declareIncident({
          caseId: ids[0] as string,
          actor: as('marie'),
          title: 'Invoices',
        });
        failAfter = 1;
        await expect(
          desk.resolveIncident({ incidentId: open.id, actor: as('marie'), summary: 'Fixed' }),
        ).rejects.toThrow('the process died');
        const statuses = async () => Promise.all(ids.map(async (id) => (await desk.getCase(id))?.status));
        expect((await statuses()).filter((s) => s === 'resolved')).toHaveLength(1);
        failAfter = Infinity;
        await desk.resolveIncident({ incidentId: open.id, actor: as('marie'), summary: 'Fixed' });
        expect(await statuses()).toEqual(['resolved', 'resolved', 'resolved']);
        for (const id of ids) {
          const resolved = (await store.inspect.listOutbox({ caseId: id })).filter(
            (n) => n.key === 'customer.resolved',
          );
          expect(resolved).toHaveLength(1);
        }
      });
    });
  });
}
