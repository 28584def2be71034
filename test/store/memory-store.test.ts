import { createMemoryStore } from '../../src/store/memory-store.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('memory', async () => ({ store: createMemoryStore(), cleanup: async () => {} }));
