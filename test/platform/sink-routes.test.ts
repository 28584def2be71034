// Routing by platform: each notice goes, with its case, to the sink its adapter registered for the
// case's conversation prefix; without one, to the fallback (the console), or back to wait.
import { describe, expect, it, vi } from 'vitest';
import type { Case, ClaimedNotice } from '../../src/core/model.ts';
import { platformOf } from '../../src/platform/adapter.ts';
import { NO_ADAPTER_RETRY_MS, sinkRoutes } from '../../src/platform/sink-routes.ts';
import { harness } from '../support/desk-harness.ts';

const claimOne = async (h: ReturnType<typeof harness>): Promise<ClaimedNotice> => {
  const [notice] = await h.store.notices.claim({ now: h.clock.now(), limit: 1, leaseMs: 1000, owner: 't' });
  if (!notice) throw new Error('nothing claimed');
  return notice;
};

describe('sink routes', () => {
  it('reads the platform from the conversation prefix', () => {
    expect(platformOf('slack:T1:C2:1700.1')).toBe('slack');
    expect(platformOf('discord:1:2')).toBe('discord');
    expect(platformOf('nothing')).toBe('');
  });

  it('hands each notice, with its case, to the sink registered for the case’s platform; waits when none is', async () => {
    const h = harness();
    const caseId = await h.open(); // conversation slack:...
    const notice = await claimOne(h);
    const seen: [string, string][] = [];
    const slack = {
      deliver: async (n: ClaimedNotice, c: Case) => (seen.push([n.id, c.id]), { status: 'sent' as const }),
    };
    const routes = sinkRoutes(h.store.cases);
    routes.register('discord', slack);
    expect(await routes.deliver(notice)).toMatchObject({
      status: 'retry',
      afterMs: NO_ADAPTER_RETRY_MS,
      error: 'no slack adapter is running',
    });
    routes.register('slack', slack);
    expect(await routes.deliver(notice)).toEqual({ status: 'sent' });
    expect(seen).toEqual([[notice.id, caseId]]);
  });

  it('sends a platform without a sink to the fallback, when there is one, reading no case when it is the only route', async () => {
    const h = harness();
    await h.open();
    const notice = await claimOne(h);
    const printed: string[] = [];
    const routes = sinkRoutes(h.store.cases);
    routes.registerFallback({ deliver: async (n) => (printed.push(n.key), { status: 'sent' }) });
    // With no platform sink at all, the case need not be read to choose.
    const reads = vi.spyOn(h.store.cases, 'getCase');
    expect(await routes.deliver(notice)).toEqual({ status: 'sent' });
    expect(printed).toEqual([notice.key]);
    expect(reads).not.toHaveBeenCalled();
    // Beside a platform's sink, a case of another platform goes to the fallback (read to choose).
    routes.register('discord', { deliver: async () => ({ status: 'rejected', error: 'not this one' }) });
    expect(await routes.deliver(notice)).toEqual({ status: 'sent' });
    expect(printed).toEqual([notice.key, notice.key]);
  });

  it('refuses for good, never shown raw, a notice read back with a key this version does not know', async () => {
    const h = harness();
    await h.open();
    const notice = await claimOne(h);
    const handed: string[] = [];
    const routes = sinkRoutes(h.store.cases);
    routes.register('slack', { deliver: async (n) => (handed.push(n.key), { status: 'sent' }) });
    // As a row written by a version whose catalog had this text would come back.
    const stale = { ...notice, key: 'customer.renamed_since' } as unknown as ClaimedNotice;
    expect(await routes.deliver(stale)).toEqual({
      status: 'rejected',
      error: 'unknown text key "customer.renamed_since"',
    });
    expect(handed).toEqual([]);
  });

  it('uses the case it is given (as a command just wrote it) instead of reading it, when it is the notice’s', async () => {
    const h = harness();
    const caseId = await h.open();
    const notice = await claimOne(h);
    const stored = (await h.store.cases.getCase(caseId)) as Case;
    const given = { ...stored, words: 'as the command wrote it' };
    const subjects: string[] = [];
    const routes = sinkRoutes(h.store.cases);
    routes.register('slack', {
      deliver: async (_n: ClaimedNotice, c: Case) => (subjects.push(c.words), { status: 'sent' as const }),
    });
    const reads = vi.spyOn(h.store.cases, 'getCase');
    await routes.deliver(notice, given);
    expect(reads).not.toHaveBeenCalled();
    // Another case's: read from the store.
    await routes.deliver(notice, { ...given, id: 'another' });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(subjects).toEqual(['as the command wrote it', stored.words]);
  });
});
