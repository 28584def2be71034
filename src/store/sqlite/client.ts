// The generated SQLite client lives at a custom output path (it cannot be reached by a bare
// specifier from ESM: package names may not start with a dot), so it is imported once, here.
export type { CaseEventRow, CaseRow } from '../../../node_modules/.prisma/sqlite-client/index.js';
export { Prisma, PrismaClient } from '../../../node_modules/.prisma/sqlite-client/index.js';
