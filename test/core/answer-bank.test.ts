// The answer bank through the desk (test/store/answer-bank-scenarios.ts) on the in-memory store.
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { describeAnswerBankDesk } from '../store/answer-bank-scenarios.ts';

describeAnswerBankDesk('memory', async () => ({ store: createMemoryStore(), cleanup: async () => {} }));
