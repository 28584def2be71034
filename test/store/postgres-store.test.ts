// The store on real PostgreSQL (127.0.0.1:5432, see test/fixtures/postgres.ts): the contract
// suite and the ladder scenarios, as on memory and SQLite, then what only PostgreSQL has: a pool
// of connections working at once. One schema for the file, emptied before each test.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { isCoreError } from '../../src/core/errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import { BROKEN_PROMISES_SQL } from '../../src/store/sql/broken-promises.ts';
import { finishedBefore, inboundBefore } from '../../src/store/sql/data-rights.ts';
import { eventsBy } from '../../src/store/sql/personal-rows.ts';
import type { Sql } from '../../src/store/sql/sql-tag.ts';
import { ERASED } from '../../src/store/redaction.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { at, changeOf, MIN, makeTimer, seedCase, T0 } from '../support/case-factory.ts';

const DAY = 24 * 60 * MIN;
import { as, harness } from '../support/desk-harness.ts';
import {
  createSchema,
  emptyTables,
  PG_SKIP,
  PG_URL,
  pgTitle,
  type TestSchema,
} from '../fixtures/postgres.ts';
import { PARTIAL_CASE_INDEXES } from './partial-case-indexes.ts';
import { describeStoreContract, type StoreHandle } from './contract.ts';
import { describeAnswerBankDesk } from './answer-bank-scenarios.ts';
import { describeLadder } from './ladder-scenarios.ts';

