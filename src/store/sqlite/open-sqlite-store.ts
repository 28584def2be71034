// The store on SQLite: better-sqlite3 directly (WAL, synchronous=FULL), one connection per
// store, operations grouped into shared transactions (see group-commit.ts).
import type { InspectableStore } from '../store.ts';
import { sqliteFilePath } from '../database-url.ts';
import { createSqlStore } from '../sql/sql-store.ts';
import { sqltag as sql } from '../sql/sql-tag.ts';
import { sqliteAnswerSearch } from './answer-search.ts';
import { claimOutbox, claimTimers } from './claims.ts';
import { openGroupCommitDb } from './group-commit.ts';
import { createPrivateFile } from './private-file.ts';

/** Opens the store on an already migrated SQLite database (see openStore for the full path). */
export async function openSqliteStore(databaseUrl: string): Promise<InspectableStore> {
  const file = sqliteFilePath(databaseUrl);
  createPrivateFile(file);
  const { db, turn, read } = openGroupCommitDb(file);
  return createSqlStore(db, {
    claimTimers: (sqlDb, options) => claimTimers(sqlDb, options),
    claimNotices: (sqlDb, options) => claimOutbox(sqlDb, options),
    turn,
    read,
    greatest: (a, b) => sql`max(${a}, ${b})`,
    filterOnly: (column) => sql`+${column}`,
    searchAnswers: sqliteAnswerSearch,
  });
}
