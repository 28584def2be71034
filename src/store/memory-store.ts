// The store in memory, for core tests and demos. Same contract as the SQL stores
// (test/store/contract.ts): values are structured-cloned in and out, and createCase/commit
// validate everything before they change anything, so a failed call leaves no trace.
import { alreadySeen, CoreError } from '../core/errors.ts';
import { promiseIdOf } from '../core/invariants.ts';
import { ACTIVE_STATUSES, type Case, type CaseEvent, type NoticeStatus } from '../core/model.ts';
import type { CaseQuery, CaseRepository, ExpertLoad, NewCaseRows } from '../core/ports.ts';
import { heavyStreakSince } from './heavy-streak.ts';
import type { StoreInspector } from './inspector.ts';
import { createMemoryAnswers } from './memory-answers.ts';
import { createMemoryDataRights, refKey } from './memory-data-rights.ts';
import { createMemoryAway } from './memory-away.ts';
import { createMemoryIncidents } from './memory-incidents.ts';
import { createMemoryOutbox } from './memory-outbox.ts';
import { createMemoryTimers } from './memory-timers.ts';
import type { InspectableStore } from './store.ts';

const clone = structuredClone;

export function createMemoryStore(): InspectableStore {
  const cases = new Map<string, Case>();
  const counters = new Map<string, number>();
  const events: CaseEvent[] = [];
  /** Copies of these cases, each with its whole trail (one pass over the events). */
  const withTrails = (found: readonly Case[]) => {
    const trails = new Map(found.map((c) => [c.id, [] as CaseEvent[]]));
    for (const e of events) trails.get(e.caseId)?.push(e);
    return found.map((c) => ({ case: clone(c), events: clone(trails.get(c.id) ?? []) }));
  };
  const timers = createMemoryTimers();
  const outbox = createMemoryOutbox();
  const answers = createMemoryAnswers();
  const incidents = createMemoryIncidents();

  /** Open, unowned level-1 cases of the team before `c` (a scan: this store is for tests). */
  const queueAhead = (c: Pick<Case, 'team' | 'createdAt' | 'number'>): number =>
    [...cases.values()].filter(
      (o) =>
        o.team === c.team &&
        o.level === 1 &&
        o.status === 'open' &&
        o.ownerId === null &&
        (o.createdAt < c.createdAt ||
          (o.createdAt.getTime() === c.createdAt.getTime() && o.number < c.number)),
    ).length;
  /** Inbound event keys and when they were recorded. */
  const inbound = new Map<string, Date>();
  const refs = new Map<string, string>();
  // Indexes: row ids per table (ids are unique like the SQL primary keys) and stored dedupe keys.
  const rowIds = { events: new Set<string>(), notices: new Set<string>() };
  let seq = 0;

  /** Writes a change's rows; `rows.case` is already stored (the answer bank reads it, as SQL's trigger does). */
  function writeRows(rows: Pick<NewCaseRows, 'case' | 'events' | 'notices' | 'timers'>) {
    for (const t of rows.timers) timers.add(t, ++seq);
    for (const n of rows.notices) {
      if (outbox.knows(n.dedupeKey)) continue;
      rowIds.notices.add(n.id);
      outbox.add(n, ++seq);
    }
    for (const e of rows.events) {
      rowIds.events.add(e.id);
      events.push(clone(e));
    }
    answers.record(rows.events, rows.case);
  }

  /** Fails like a primary key would: before anything is written. */
  function assertNewIds(rows: Pick<NewCaseRows, 'events' | 'notices' | 'timers'>) {
    const check = (ids: readonly string[], taken: (id: string) => boolean) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (taken(id) || seen.has(id)) throw new Error(`duplicate row id ${id}`);
        seen.add(id);
      }
    };
    check(
      rows.timers.map((t) => t.id),
      timers.has,
    );
    check(
      rows.events.map((e) => e.id),
      (id) => rowIds.events.has(id),
    );
    // Notices skipped for their dedupe key are never inserted, so their ids do not matter.
    const batchKeys = new Set<string>();
    const inserted = rows.notices.filter((n) => {
      const fresh = !outbox.knows(n.dedupeKey) && !batchKeys.has(n.dedupeKey);
      batchKeys.add(n.dedupeKey);
      return fresh;
    });
    check(
      inserted.map((n) => n.id),
      (id) => rowIds.notices.has(id),
    );
  }

  const findCase = (match: (c: Case) => boolean, newest = false): Case | null => {
    let found: Case | null = null;
    for (const c of cases.values()) {
      if (match(c) && (found === null || (newest ? c.number > found.number : c.number < found.number)))
        found = c;
    }
    return found ? clone(found) : null;
  };

  const repository: CaseRepository = {
    async createCase(draft, build, options) {
      if (options?.inbound && inbound.has(options.inbound.key)) throw alreadySeen(options.inbound.key);
      const number = counters.get(draft.workspace) ?? 1;
      const rows = build({ ...clone(draft), number }, { ahead: queueAhead({ ...draft, number }) });
      if (rows.case.id !== draft.id || rows.case.number !== number) {
        throw new Error(`createCase: build must keep the case id and its number ${number}`);
      }
      if (cases.has(rows.case.id)) throw new Error(`duplicate case id ${rows.case.id}`);
      assertNewIds(rows);
      if (rows.incident) incidents.check(rows.incident);
      if (options?.inbound) inbound.set(options.inbound.key, new Date(options.inbound.at));
      counters.set(draft.workspace, number + 1);
      cases.set(rows.case.id, clone(rows.case));
      if (rows.cancelTimers) timers.cancelOf(rows.case.id);
      if (rows.incident) incidents.apply(rows.incident);
      writeRows(rows);
      const sendAtOnce = options?.sendAtOnce;
      const sending = sendAtOnce
        ? outbox.claimNew(
            rows.notices.map((n) => n.id),
            sendAtOnce,
          )
        : [];
      return { case: rows.case, sending };
    },

    getCase: async (id) => {
      const found = cases.get(id);
      return found ? clone(found) : null;
    },
    findCaseByNumber: async (workspace, number) =>
      findCase((c) => c.workspace === workspace && c.number === number),
    findCaseByConversation: async (conversation) => findCase((c) => c.conversation === conversation, true),

    async listCases(query: CaseQuery) {
      const stuck = query.withUndelivered
        ? new Set((await outbox.listOutbox({ statuses: ['parked', 'ambiguous'] })).map((n) => n.caseId))
        : null;
      const overdue = query.overdueAt?.getTime();
      const found = [...cases.values()]
        .filter(
          (c) =>
            (query.workspace === undefined || c.workspace === query.workspace) &&
            (query.customerId === undefined || c.customer.id === query.customerId) &&
            (query.ownerId === undefined || c.ownerId === query.ownerId) &&
            (query.team === undefined || c.team === query.team) &&
            (query.topic === undefined || c.topic === query.topic) &&
            (query.createdSince === undefined || c.createdAt >= query.createdSince) &&
            (query.incidentId === undefined || c.incident?.id === query.incidentId) &&
            (query.statuses === undefined || query.statuses.includes(c.status)) &&
            (!query.approvalPending || c.approval?.status === 'pending') &&
            (overdue === undefined ||
              (c.window !== null && c.window.paused === null && c.window.dueAt.getTime() < overdue)) &&
            (!query.atRisk || c.risk.band !== 'low') &&
            (stuck === null || stuck.has(c.id)),
        )
        .sort((a, b) => (query.newestFirst ? b.number - a.number : a.number - b.number));
      return clone(query.limit === undefined ? found : found.slice(0, query.limit));
    },

    async commit(change) {
      const stored = cases.get(change.case.id);
      if (!stored || stored.version !== change.expectedVersion)
        throw new CoreError('conflict', 'error.conflict');
      const completed = change.completeTimer;
      if (completed && !timers.holds(completed.id, completed.leaseToken)) {
        throw new CoreError('lease_lost', 'error.conflict');
      }
      assertNewIds(change);
      if (change.incident) incidents.check(change.incident);
      cases.set(change.case.id, clone(change.case));
      if (change.incident) incidents.apply(change.incident);
      if (completed) timers.complete(completed.id);
      if (change.cancelTimers) timers.cancelOf(change.case.id, change.keepTimersOf);
      writeRows(change);
    },

    async expertLoad(personIds): Promise<ExpertLoad[]> {
      const all = [...cases.values()];
      return personIds.map((personId) => {
        const open = all.filter(
          (c) => c.ownerId === personId && c.status !== 'resolved' && c.status !== 'closed',
        );
        const assigned = all
          .filter((c) => c.expertId === personId && c.expertAssignedAt !== null)
          .map((c) => ({ at: c.expertAssignedAt as Date, heavy: c.heavy }))
          .sort((a, b) => b.at.getTime() - a.at.getTime());
        return {
          personId,
          openCases: open.length,
          heavyOpen: open.filter((c) => c.heavy !== null).length,
          lastAssignedAt: assigned[0] ? new Date(assigned[0].at) : null,
          heavyStreakSince: heavyStreakSince(assigned),
        };
      });
    },

    listTimers: async (caseId) => timers.listOf(caseId),

    async listBrokenPromises(limit) {
      return [...cases.values()]
        .filter((c) => {
          if (!ACTIVE_STATUSES.includes(c.status)) return false;
          const promise = promiseIdOf(c);
          const pending = c.approval?.status === 'pending';
          return (
            promise === null ||
            !timers.keepsPromise(c.id, promise) ||
            (c.status === 'waiting_on_customer' && c.window !== null && c.window.paused === null) ||
            pending !== (c.status === 'awaiting_approval')
          );
        })
        .sort((a, b) => a.number - b.number)
        .slice(0, limit)
        .map((c) => c.id);
    },
  };

  const inspect: StoreInspector = {
    listEvents: async (caseId) => clone(events.filter((e) => e.caseId === caseId)),
    listOutbox: outbox.listOutbox,
    countQueueAhead: async (c) => queueAhead(c),
  };

  return {
    cases: repository,
    timers: timers.queue,
    notices: outbox.queue,
    incidents: incidents.repository,
    ops: {
      async outboxCounts() {
        const counts = new Map<string, { platform: string; status: NoticeStatus; count: number }>();
        for (const n of await outbox.listOutbox({})) {
          if (n.status === 'sent') continue;
          const conversation = cases.get(n.caseId)?.conversation ?? '';
          const platform = /^(slack|discord):/.exec(conversation)?.[1] ?? 'other';
          const entry = counts.get(`${platform}|${n.status}`) ?? { platform, status: n.status, count: 0 };
          entry.count += 1;
          counts.set(`${platform}|${n.status}`, entry);
        }
        return [...counts.values()];
      },
      async ping() {},
    },
    reports: {
      async trails(query) {
        const found = [...cases.values()]
          .filter(
            (c) =>
              (query.team === undefined || c.team === query.team) &&
              c.createdAt < query.to &&
              (ACTIVE_STATUSES.includes(c.status) || c.updatedAt >= query.from),
          )
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number)
          .slice(0, query.limit ?? Infinity);
        return withTrails(found);
      },
      async reportPage(query) {
        const found = [...cases.values()]
          .filter(
            (c) =>
              (query.team === undefined || c.team === query.team) &&
              c.createdAt < query.to &&
              c.updatedAt >= query.from &&
              (query.after === null || c.id > query.after),
          )
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, query.size);
        return withTrails(found);
      },
      async timeline(caseId) {
        const c = cases.get(caseId);
        if (c === undefined) return null;
        return {
          case: clone(c),
          events: clone(events.filter((e) => e.caseId === caseId)),
          notices: await outbox.listOutbox({ caseId }),
        };
      },
    },
    inbound: {
      async remember(key, at) {
        if (inbound.has(key)) return false;
        inbound.set(key, new Date(at));
        return true;
      },
    },
    refs: {
      async put(caseId, name, value) {
        refs.set(refKey(caseId, name), value);
      },
      get: async (caseId, name) => refs.get(refKey(caseId, name)) ?? null,
    },
    ...createMemoryDataRights({ cases, events, outbox, refs, inbound, answers, incidents }),
    answers: answers.bank,
    away: createMemoryAway(),
    inspect,
    async close() {},
  };
}
