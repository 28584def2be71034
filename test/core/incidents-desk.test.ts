// Incidents on the in-memory store (test/store/incident-scenarios.ts; SQLite and PostgreSQL in
// test/store/incidents-sql.test.ts).
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { describeIncidents } from '../store/incident-scenarios.ts';

describeIncidents('memory', async () => ({ store: createMemoryStore(), cleanup: async () => {} }));
