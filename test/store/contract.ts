// The store contract: one suite per port, run against every implementation (memory, SQLite,
// PostgreSQL). Each test gets a fresh, empty store.
import { afterEach, beforeEach, describe } from 'vitest';
import type { InspectableStore } from '../../src/store/store.ts';
import { describeAdapterStorageContract } from './contract-adapter-storage.ts';
import { describeAnswerBankContract } from './contract-answer-bank.ts';
import { describeAwayContract } from './contract-away.ts';
import { describeCaseListContract } from './contract-case-lists.ts';
import { describeCaseContract } from './contract-cases.ts';
import { describeCommitContract } from './contract-commit.ts';
import { describeDataRightsContract } from './contract-data-rights.ts';
import { describeInspectorContract } from './contract-inspector.ts';
import { describeLeaseQueueContract, NOTICES, TIMERS } from './contract-lease-queue.ts';
import { describeNoticePacingContract } from './contract-notice-pacing.ts';
import { describeNoticeContract } from './contract-notices.ts';
import { describePromiseContract } from './contract-promises.ts';
import { describeReportReadsContract } from './contract-report-reads.ts';
import { describeRetentionContract } from './contract-retention.ts';
import { describeTimerContract } from './contract-timers.ts';

export interface StoreHandle {
  store: InspectableStore;
  cleanup(): Promise<void>;
}

/** Hands the tests of one part the store of the running test. */
export type CurrentStore = () => InspectableStore;

/** Gives each test of the enclosing describe a fresh store from `makeStore`, cleaned up after it. */
export function storePerTest(makeStore: () => Promise<StoreHandle>): CurrentStore {
  let handle: StoreHandle | undefined;
  beforeEach(async () => {
    handle = await makeStore();
  });
  afterEach(async () => {
    await handle?.cleanup();
    handle = undefined;
  });
  return () => {
    if (!handle) throw new Error('no store: makeStore failed');
    return handle.store;
  };
}

export function describeStoreContract(name: string, makeStore: () => Promise<StoreHandle>): void {
  describe(`store contract: ${name}`, () => {
    const current = storePerTest(makeStore);
    describe('CaseRepository', () => {
      describeCaseContract(current);
      describeCaseListContract(current);
      describeCommitContract(current);
      describePromiseContract(current);
    });
    describe('LeaseQueue', () => {
      describeLeaseQueueContract(current, TIMERS);
      describeLeaseQueueContract(current, NOTICES);
      describeTimerContract(current);
    });
    describe('NoticeQueue', () => {
      describeNoticeContract(current);
      describeNoticePacingContract(current);
    });
    describeAdapterStorageContract(current);
    describeDataRightsContract(current);
    describeRetentionContract(current);
    describeInspectorContract(current);
    describeReportReadsContract(current);
    describeAnswerBankContract(current);
    describeAwayContract(current);
  });
}
