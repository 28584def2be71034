// One test per database: `run` gets a store on a fresh SQLite file, and on a fresh PostgreSQL
// schema when a server answers (else that test reports as skipped, with the reason).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { createSchema, PG_SKIP, pgTitle } from '../fixtures/postgres.ts';

export function itOnEachDatabase(
  title: string,
  run: (store: InspectableStore) => Promise<void>,
  timeoutMs?: number,
): void {
  it(
    `${title}: SQLite`,
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'each-db-'));
      const store = await openStore({ databaseUrl: `file:${path.join(dir, 'ladder.db')}` });
      try {
        await run(store);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    timeoutMs,
  );

  it.skipIf(PG_SKIP !== null)(
    pgTitle(`${title}: PostgreSQL`),
    async () => {
      const schema = await createSchema();
      const store = await openStore({ databaseUrl: schema.url });
      try {
        await run(store);
      } finally {
        await store.close();
        await schema.drop();
      }
    },
    timeoutMs,
  );
}