describe.skipIf(PG_SKIP !== null)(pgTitle('PostgreSQL store'), () => {
  let schema: TestSchema;
  let store: InspectableStore;
  beforeAll(async () => {
    schema = await createSchema();
    store = await openStore({ databaseUrl: schema.url });
  });
  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });
  const fresh = async (): Promise<StoreHandle> => {
    await emptyTables(schema);
    return { store, cleanup: async () => {} };
  };

  describeStoreContract('postgresql', fresh);
  describeLadder('postgresql', fresh);
  describeAnswerBankDesk('postgresql', fresh);

  describe('PostgreSQL specifics', () => {
    it('stores instants as epoch-millisecond BIGINT, in the schema the URL names', async () => {
      await fresh();
      const c = await seedCase(store, { createdAt: T0 }, (n) => ({
        timers: [makeTimer(n, { dueAt: at(MIN + 1) })],
      }));
      const rows = await schema.query<{ created_at: string; due_at: string }>(
        'SELECT c.created_at, t.due_at FROM cases c JOIN timers t ON t.case_id = c.id WHERE c.id = $1',
        [c.id],
      );
      expect(rows).toEqual([{ created_at: String(T0.getTime()), due_at: String(at(MIN + 1).getTime()) }]);
      const types = await schema.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = $1 AND column_name IN ('created_at', 'due_at', 'lease_until', 'next_at')
         ORDER BY table_name, column_name`,
        [schema.name],
      );
      expect(new Set(types.map((t) => t.data_type))).toEqual(new Set(['bigint']));
      expect(types.length).toBeGreaterThanOrEqual(6);
      // Another schema is another database as far as the store can tell.
      const other = await createSchema();
      const otherStore = await openStore({ databaseUrl: other.url });
      try {
        expect(await otherStore.cases.getCase(c.id)).toBeNull();
        expect((await store.cases.getCase(c.id))?.id).toBe(c.id);
      } finally {
        await otherStore.close();
        await other.drop();
      }
    });

    it('can find broken promises through the partial index of active cases, scanning no table', async () => {
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema.name}` });
      await client.connect();
      try {
        // On a small table the planner rightly prefers a scan: forbid it to see the indexes are usable.
        await client.query('SET enable_seqscan = off');
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${BROKEN_PROMISES_SQL.replace('?', '$1')}`,
          [10],
        );
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        // Whether timers are probed per case or hashed once depends on the statistics; neither scans.
        expect(plan).toMatch(/Index (Only )?Scan (on|using) cases_active_number_idx/);
        expect(plan).not.toContain('Seq Scan');
      } finally {
        await client.end();
      }
    });

    it("can reach a case's partial indexes from every query filtering on what they list", async () => {
      // The statements the store sends (the pool's clients are pg.Client).
      type Sent = { text: string; values: unknown[] };
      const sent: Sent[] = [];
      const query = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const config = args[0] as string | { text?: string; values?: unknown[] };
        const text = typeof config === 'string' ? config : config?.text;
        const values = typeof config === 'string' ? ((args[1] as unknown[]) ?? []) : (config?.values ?? []);
        if (text && /FROM\s+cases\b/.test(text)) sent.push({ text, values });
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      const statementOf = async (run: () => Promise<unknown>): Promise<Sent> => {
        const from = sent.length;
        await run();
        expect(sent.slice(from)).toHaveLength(1);
        return sent[from] as Sent;
      };
      let statements: { owner: Sent; approval: Sent; risk: Sent; incident: Sent; load: Sent };
      try {
        statements = {
          owner: await statementOf(() => store.cases.listCases({ ownerId: 'tom', statuses: ['open'] })),
          approval: await statementOf(() =>
            store.cases.listCases({ team: 'support', approvalPending: true }),
          ),
          risk: await statementOf(() => store.cases.listCases({ team: 'support', atRisk: true })),
          incident: await statementOf(() => store.cases.listCases({ incidentId: 'incident-1' })),
          load: await statementOf(() => store.cases.expertLoad(['tom', 'jonas'])),
        };
      } finally {
        pg.Client.prototype.query = query;
      }
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema.name}` });
      await client.connect();
      try {
        const { rows: partial } = await client.query<{ indexname: string }>(
          `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'cases' AND indexdef LIKE '% WHERE %'`,
          [schema.name],
        );
        expect(partial.map((r) => r.indexname)).toEqual(expect.arrayContaining(PARTIAL_CASE_INDEXES));
        await client.query('SET enable_seqscan = off');
        // As the store sends them: unnamed statements, planned with their values.
        const plan = async ({ text, values }: { text: string; values: unknown[] }) => {
          const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        };
        expect(await plan(statements.owner)).toMatch(
          /Index (Only )?Scan using cases_owner_id_status_number_idx/,
        );
        expect(await plan(statements.approval)).toMatch(/cases_team_approval_status_number_idx/);
        expect(await plan(statements.risk)).toMatch(/cases_team_risk_band_number_idx/);
        expect(await plan(statements.incident)).toMatch(/cases_incident_id_number_idx/);
        const load = await plan(statements.load);
        expect(load).toMatch(/cases_owner_id_status_number_idx/);
        expect(load).toMatch(/cases_expert_id_expert_assigned_at_idx/);
        for (const statement of Object.values(statements))
          expect(await plan(statement)).not.toContain('Seq Scan');
      } finally {
        await client.end();
      }
    });

    it('can find what retention and the privacy command look for through indexes, scanning no table', async () => {
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema.name}` });
      await client.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = async (statement: Sql) => {
          const values = statement.values.map((v) => (typeof v === 'bigint' ? v.toString() : v));
          const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, values);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        };
        const finished = await plan(finishedBefore(T0, 100));
        expect(finished).toMatch(/Index Scan using cases_unredacted_finished_idx/);
        expect(await plan(eventsBy('tom', ['case-1']))).toMatch(/case_events_actor_id_idx/);
        expect(await plan(inboundBefore(T0, 100))).toMatch(/inbound_events_at_idx/);
        expect(finished).not.toContain('Seq Scan');
      } finally {
        await client.end();
      }
    });

    it('retention passes racing on the pool redact and record each finished case once', async () => {
      await fresh();
      // Texts already erased (say, at the customer's request before the case closed): redacting
      // changes no row, so nothing but the pass's own mark keeps two passes from both recording it.
      const finished = {
        status: 'closed',
        window: null,
        resolvedAt: T0,
        closedAt: T0,
        words: ERASED,
        customer: { id: 'slack:T1:U1', name: ERASED, locale: 'en', timeZone: 'UTC' },
      } as const;
      const cases = await Promise.all(Array.from({ length: 30 }, () => seedCase(store, finished)));
      const request = { requestedBy: 'system', at: at(400 * DAY), ids: { next: () => crypto.randomUUID() } };
      const passes = await Promise.all(
        Array.from({ length: 4 }, () => store.retention.redactFinishedBefore(at(DAY), request, 100)),
      );
      expect(passes.reduce((sum, p) => sum + p.cases, 0)).toBe(30);
      for (const c of cases) {
        const erased = (await store.inspect.listEvents(c.id)).filter((e) => e.type === 'data_erased');
        expect(erased).toHaveLength(1);
      }
    });

    it('many claimers on the pool at once take 300 timers exactly once between them', async () => {
      await fresh();
      await seedCase(store, {}, (n) => ({
        timers: Array.from({ length: 300 }, (_, i) => makeTimer(n, { dueAt: at(i) })),
      }));
      const claimed: string[] = [];
      const claimer = async (owner: string) => {
        for (;;) {
          const batch = await store.timers.claim({ now: at(MIN), limit: 7, leaseMs: MIN, owner });
          if (batch.length === 0) return;
          claimed.push(...batch.map((t) => t.id));
        }
      };
      await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(claimer));
      expect(claimed).toHaveLength(300);
      expect(new Set(claimed).size).toBe(300);
    });

    it('a commit racing a takeover of its timer either completes it or writes nothing', async () => {
      // Each round: sweeper A holds a lapsed lease and commits while sweeper B claims the timer.
      // Exactly one of them may own the outcome: A's commit succeeds and B gets nothing, or B
      // takes the timer and A's commit fails with lease_lost, leaving the case untouched.
      await fresh();
      const outcomes = { committed: 0, fenced: 0 };
      for (let round = 0; round < 40; round++) {
        const c = await seedCase(store, {}, (n) => ({ timers: [makeTimer(n, { dueAt: at(0) })] }));
        const [held] = await store.timers.claim({ now: at(0), limit: 1, leaseMs: 1000, owner: 'a' });
        if (!held) throw new Error('nothing claimed');
        const [commit, taken] = await Promise.allSettled([
          store.cases.commit(changeOf(c, { ownerId: 'tom' }, { completeTimer: held })),
          store.timers.claim({ now: at(2000), limit: 1, leaseMs: MIN, owner: 'b' }),
        ]);
        const takenOver = taken.status === 'fulfilled' && taken.value.length === 1;
        const stored = await store.cases.getCase(c.id);
        if (commit.status === 'fulfilled') {
          outcomes.committed += 1;
          expect(takenOver).toBe(false);
          expect(stored?.ownerId).toBe('tom');
        } else {
          outcomes.fenced += 1;
          expect(isCoreError(commit.reason, 'lease_lost')).toBe(true);
          expect(takenOver).toBe(true);
          expect(stored).toEqual(c);
        }
        await emptyTables(schema);
      }
      expect(outcomes.committed + outcomes.fenced).toBe(40);
    });
    it('50 commands on one case from the pool at once all land, one version each', async () => {
      await fresh();
      const h = harness({ store });
      const caseId = await h.open();
      const desk = createDesk({
        store,
        clock: h.clock,
        ids: { next: () => crypto.randomUUID() },
        config: h.config,
      });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => desk.addNote({ caseId, actor: as('rasa'), text: `note ${i}` })),
      );
      const landed = results.filter((r) => r.status === 'fulfilled').length;
      const refused = results.filter((r) => r.status === 'rejected');
      // The desk retries a conflict a few times; whatever gave up did so with `conflict`, never worse.
      expect(refused.every((r) => isCoreError((r as PromiseRejectedResult).reason, 'conflict'))).toBe(true);
      const events = (await store.inspect.listEvents(caseId)).filter((e) => e.type === 'note_added');
      expect(events).toHaveLength(landed);
      expect((await store.cases.getCase(caseId))?.version).toBe(1 + landed);
    });
  });
});
