// Contract, what adapters keep: the inbound log (retried platform events) and their references.
import { describe, expect, it } from 'vitest';
import { at, MIN, T0 } from '../support/case-factory.ts';
import type { CurrentStore } from './contract.ts';

export function describeAdapterStorageContract(store: CurrentStore): void {
  describe('InboundLog', () => {
    it('is true the first time a key is seen and false after', async () => {
      expect(await store().inbound.remember('slack:Ev1', T0)).toBe(true);
      expect(await store().inbound.remember('slack:Ev1', at(MIN))).toBe(false);
      expect(await store().inbound.remember('discord:Ev1', T0)).toBe(true);
    });
  });
  describe('ReferenceStore', () => {
    it('keeps one value per case and name, overwritten by a later put', async () => {
      expect(await store().refs.get('case-a', 'slack.triage_ts')).toBeNull();
      await store().refs.put('case-a', 'slack.triage_ts', '1700.000100');
      await store().refs.put('case-a', 'discord.thread', '1187');
      await store().refs.put('case-b', 'slack.triage_ts', '1700.000200');
      await store().refs.put('case-a', 'slack.triage_ts', '1700.000300');
      expect(await store().refs.get('case-a', 'slack.triage_ts')).toBe('1700.000300');
      expect(await store().refs.get('case-a', 'discord.thread')).toBe('1187');
      expect(await store().refs.get('case-b', 'slack.triage_ts')).toBe('1700.000200');
    });
  });
}
