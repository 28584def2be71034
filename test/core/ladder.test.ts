// The ladder scenarios (test/store/ladder-scenarios.ts) on the in-memory store.
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { describeLadder } from '../store/ladder-scenarios.ts';

describeLadder('memory', async () => ({ store: createMemoryStore(), cleanup: async () => {} }));
