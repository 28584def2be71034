// Seeding for the benchmarks: many rows written fast with prepared better-sqlite3 inserts, and a
// realistic deployment of open cases built from cases the desk itself made (so every row is what
// the app would write), spread over customers, teams, experts and time.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config/load-config.ts';
import { createDesk, type Desk } from '../src/core/desk.ts';
import type { Audience, Case, CaseEvent, Customer, OutboxEntry, Priority, Timer } from '../src/core/model.ts';
import { sqliteFilePath } from '../src/store/database-url.ts';
import { createMemoryStore } from '../src/store/memory-store.ts';
import { applySqliteMigrations } from '../src/store/sqlite/migrate-sqlite.ts';
import {
  caseColumns,
  type Columns,
  eventColumns,
  noticeColumns,
  timerColumns,
} from '../src/store/sql/rows.ts';
import { preparedInsert } from './stats.ts';

/** Tables the seeding writes, in foreign-key-free order. */
export type SeedTable = 'cases' | 'timers' | 'case_events' | 'outbox' | 'case_counters';
export type SeedRows = Partial<Record<SeedTable, readonly Columns[]>>;

/**
 * Writes `count` groups of rows into an already migrated SQLite file: `rowsOf(i)` gives the rows of
 * the i-th group (each table's rows must always have the same columns). One prepared insert per
 * table, `batch` groups per transaction, synchronous=OFF (seeding only).
 */
export function bulkInsert(
  file: string,
  count: number,
  rowsOf: (i: number) => SeedRows,
  options: { batch?: number } = {},
): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const inserts = new Map<SeedTable, Database.Statement>();
    const insert = (table: SeedTable, row: Columns) => {
      let statement = inserts.get(table);
      if (!statement) {
        statement = preparedInsert(db, table, row);
        inserts.set(table, statement);
      }
      statement.run(row);
    };
    const write = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        for (const [table, rows] of Object.entries(rowsOf(i)) as [SeedTable, readonly Columns[]][]) {
          for (const row of rows) insert(table, row);
        }
      }
    });
    const batch = options.batch ?? 20_000;
    for (let from = 0; from < count; from += batch) write(from, Math.min(count, from + batch));
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// A realistic deployment of open cases

export interface OpenCasesOptions {
  /** A `file:` URL; migrated here. */
  databaseUrl: string;
  cases: number;
  /** The support config the bot runs with (teams, topics, experts, policies). */
  configPath: string;
  /** Distinct customers (two thirds on Slack, one third on Discord). Default 300. */
  customers?: number;
  /** Cases whose first pending timer is due now (a second ago): the sweeps' work at start. Default 200. */
  dueNow?: number;
  /** Every this many cases, one with a message parked (kept failing). Default 1000. */
  parkedEvery?: number;
  slackTeam?: string;
  discordGuild?: string;
  /** Seed of the pseudo-random spread (same seed, same rows). */
  seed?: number;
  now?: Date;
}

