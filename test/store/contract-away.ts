// Contract, AwayBook: who said they are away at run time, one entry per person.
import { describe, expect, it } from 'vitest';
import { at, MIN, T0 } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

export function describeAwayContract(store: CurrentStore): void {
  describe('AwayBook', () => {
    it('lists who is away now: no end, or an end still ahead', async () => {
      await store().away.setAway({ personId: 'zoe', since: T0, until: null });
      await store().away.setAway({ personId: 'ann', since: T0, until: at(60 * MIN) });
      expect(await store().away.listAway(at(30 * MIN))).toEqual([
        { personId: 'ann', since: T0, until: at(60 * MIN) },
        { personId: 'zoe', since: T0, until: null },
      ]);
      expect(await store().away.listAway(at(60 * MIN))).toEqual([
        { personId: 'zoe', since: T0, until: null },
      ]);
    });

    it('keeps one entry per person, the last one set', async () => {
      await store().away.setAway({ personId: 'ann', since: T0, until: null });
      await store().away.setAway({ personId: 'ann', since: at(MIN), until: at(9 * MIN) });
      expect(await store().away.listAway(at(2 * MIN))).toEqual([
        { personId: 'ann', since: at(MIN), until: at(9 * MIN) },
      ]);
    });

    it('clears an entry, saying whether the person was away then', async () => {
      await store().away.setAway({ personId: 'ann', since: T0, until: null });
      await store().away.setAway({ personId: 'bob', since: T0, until: at(MIN) });
      expect(await store().away.clearAway('ann', at(5 * MIN))).toBe(true);
      expect(await store().away.clearAway('ann', at(5 * MIN))).toBe(false);
      expect(await store().away.clearAway('bob', at(5 * MIN))).toBe(false);
      expect(await store().away.listAway(T0)).toEqual([]);
    });
  });
}
