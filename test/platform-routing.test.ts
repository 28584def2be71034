import { describe, expect, it } from 'vitest';
import type { Case, ClaimedNotice } from '../src/core/model.ts';
import { platformOf } from '../src/platform/adapter.ts';
import { NO_ADAPTER_RETRY_MS, routingSink } from '../src/platform/routing-sink.ts';
import { harness } from './support/desk-harness.ts';

describe('routing sink', () => {
  it('reads the platform from the conversation prefix', () => {
    expect(platformOf('slack:T1:C2:1700.1')).toBe('slack');
    expect(platformOf('discord:1:2')).toBe('discord');
    expect(platformOf('nothing')).toBe('');
  });

  it('hands each notice, with its case, to the adapter of the case’s platform; waits when none runs', async () => {
    const h = harness();
    const caseId = await h.open(); // conversation slack:...
    const notice = (
      await h.store.claimNotices({ now: h.clock.now(), limit: 1, leaseMs: 1000, owner: 't' })
    )[0] as ClaimedNotice;
    const seen: [string, string][] = [];
    const slack = {
      deliver: async (n: ClaimedNotice, c: Case) => (seen.push([n.id, c.id]), { status: 'sent' as const }),
    };
    expect(await routingSink(h.store, { slack }).deliver(notice)).toEqual({ status: 'sent' });
    expect(seen).toEqual([[notice.id, caseId]]);
    expect(await routingSink(h.store, { discord: slack }).deliver(notice)).toMatchObject({
      status: 'retry',
      afterMs: NO_ADAPTER_RETRY_MS,
      error: 'no slack adapter is running',
    });
  });
});