export interface OpenCasesReport {
  cases: number;
  customers: number;
  timers: { pending: number; dueNow: number };
  events: number;
  outbox: number;
  byStatus: Record<string, number>;
  byTeam: Record<string, number>;
  /** Owner id -> open cases owned (experts, front line). */
  byOwner: Record<string, number>;
  /** The busiest customer's id and open cases. */
  busiestCustomer: { id: string; cases: number };
  /** Conversations of the cases with a timer due now, per platform (so a fake can know them). */
  dueNowConversations: string[];
  seconds: number;
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A case's state as the desk left it, with its pending timers, events and notices. */
interface Template {
  name: string;
  weight: number;
  c: Case;
  timers: Timer[];
  events: CaseEvent[];
  notices: OutboxEntry[];
  /** Staff who could own a clone instead of the template's owner (round robin). */
  owners: readonly string[];
}

type Step = 'open' | 'claim' | 'expert' | 'wait_customer' | 'approval';
interface Recipe {
  audience: Audience;
  topic: string;
  priority: Priority;
  step: Step;
  weight: number;
}

// What an open queue looks like: mostly new or with an expert, some waiting on the customer, a
// few waiting for a supervisor. Two thirds internal (Slack), one third community (Discord).
const RECIPES: Recipe[] = [
  { audience: 'internal', topic: 'billing', priority: 'normal', step: 'open', weight: 18 },
  { audience: 'internal', topic: 'general', priority: 'low', step: 'open', weight: 8 },
  { audience: 'internal', topic: 'access', priority: 'high', step: 'open', weight: 5 },
  { audience: 'internal', topic: 'general', priority: 'normal', step: 'claim', weight: 6 },
  { audience: 'internal', topic: 'billing', priority: 'normal', step: 'expert', weight: 18 },
  { audience: 'internal', topic: 'access', priority: 'urgent', step: 'expert', weight: 4 },
  { audience: 'internal', topic: 'billing', priority: 'normal', step: 'wait_customer', weight: 5 },
  { audience: 'internal', topic: 'billing', priority: 'high', step: 'approval', weight: 3 },
  { audience: 'community', topic: 'general', priority: 'normal', step: 'open', weight: 12 },
  { audience: 'community', topic: 'access', priority: 'normal', step: 'open', weight: 6 },
  { audience: 'community', topic: 'access', priority: 'normal', step: 'expert', weight: 8 },
  { audience: 'community', topic: 'billing', priority: 'high', step: 'expert', weight: 4 },
  { audience: 'community', topic: 'general', priority: 'normal', step: 'approval', weight: 3 },
];

const LOCALES = ['en', 'lt', 'fr'] as const;
const ZONES = ['Europe/Vilnius', 'Europe/London', 'Europe/Paris'] as const;

function customerOf(n: number, customers: number, slackTeam: string): Customer {
  const slack = n < Math.ceil((customers * 2) / 3);
  return {
    id: slack
      ? `slack:${slackTeam}:U07C${String(n).padStart(5, '0')}`
      : `discord:${2_000_000_000_000_000_000n + BigInt(n)}`,
    name: `Customer ${n}`,
    locale: LOCALES[n % LOCALES.length] ?? 'en',
    timeZone: ZONES[n % ZONES.length] ?? 'UTC',
  };
}

/** Builds one case per recipe through the desk (on the memory store), at `now`. */
async function buildTemplates(
  desk: Desk,
  store: ReturnType<typeof createMemoryStore>,
  workspace: string,
  options: { slackTeam: string; discordGuild: string },
): Promise<Template[]> {
  const { teams, topics } = desk.config.directory;
  const templates: Template[] = [];
  for (const [k, r] of RECIPES.entries()) {
    const customer: Customer =
      r.audience === 'internal'
        ? { id: `slack:${options.slackTeam}:U07TPL${k}`, name: 'Template', locale: 'en', timeZone: 'UTC' }
        : { id: `discord:19000000000000000${k}`, name: 'Template', locale: 'en', timeZone: 'UTC' };
    const conversation =
      r.audience === 'internal'
        ? `slack:${options.slackTeam}:D07TPL${k}:1760000000.00000${k}`
        : `discord:${options.discordGuild}:13900000000000000${k}`;
    let { case: c } = await desk.openCase({
      workspace,
      audience: r.audience,
      conversation,
      customer,
      text: 'The export page times out since the upgrade; the invoice for March shows twice.',
      topic: r.topic,
      priority: r.priority,
    });
    const team = teams[c.team];
    const frontLine = team?.frontLine[0] ?? team?.supervisors[0] ?? '';
    if (r.step !== 'open' && r.step !== 'approval') {
      c = (await desk.claim({ caseId: c.id, actor: { id: frontLine } })).case;
    }
    if (r.step === 'expert' || r.step === 'wait_customer') {
      c = (await desk.escalate({ caseId: c.id, actor: { id: frontLine } })).case;
    }
    if (r.step === 'wait_customer' && c.ownerId) {
      c = (
        await desk.askCustomer({
          caseId: c.id,
          actor: { id: c.ownerId },
          text: 'Could you send the invoice number?',
        })
      ).case;
    }
    if (r.step === 'approval') {
      c = (await desk.askSupervisor({ caseId: c.id, actor: { id: customer.id }, reason: 'Too slow' })).case;
    }
    const topic = topics[c.topic];
    const owners =
      c.level === 2 && topic
        ? [...topic.experts, ...topic.backups]
        : c.ownerId !== null
          ? (team?.frontLine ?? [])
          : [];
    templates.push({
      name: `${r.audience}/${r.topic}/${r.step}`,
      weight: r.weight,
      c,
      timers: (await store.cases.listTimers(c.id)).filter((t) => t.status === 'pending'),
      events: await store.inspect.listEvents(c.id),
      notices: await store.inspect.listOutbox({ caseId: c.id }),
      owners,
    });
  }
  return templates;
}

/** A deep copy of `value` with every Date moved by `ms`. */
function shifted<T>(value: T, ms: number): T {
  if (value instanceof Date) return new Date(value.getTime() + ms) as T;
  if (Array.isArray(value)) return value.map((v) => shifted(v, ms)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, ms)])) as T;
  }
  return value;
}

