// The generated PostgreSQL client lives at a custom output path (a bare specifier cannot reach it from
// ESM: package names may not start with a dot), so it is imported once, here, and wrapped as a SqlDb.
import type { SqlDb, SqlRunner } from '../sql/sql-db.ts';
import { type Prisma, PrismaClient } from '../../../node_modules/.prisma/postgres-client/index.js';

export { PrismaClient };

/** Waiting for a pooled connection, and a whole interactive transaction, in ms. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

const runner = (client: Prisma.TransactionClient): SqlRunner => ({
  query: (statement) => client.$queryRaw(statement),
  execute: (statement) => client.$executeRaw(statement),
});

export function postgresDb(prisma: PrismaClient): SqlDb {
  return {
    ...runner(prisma),
    transaction: (work) => prisma.$transaction((tx) => work(runner(tx)), TRANSACTION_OPTIONS),
    close: () => prisma.$disconnect(),
  };
}
