import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectableStore } from '../../src/store/store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { BROKEN_PROMISES_SQL } from '../../src/store/sql/broken-promises.ts';
import { finishedBefore, inboundBefore } from '../../src/store/sql/data-rights.ts';
import { eventsBy } from '../../src/store/sql/personal-rows.ts';
import { earlierPending } from '../../src/store/sql/writes.ts';
import {
  CLAIM_NOTICES_SQL,
  CLAIM_PACED_NOTICES_SQL,
  CLAIM_TIMERS_SQL,
} from '../../src/store/sqlite/claims.ts';
import { at, changeOf, MIN, makeTimer, seedCase, T0 } from '../support/case-factory.ts';
import { PARTIAL_CASE_INDEXES } from './partial-case-indexes.ts';
import { describeStoreContract } from './contract.ts';
import { describeAnswerBankDesk } from './answer-bank-scenarios.ts';
import { describeLadder } from './ladder-scenarios.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ladder-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newUrl = () => `file:${path.join(dir, `store-${++files}.db`)}`;

const openSqlite = async () => {
  const store = await openStore({ databaseUrl: newUrl() });
  return { store, cleanup: () => store.close() };
};
describeStoreContract('sqlite', openSqlite);
describeLadder('sqlite', openSqlite);
describeAnswerBankDesk('sqlite', openSqlite);

