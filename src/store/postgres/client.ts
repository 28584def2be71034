// The generated PostgreSQL client lives at a custom output path, node_modules/.prisma/postgres-client.
// An ESM specifier cannot name it (package names may not start with a dot), so it is required as
// CommonJS — the way @prisma/client reaches its own `.prisma/client` — once, here, and wrapped as a
// SqlDb. Its types come from the file itself.
import { createRequire } from 'node:module';
import type * as Generated from '../../../node_modules/.prisma/postgres-client/index.js';
import type { Prisma } from '../../../node_modules/.prisma/postgres-client/index.js';
import type { SqlDb, SqlRunner } from '../sql/sql-db.ts';

export const { PrismaClient } = createRequire(import.meta.url)('.prisma/postgres-client') as typeof Generated;
export type PrismaClient = Generated.PrismaClient;

/** Waiting for a pooled connection, and a whole interactive transaction, in ms. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

// The statement's text with $n placeholders and its values, bound by the driver (never spliced).
const runner = (client: Prisma.TransactionClient): SqlRunner => ({
  query: (statement) => client.$queryRawUnsafe(statement.text, ...statement.values),
  execute: (statement) => client.$executeRawUnsafe(statement.text, ...statement.values),
});

export function postgresDb(prisma: PrismaClient): SqlDb {
  return {
    ...runner(prisma),
    transaction: (work) => prisma.$transaction((tx) => work(runner(tx)), TRANSACTION_OPTIONS),
    close: () => prisma.$disconnect(),
  };
}
