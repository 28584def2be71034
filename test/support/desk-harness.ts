// A desk on the in-memory store with a fake clock, plus readers for what each person was sent.
import { createDesk, type Desk } from '../../src/core/desk.ts';
import type { Customer, DeskConfig, OutboxEntry, Recipient } from '../../src/core/model.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { customer as defaultCustomer, deskConfig } from './desk-fixture.ts';
import { FakeClock, SequentialIds } from './fake-clock.ts';

export interface Harness {
  desk: Desk;
  clock: FakeClock;
  store: InspectableStore;
  config: DeskConfig;
  /** Opens a case as the default customer (or another) and returns its id. */
  open(
    text?: string,
    extra?: { topic?: string; customer?: Customer; priority?: 'low' | 'normal' | 'high' | 'urgent' },
  ): Promise<string>;
  sent(caseId: string): Promise<OutboxEntry[]>;
  /** Notices with this key, optionally only those for one kind of recipient. */
  sentWith(caseId: string, key: string, to?: Recipient['kind']): Promise<OutboxEntry[]>;
}

export function harness(
  options: { config?: DeskConfig; start?: string; store?: InspectableStore } = {},
): Harness {
  const clock = new FakeClock(options.start ?? '2026-11-23T08:00:00Z'); // Monday 10:00 in Vilnius
  const store = options.store ?? createMemoryStore();
  const config = options.config ?? deskConfig();
  const desk = createDesk({
    store,
    clock,
    ids: new SequentialIds(),
    config,
  });
  const sent = (caseId: string) => store.inspect.listOutbox({ caseId });
  return {
    desk,
    clock,
    store,
    config,
    async open(text = 'My invoice is wrong', extra = {}) {
      const { case: c } = await desk.openCase({
        workspace: 'acme',
        audience: 'internal',
        conversation: `slack:T1:D1:${clock.now().getTime()}`,
        customer: extra.customer ?? defaultCustomer,
        text,
        ...(extra.topic ? { topic: extra.topic } : { topic: 'billing' }),
        ...(extra.priority ? { priority: extra.priority } : {}),
      });
      return c.id;
    },
    sent,
    async sentWith(caseId, key, to) {
      return (await sent(caseId)).filter(
        (n) => n.key === key && (to === undefined || n.recipient.kind === to),
      );
    },
  };
}

export const as = (id: string) => ({ id });
export const MIN = 60_000;