describe('SQLite store specifics', () => {
  const open = async (): Promise<{ store: InspectableStore; file: string; url: string }> => {
    const url = newUrl();
    return { store: await openStore({ databaseUrl: url }), file: url.slice('file:'.length), url };
  };

  it('stores instants as epoch-millisecond integers, in WAL mode', async () => {
    const { store, file } = await open();
    const c = await seedCase(store, { createdAt: T0 }, (n) => ({
      timers: [makeTimer(n, { dueAt: at(MIN + 1) })],
    }));
    await store.close();
    const db = new Database(file, { readonly: true });
    const row = db
      .prepare('SELECT created_at AS v, typeof(created_at) AS t FROM cases WHERE id = ?')
      .get(c.id);
    const timer = db.prepare('SELECT due_at AS v, typeof(due_at) AS t FROM timers').get();
    const mode = db.pragma('journal_mode', { simple: true });
    db.close();
    expect(row).toEqual({ v: T0.getTime(), t: 'integer' });
    expect(timer).toEqual({ v: at(MIN + 1).getTime(), t: 'integer' });
    expect(mode).toBe('wal');
  });

  it('claims through the (status, due) indexes, never a table scan', async () => {
    const { store, file } = await open();
    await store.close();
    const db = new Database(file, { readonly: true });
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(
          ...sql
            .split('?')
            .slice(1)
            .map(() => 1),
        )
        .map((r) => (r as { detail: string }).detail)
        .join('\n');
    const timers = plan(CLAIM_TIMERS_SQL);
    const outbox = plan(CLAIM_NOTICES_SQL);
    const paced = plan(CLAIM_PACED_NOTICES_SQL);
    const earlier = plan(earlierPending('conversation:slack:T1:C1', 1).sql);
    db.close();
    expect(timers).toContain('timers_status_due_at_idx');
    expect(timers).not.toMatch(/SCAN timers(?! USING)/);
    expect(outbox).toContain('outbox_status_next_attempt_at_idx');
    expect(outbox).not.toMatch(/SCAN outbox(?! USING)/);
    expect(paced).toContain('outbox_status_next_attempt_at_idx');
    expect(paced).toMatch(/SEARCH p USING INDEX sqlite_autoindex_pace_keys_1/);
    expect(paced).not.toMatch(/SCAN (outbox|o|pace_keys|p)\b(?! USING)/);
    // A new case's claim asks whether an earlier notice to its destination waits: a range in the
    // destination's index, whatever the backlog.
    expect(earlier).toMatch(
      /SEARCH outbox USING (COVERING )?INDEX outbox_pace_key_status_idx \(pace_key=\? AND status=\? AND rowid<\?\)/,
    );
  });

  it("reaches a case's partial indexes from every query filtering on what they list", async () => {
    const { store, file } = await open();
    // The statements the store prepares (each once: it caches them by text).
    const prepared: string[] = [];
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, source: string) {
      prepared.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    const statementOf = async (run: () => Promise<unknown>) => {
      const from = prepared.length;
      await run();
      const mine = prepared.slice(from).filter((s) => /FROM\s+cases\b/.test(s));
      expect(mine).toHaveLength(1);
      return mine[0] as string;
    };
    let statements: Record<string, string>;
    try {
      statements = {
        owner: await statementOf(() => store.cases.listCases({ ownerId: 'tom', statuses: ['open'] })),
        approval: await statementOf(() => store.cases.listCases({ team: 'support', approvalPending: true })),
        risk: await statementOf(() => store.cases.listCases({ team: 'support', atRisk: true })),
        incident: await statementOf(() => store.cases.listCases({ incidentId: 'incident-1' })),
        load: await statementOf(() => store.cases.expertLoad(['tom', 'jonas'])),
      };
    } finally {
      Database.prototype.prepare = prepare;
    }
    await store.close();
    const db = new Database(file, { readonly: true });
    const plan = (source: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${source}`)
        .all(
          ...source
            .split('?')
            .slice(1)
            .map(() => 'x'),
        )
        .map((r) => (r as { detail: string }).detail)
        .join('\n');
    const plans = Object.fromEntries(Object.entries(statements).map(([k, source]) => [k, plan(source)]));
    const partial = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql LIKE '%WHERE%'`,
        )
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    db.close();
    expect(partial).toEqual(expect.arrayContaining(PARTIAL_CASE_INDEXES));
    expect(plans.owner).toMatch(/SEARCH cases USING INDEX cases_owner_id_status_number_idx/);
    expect(plans.approval).toMatch(/SEARCH cases USING INDEX cases_team_approval_status_number_idx/);
    expect(plans.risk).toMatch(/SEARCH cases USING INDEX cases_team_risk_band_number_idx/);
    expect(plans.incident).toMatch(/SEARCH cases USING INDEX cases_incident_id_number_idx/);
    expect(plans.load).toMatch(/cases_owner_id_status_number_idx/);
    expect(plans.load).toMatch(/SEARCH c USING INDEX cases_expert_id_expert_assigned_at_idx/);
    expect(plans.load).toMatch(/SEARCH c2 USING (COVERING )?INDEX cases_expert_id_expert_assigned_at_idx/);
    for (const p of Object.values(plans)) expect(p).not.toMatch(/SCAN (cases|c|c2)\b(?! USING)/);
  });

  it('finds broken promises walking only active cases, in number order, with one timer probe each', async () => {
    const { store, file } = await open();
    await store.close();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${BROKEN_PROMISES_SQL}`)
      .all(10)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    db.close();
    // The partial index (status active) gives the order too: no sort, no scan of finished cases.
    expect(plan).toMatch(/SCAN c USING (COVERING )?INDEX cases_active_number_idx/);
    expect(plan).toMatch(/SEARCH t USING INDEX timers_case_id_window_id_idx \(case_id=\? AND window_id=\?\)/);
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('finds what retention and the privacy command look for through indexes, never a table scan', async () => {
    const { store, file } = await open();
    await store.close();
    const db = new Database(file, { readonly: true });
    const plan = (statement: { sql: string; values: unknown[] }) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
        .all(...statement.values.map((v) => (typeof v === 'bigint' ? Number(v) : v)))
        .map((r) => (r as { detail: string }).detail)
        .join('\n');
    const finished = plan(finishedBefore(T0, 100));
    const authored = plan(eventsBy('tom', ['case-1']));
    const inbound = plan(inboundBefore(T0, 100));
    db.close();
    // The partial index of finished cases not yet redacted gives the order too: no sort.
    expect(finished).toMatch(/SEARCH cases USING INDEX cases_unredacted_finished_idx \(resolved_at<\?\)/);
    expect(finished).not.toContain('TEMP B-TREE');
    expect(authored).toMatch(/SEARCH case_events USING INDEX case_events_actor_id_idx \(actor_id=\?\)/);
    expect(inbound).toMatch(/SEARCH inbound_events USING (COVERING )?INDEX inbound_events_at_idx \(at<\?\)/);
  });

  it('keeps writes issued while another transaction is open and then rolls back', async () => {
    // Prisma's interactive transaction holds the store's one connection across awaits: a query
    // sent meanwhile would run inside it and vanish with the rollback, unless operations take turns.
    const { store } = await open();
    const c = await seedCase(store);
    const doomed = store.cases.commit(
      changeOf(c, { ownerId: 'tom' }, { completeTimer: { id: 'no-such-timer', leaseToken: 'x' } }),
    );
    let settled = false;
    const outcome = doomed.then(
      () => 'committed',
      (e: { code?: string }) => e.code,
    );
    void outcome.finally(() => {
      settled = true;
    });
    // Other work keeps writing, one microtask apart, while the commit runs (up to 500 writes).
    const keys: string[] = [];
    const firstSeen: Promise<boolean>[] = [];
    while (!settled && keys.length < 500) {
      const key = `slack:Ev${keys.length}`;
      keys.push(key);
      firstSeen.push(store.inbound.remember(key, T0));
      await Promise.resolve();
    }
    expect(await outcome).toBe('lease_lost');
    expect(await Promise.all(firstSeen)).toEqual(keys.map(() => true));
    const seenAgain = await Promise.all(keys.map((key) => store.inbound.remember(key, at(MIN))));
    expect(seenAgain).toEqual(keys.map(() => false));
    expect((await store.cases.getCase(c.id))?.ownerId).toBeNull();
    await store.close();
  });

  it('keeps numbers and claims exact across two processes writing the same file', async () => {
    const { store, url } = await open();
    await seedCase(store, {}, (n) => ({
      timers: Array.from({ length: 40 }, (_, i) => makeTimer(n, { dueAt: at(i * 1000) })),
    }));
    await store.close();
    const outputs = await Promise.all(['p1', 'p2'].map((owner) => runWorker(url, owner)));
    const results = outputs.map((o) => JSON.parse(o) as { numbers: number[]; claimed: string[] });
    const numbers = results.flatMap((r) => r.numbers).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    const claimed = results.flatMap((r) => r.claimed);
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed).size).toBe(40);
  });
});

// A child process that opens the store on `url`, then interleaves 20 createCase calls and timer
// claims of 2 with the other child. Prints what it got as JSON.
async function runWorker(url: string, owner: string): Promise<string> {
  const root = path.resolve(import.meta.dirname, '../..');
  const script = path.join(dir, `worker-${owner}.mts`);
  writeFileSync(
    script,
    `import { openStore } from ${JSON.stringify(path.join(root, 'src/store/open-store.ts'))};
import { makeDraft, withRows } from ${JSON.stringify(path.join(root, 'test/support/case-factory.ts'))};
// Two processes on one file on purpose (the claims' exactness across processes is the point):
// without singleWriter: false the second would be refused as a second copy of the bot.
const store = await openStore({ databaseUrl: ${JSON.stringify(url)}, singleWriter: false });
const numbers: number[] = [];
const claimed: string[] = [];
for (let i = 0; i < 20; i++) {
  const { case: c } = await store.cases.createCase(makeDraft({ id: '${owner}-' + i }), withRows());
  numbers.push(c.number);
  const batch = await store.timers.claim({ now: new Date(${T0.getTime() + 3_600_000}), limit: 2, leaseMs: 60_000, owner: '${owner}' });
  claimed.push(...batch.map((t) => t.id));
}
await store.close();
console.log(JSON.stringify({ numbers, claimed }));
`,
  );
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const { stdout } = await promisify(execFile)(tsx, [script], { cwd: root });
  return stdout;
}
