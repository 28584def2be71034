// The delivery bookkeeping both sinks share: the frame around a send; a person's DM channel opened
// once; one delivery at a time per case; a notice for several people retried only for those it did
// not reach; a split text resumed where it stopped.
import { describe, expect, it } from 'vitest';
import { oneAtATimePerCase } from '../../../adapters/shared/delivery-order.ts';
import { dmChannels } from '../../../adapters/shared/dm-channels.ts';
import { deliverToEach, reachedIn } from '../../../adapters/shared/each-recipient.ts';
import { sendInParts } from '../../../adapters/shared/parts.ts';
import { type DeliverySteps, deliveringSink } from '../../../adapters/shared/sink.ts';
import type { ClaimedNotice, DeliveryResult } from '../../../src/core/index.ts';
import { createMemoryStore } from '../../../src/store/memory-store.ts';
import { makeCase } from '../../support/case-factory.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('deliveringSink', () => {
  const c = makeCase();
  const notice = { id: 'n1', caseId: c.id } as ClaimedNotice;
  const told: string[] = [];
  const steps = (route: DeliverySteps['route'], follow: DeliverySteps['followCase'] = async () => {}) =>
    deliveringSink({
      route,
      failed: async (e) => (e === 'busy' ? { status: 'retry', afterMs: 1000, error: 'busy' } : null),
      notSent: (result) => void told.push(`not sent: ${result.error}`),
      followCase: async (x) => {
        told.push(`follow ${x.id}`);
        await follow(x);
      },
      followFailed: async (e) => void told.push(`views stale: ${String(e)}`),
    });

  it('a sent notice is followed by the case’s views; their failure leaves it sent', async () => {
    told.length = 0;
    const sent: DeliveryResult = { status: 'sent' };
    expect(await steps(async () => sent).deliver(notice, c)).toEqual(sent);
    const stale = steps(
      async () => sent,
      async () => {
        throw 'no access';
      },
    );
    expect(await stale.deliver(notice, c)).toEqual(sent);
    expect(told).toEqual([`follow ${c.id}`, `follow ${c.id}`, 'views stale: no access']);
  });

  it('with a clock, a sent result says when the platform answered, before the views followed', async () => {
    let now = 1_000;
    const timed = deliveringSink({
      clock: { now: () => new Date(now) },
      route: async () => {
        now += 40; // the platform's answer comes 40 ms in
        return { status: 'sent' };
      },
      failed: async () => null,
      notSent: () => {},
      followCase: async () => {
        now += 300; // the views' own calls after it
      },
      followFailed: async () => {},
    });
    expect(await timed.deliver(notice, c)).toEqual({ status: 'sent', answeredAt: new Date(1_040) });
    expect(now).toBe(1_340);
  });

  it('a known failure is a result, told and not followed; an unknown outcome is rethrown', async () => {
    told.length = 0;
    const busy = steps(async () => {
      throw 'busy';
    });
    expect(await busy.deliver(notice, c)).toMatchObject({ status: 'retry' });
    expect(told).toEqual(['not sent: busy']);
    const timeout = steps(async () => {
      throw 'timeout';
    });
    await expect(timeout.deliver(notice, c)).rejects.toBe('timeout');
  });
});

describe('dmChannels', () => {
  it('opens a person’s channel once, even when two sends ask at the same moment', async () => {
    const opened: string[] = [];
    const dm = dmChannels(async (userId) => {
      opened.push(userId);
      await tick();
      return `D-${userId}`;
    });
    expect(await Promise.all([dm('U1'), dm('U1'), dm('U2')])).toEqual(['D-U1', 'D-U1', 'D-U2']);
    expect(await dm('U1')).toBe('D-U1');
    expect(opened).toEqual(['U1', 'U2']);
  });

  it('asks again after a failed open', async () => {
    let calls = 0;
    const dm = dmChannels(async () => {
      calls += 1;
      if (calls === 1) throw new Error('ratelimited');
      return 'D-1';
    });
    await expect(dm('U1')).rejects.toThrow('ratelimited');
    expect(await dm('U1')).toBe('D-1');
    expect(calls).toBe(2);
  });
});

