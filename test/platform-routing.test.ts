import { describe, expect, it, vi } from 'vitest';
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
      await h.store.notices.claim({ now: h.clock.now(), limit: 1, leaseMs: 1000, owner: 't' })
    )[0] as ClaimedNotice;
    const seen: [string, string][] = [];
    const slack = {
      deliver: async (n: ClaimedNotice, c: Case) => (seen.push([n.id, c.id]), { status: 'sent' as const }),
    };
    expect(await routingSink(h.store.cases, { slack }).deliver(notice)).toEqual({ status: 'sent' });
    expect(seen).toEqual([[notice.id, caseId]]);
    expect(await routingSink(h.store.cases, { discord: slack }).deliver(notice)).toMatchObject({
      status: 'retry',
      afterMs: NO_ADAPTER_RETRY_MS,
      error: 'no slack adapter is running',
    });
  });

  it('uses the case it is given (as a command just wrote it) instead of reading it, when it is the notice’s', async () => {
    const h = harness();
    const caseId = await h.open();
    const [notice] = await h.store.notices.claim({ now: h.clock.now(), limit: 1, leaseMs: 1000, owner: 't' });
    if (!notice) throw new Error('nothing claimed');
    const stored = (await h.store.cases.getCase(caseId)) as Case;
    const given = { ...stored, words: 'as the command wrote it' };
    const subjects: string[] = [];
    const slack = {
      deliver: async (_n: ClaimedNotice, c: Case) => (subjects.push(c.words), { status: 'sent' as const }),
    };
    const reads = vi.spyOn(h.store.cases, 'getCase');
    await routingSink(h.store.cases, { slack }).deliver(notice, given);
    expect(reads).not.toHaveBeenCalled();
    // Another case's: read from the store.
    await routingSink(h.store.cases, { slack }).deliver(notice, { ...given, id: 'another' });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(subjects).toEqual(['as the command wrote it', stored.words]);
  });
});