/**
 * Migrates the database and writes `cases` open cases (with their pending timers, their events and
 * their delivered notices) cloned from cases the desk made, spread over customers, topics, owners
 * and the recent past. Timers fall due over the coming hours and days, except `dueNow` of them.
 */
export async function seedOpenCases(options: OpenCasesOptions): Promise<OpenCasesReport> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const customers = options.customers ?? 300;
  const dueNow = Math.min(options.dueNow ?? 200, options.cases);
  const parkedEvery = options.parkedEvery ?? 1000;
  const slackTeam = options.slackTeam ?? 'T0ACME001';
  const discordGuild = options.discordGuild ?? '1100000000000000001';
  const rand = random(options.seed ?? 42);

  const config = loadConfig(options.configPath);
  const memory = createMemoryStore();
  const desk = createDesk({
    store: memory,
    clock: { now: () => now },
    ids: { next: randomUUID },
    config: config.desk,
  });
  const templates = await buildTemplates(desk, memory, config.workspace, { slackTeam, discordGuild });
  const withTimers = templates.filter((t) => t.timers.length > 0);
  const totalWeight = templates.reduce((s, t) => s + t.weight, 0);
  const pick = (pool: Template[], weight: number): Template => {
    let x = rand() * weight;
    for (const t of pool) if ((x -= t.weight) < 0) return t;
    return pool[pool.length - 1] as Template;
  };

  applySqliteMigrations(options.databaseUrl);
  const file = sqliteFilePath(options.databaseUrl);
  const report: OpenCasesReport = {
    cases: options.cases,
    customers,
    timers: { pending: 0, dueNow },
    events: 0,
    outbox: 0,
    byStatus: {},
    byTeam: {},
    byOwner: {},
    busiestCustomer: { id: '', cases: 0 },
    dueNowConversations: [],
    seconds: 0,
  };
  const perCustomer = new Map<string, number>();
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  const DAY = 86_400_000;
  const ownerTurn = new Map<Template, number>();

  bulkInsert(file, options.cases, (i) => {
    const due = i < dueNow;
    const t = due
      ? pick(
          withTimers,
          withTimers.reduce((s, x) => s + x.weight, 0),
        )
      : pick(templates, totalWeight);
    const firstDue = Math.min(...t.timers.map((x) => x.dueAt.getTime()));
    // Opened in the recent past; the pending timers are still ahead, or (dueNow) the first is due now.
    const ahead = Number.isFinite(firstDue) ? firstDue - now.getTime() : 7 * DAY;
    const shift = due ? -ahead - 1000 - i : -Math.floor(rand() * Math.min(0.9 * ahead, 14 * DAY));
    const id = `seed-${i}`;
    const slack = t.c.audience === 'internal';
    const slackCustomers = Math.ceil((customers * 2) / 3);
    // Customers on the case's platform, some much busier than others.
    const n = slack
      ? Math.floor(rand() ** 1.5 * slackCustomers)
      : slackCustomers + Math.floor(rand() ** 1.5 * (customers - slackCustomers));
    const customer = customerOf(n, customers, slackTeam);
    const conversation = slack
      ? `slack:${slackTeam}:D07C${String(n).padStart(5, '0')}:${1_760_000_000 + i}.000100`
      : `discord:${discordGuild}:${1_400_000_000_000_000_000n + BigInt(i)}`;
    const c = shifted(t.c, shift);
    c.id = id;
    c.number = i + 1;
    c.customer = customer;
    c.conversation = conversation;
    const windowId = c.window?.id;
    if (c.window) c.window.id = `${id}-w`;
    if (c.approval) {
      c.approval.id = `${id}-a`;
      c.approval.requestedBy = customer.id;
    }
    if (t.owners.length > 0 && c.ownerId !== null) {
      const turn = ownerTurn.get(t) ?? 0;
      ownerTurn.set(t, turn + 1);
      const owner = t.owners[turn % t.owners.length] ?? c.ownerId;
      if (c.window?.holder === c.ownerId) c.window.holder = owner;
      if (c.expertId === c.ownerId) c.expertId = owner;
      c.ownerId = owner;
    }
    const timers = t.timers.map((x, k) => ({
      ...timerColumns(shifted(x, shift)),
      id: `${id}-t${k}`,
      case_id: id,
      window_id: x.windowId === windowId ? `${id}-w` : x.windowId,
    }));
    // The template's own ids inside rows (actors, recipients, buttons) become this case's.
    const own = (text: string) =>
      text
        .replaceAll(t.c.id, id)
        .replaceAll(t.c.customer.id, customer.id)
        .replaceAll(t.c.conversation, conversation);
    const events = t.events.map((x, k) => {
      const row = eventColumns(shifted(x, shift));
      return { ...row, id: `${id}-e${k}`, case_id: id, actor_id: own(String(row.actor_id)) };
    });
    const parked = parkedEvery > 0 && i % parkedEvery === parkedEvery - 1;
    const outbox = t.notices.map((x, k) => {
      const row = noticeColumns(shifted(x, shift));
      const last = k === t.notices.length - 1;
      return {
        ...row,
        recipient: own(String(row.recipient)),
        actions: own(String(row.actions)),
        pace_key: own(String(row.pace_key)),
        id: `${id}-n${k}`,
        case_id: id,
        dedupe_key: `${id}:n${k}`,
        status: parked && last ? 'parked' : 'sent',
        attempts: parked && last ? 5 : 1,
        last_error: parked && last ? 'channel_not_found' : null,
        sent_at: parked && last ? null : (row.created_at as bigint) + 400n,
      };
    });
    report.timers.pending += timers.length;
    report.events += events.length;
    report.outbox += outbox.length;
    count(report.byStatus, c.status);
    count(report.byTeam, c.team);
    if (c.ownerId) count(report.byOwner, c.ownerId);
    const mine = (perCustomer.get(customer.id) ?? 0) + 1;
    perCustomer.set(customer.id, mine);
    if (mine > report.busiestCustomer.cases) report.busiestCustomer = { id: customer.id, cases: mine };
    if (due) report.dueNowConversations.push(conversation);
    return { cases: [caseColumns(c)], timers, case_events: events, outbox };
  });
  bulkInsert(file, 1, () => ({
    case_counters: [{ workspace: config.workspace, next: options.cases + 1 }],
  }));
  report.seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  return report;
}