describe('oneAtATimePerCase', () => {
  it('runs a case’s deliveries in order, one at a time, other cases alongside, past a failure', async () => {
    const perCase = oneAtATimePerCase();
    const log: string[] = [];
    const work =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const runs = [perCase('c1', work('a', true)), perCase('c1', work('b')), perCase('c2', work('x'))];
    const results = await Promise.allSettled(runs);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.indexOf('b start')).toBeGreaterThan(log.indexOf('a end'));
    expect(log.indexOf('x start')).toBeLessThan(log.indexOf('a end'));
  });
});

describe('deliverToEach', () => {
  const people = [{ id: 'marie' }, { id: 'sam' }, { id: 'ona' }];
  const gone = new Error('user_not_found');
  const busy = new Error('internal_error');

  it('a retry reaches only those the first try did not', async () => {
    const refs = createMemoryStore().refs;
    const reached = reachedIn(refs, 'case-1', (personId) => `test.reached.n1.${personId}`);
    const sent: string[] = [];
    let samBusy = true;
    const attempt = () =>
      deliverToEach({
        people,
        reached,
        send: async (p) => {
          if (p.id === 'sam' && samBusy) throw busy;
          sent.push(p.id);
          return `m-${p.id}`;
        },
        refusal: (e) => (e === gone ? 'user_not_found' : null),
        refused: () => {},
      });
    await expect(attempt()).rejects.toBe(busy);
    samBusy = false;
    expect(await attempt()).toEqual({ status: 'sent' });
    expect(sent).toEqual(['marie', 'sam', 'ona']);
    expect(await refs.get('case-1', 'test.reached.n1.marie')).toBe('m-marie');
  });

  it('a person refused for good does not keep the others from hearing; all refused is a refusal', async () => {
    const refusedIds: string[] = [];
    const deliver = (reachable: (id: string) => boolean) =>
      deliverToEach({
        people,
        reached: reachedIn(createMemoryStore().refs, 'case-1', (personId) => `test.reached.n2.${personId}`),
        send: async (p) => {
          if (!reachable(p.id)) throw gone;
          return `m-${p.id}`;
        },
        refusal: (e) => (e === gone ? 'user_not_found' : null),
        refused: (p) => refusedIds.push(p.id),
      });
    expect(await deliver((id) => id !== 'marie')).toEqual({ status: 'sent' });
    expect(refusedIds).toEqual(['marie']);
    expect(await deliver(() => false)).toEqual({ status: 'rejected', error: 'user_not_found' });
  });
});

describe('sendInParts', () => {
  it('resumes a split text where it stopped: parts already sent are not sent again', async () => {
    const kept = new Map<number, string>();
    const progress = {
      sent: async (i: number) => kept.get(i) ?? null,
      record: async (i: number, id: string) => void kept.set(i, id),
    };
    const posted: string[] = [];
    let failOn: string | null = 'part 2';
    const post = async (part: string, _index: number, last: boolean) => {
      if (part === failOn) throw new Error('429');
      posted.push(`${part}${last ? ' (buttons)' : ''}`);
      return `id-${part}`;
    };
    const parts = ['part 1', 'part 2', 'part 3'];
    await expect(sendInParts(parts, progress, post)).rejects.toThrow('429');
    failOn = null;
    expect(await sendInParts(parts, progress, post)).toBe('id-part 3');
    expect(posted).toEqual(['part 1', 'part 2', 'part 3 (buttons)']);
  });

  it('keeps no record of a text sent in one message', async () => {
    const kept = new Map<number, string>();
    const progress = {
      sent: async () => null,
      record: async (i: number, id: string) => void kept.set(i, id),
    };
    expect(await sendInParts(['short'], progress, async () => 'm1')).toBe('m1');
    expect(kept.size).toBe(0);
  });
});
