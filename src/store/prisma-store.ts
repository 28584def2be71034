// The CaseStore on SQLite through Prisma and better-sqlite3. One connection per store; every
// operation takes its turn (see serial.ts). Multi-row writes run in one interactive transaction
// whose first statement is a write, so SQLite takes the write lock before anything is read.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { CoreError } from '../core/errors.ts';
import type { Case } from '../core/model.ts';
import type { CaseChange, CaseStore } from '../core/ports.ts';
import { sqliteFilePath } from './database-url.ts';
import { claimOutbox, claimTimers } from './sqlite/claims.ts';
import { type Prisma, PrismaClient } from './sqlite/client.ts';
import { rowToCase, rowToEvent, rowToOutboxEntry, rowToTimer, toMs } from './sqlite/rows.ts';
import { serialQueue } from './sqlite/serial.ts';
import {
  allocateNumber,
  cancelOpenTimers,
  completeTimer,
  insertCase,
  insertRows,
  updateCaseAtVersion,
} from './sqlite/writes.ts';

/** How long a connection waits for another process's write lock before failing, in ms. */
const BUSY_TIMEOUT_MS = 5_000;
/** Prisma's Int is 32-bit: larger comparison bounds (e.g. MAX_SAFE_INTEGER) are clamped. */
const INT32_MAX = 2_147_483_647;

/** Opens the store on an already migrated SQLite database (see openStore for the full path). */
export async function openSqliteStore(databaseUrl: string): Promise<CaseStore> {
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }),
  });
  await prisma.$connect();
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  return createPrismaStore(prisma);
}

