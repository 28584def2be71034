// Incidents on SQLite and on PostgreSQL (127.0.0.1:5432): the scenarios of incident-scenarios.ts,
// as on memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { createSchema, emptyTables, PG_SKIP, pgTitle, type TestSchema } from '../fixtures/postgres.ts';
import { describeIncidents } from './incident-scenarios.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'incidents-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describeIncidents('sqlite', async () => {
  const store = await openStore({ databaseUrl: `file:${path.join(dir, `store-${++files}.db`)}` });
  return { store, cleanup: () => store.close() };
});

describe.skipIf(PG_SKIP !== null)(pgTitle('PostgreSQL incidents'), () => {
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
  describeIncidents('postgresql', async () => {
    await emptyTables(schema);
    return { store, cleanup: async () => {} };
  });
});