export function createPrismaStore(prisma: PrismaClient): CaseStore {
  const turn = serialQueue();

  const readCase = async (where: Prisma.CaseRowWhereInput, newest = false): Promise<Case | null> => {
    const row = await prisma.caseRow.findFirst({ where, orderBy: { number: newest ? 'desc' : 'asc' } });
    return row ? rowToCase(row) : null;
  };

  return {
    createCase: (draft, build) =>
      turn(() =>
        prisma.$transaction(async (tx) => {
          const number = await allocateNumber(tx, draft.workspace);
          const rows = build({ ...draft, number });
          if (rows.case.id !== draft.id || rows.case.number !== number) {
            throw new Error(`createCase: build must keep the case id and its number ${number}`);
          }
          await insertCase(tx, rows.case);
          if (rows.cancelTimers) await cancelOpenTimers(tx, rows.case.id);
          await insertRows(tx, rows);
          return rows.case;
        }),
      ),

    getCase: (id) => turn(() => readCase({ id })),
    findCaseByNumber: (workspace, number) => turn(() => readCase({ workspace, number })),
    findCaseByConversation: (conversation) => turn(() => readCase({ conversation }, true)),

    listCases: (query) =>
      turn(async () => {
        const rows = await prisma.caseRow.findMany({
          where: {
            ...(query.workspace !== undefined && { workspace: query.workspace }),
            ...(query.customerId !== undefined && { customerId: query.customerId }),
            ...(query.ownerId !== undefined && { ownerId: query.ownerId }),
            ...(query.team !== undefined && { team: query.team }),
            ...(query.statuses !== undefined && { status: { in: [...query.statuses] } }),
          },
          orderBy: { number: query.newestFirst ? 'desc' : 'asc' },
          ...(query.limit !== undefined && { take: query.limit }),
        });
        return rows.map(rowToCase);
      }),

    commit: (change) => turn(() => prisma.$transaction((tx) => commitChange(tx, change))),

    countQueueAhead: (c) =>
      turn(() =>
        prisma.caseRow.count({
          where: {
            team: c.team,
            level: 1,
            status: 'open',
            ownerId: null,
            OR: [
              { createdAt: { lt: toMs(c.createdAt) } },
              { createdAt: toMs(c.createdAt), number: { lt: Math.min(c.number, INT32_MAX) } },
            ],
          },
        }),
      ),

    expertLoad: (personIds) =>
      turn(async () => {
        const ids = [...personIds];
        const owned = await prisma.caseRow.groupBy({
          by: ['ownerId'],
          where: { ownerId: { in: ids }, status: { notIn: ['resolved', 'closed'] } },
          _count: { _all: true },
        });
        const assigned = await prisma.caseRow.groupBy({
          by: ['expertId'],
          where: { expertId: { in: ids }, expertAssignedAt: { not: null } },
          _max: { expertAssignedAt: true },
        });
        return ids.map((personId) => {
          const last = assigned.find((a) => a.expertId === personId)?._max.expertAssignedAt ?? null;
          return {
            personId,
            openCases: owned.find((o) => o.ownerId === personId)?._count._all ?? 0,
            lastAssignedAt: last === null ? null : new Date(Number(last)),
          };
        });
      }),

    listEvents: (caseId) =>
      turn(async () => {
        const rows = await prisma.caseEventRow.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
        return rows.map(rowToEvent);
      }),

    listTimers: (caseId) =>
      turn(async () => {
        const rows = await prisma.timerRow.findMany({
          where: { caseId },
          orderBy: [{ dueAt: 'asc' }, { seq: 'asc' }],
        });
        return rows.map(rowToTimer);
      }),

    claimDueTimers: (options) => turn(() => claimTimers(prisma, options)),

    releaseTimer: (id, leaseToken) =>
      turn(async () => {
        await prisma.timerRow.updateMany({
          where: { id, leaseToken, status: 'claimed' },
          data: { status: 'pending', leaseToken: null, leaseUntil: null },
        });
      }),

    countOverdueTimers: (before) =>
      turn(() =>
        prisma.timerRow.count({
          where: { status: { in: ['pending', 'claimed'] }, dueAt: { lt: toMs(before) } },
        }),
      ),

    claimNotices: (options) => turn(() => claimOutbox(prisma, options)),

    markNoticeSent: (id, leaseToken, at) =>
      turn(async () => {
        // A late confirmation also settles a row that was marked ambiguous when its lease ran out.
        await prisma.outboxRow.updateMany({
          where: { id, leaseToken, status: { in: ['sending', 'ambiguous'] } },
          data: { status: 'sent', sentAt: toMs(at) },
        });
      }),

    markNoticeFailed: (id, leaseToken, failure) =>
      turn(async () => {
        const status = failure.ambiguous ? 'ambiguous' : failure.retryAt ? 'pending' : 'parked';
        await prisma.outboxRow.updateMany({
          where: { id, leaseToken, status: 'sending' },
          data: {
            status,
            attempts: { increment: 1 },
            lastError: failure.error,
            ...(status === 'pending' && failure.retryAt && { nextAttemptAt: toMs(failure.retryAt) }),
          },
        });
      }),

    listOutbox: (query) =>
      turn(async () => {
        const rows = await prisma.outboxRow.findMany({
          where: {
            ...(query.caseId !== undefined && { caseId: query.caseId }),
            ...(query.statuses !== undefined && { status: { in: [...query.statuses] } }),
          },
          orderBy: [{ createdAt: 'asc' }, { seq: 'asc' }],
        });
        return rows.map(rowToOutboxEntry);
      }),

    rememberInbound: (key, at) =>
      turn(async () => {
        const inserted = await prisma.$executeRaw`
          INSERT INTO inbound_events ("key", at) VALUES (${key}, ${toMs(at)}) ON CONFLICT ("key") DO NOTHING`;
        return inserted === 1;
      }),

    putRef: (caseId, name, value) =>
      turn(async () => {
        await prisma.$executeRaw`
          INSERT INTO case_refs (case_id, name, value) VALUES (${caseId}, ${name}, ${value})
          ON CONFLICT (case_id, name) DO UPDATE SET value = excluded.value`;
      }),

    getRef: (caseId, name) =>
      turn(async () => {
        const rows = await prisma.$queryRaw<{ value: string }[]>`
          SELECT value FROM case_refs WHERE case_id = ${caseId} AND name = ${name}`;
        return rows[0]?.value ?? null;
      }),

    close: () => turn(() => prisma.$disconnect()),
  };
}

async function commitChange(tx: Prisma.TransactionClient, change: CaseChange): Promise<void> {
  // The version check is the transaction's first statement and a write (see the file comment).
  if (!(await updateCaseAtVersion(tx, change.case, change.expectedVersion))) {
    throw new CoreError('conflict', 'error.conflict');
  }
  if (change.completeTimer && !(await completeTimer(tx, change.completeTimer))) {
    throw new CoreError('lease_lost', 'error.conflict');
  }
  if (change.cancelTimers) await cancelOpenTimers(tx, change.case.id);
  await insertRows(tx, change);
}
