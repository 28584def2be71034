// The daily retention job (src/jobs/retention.ts) on the three stores, with cases worked through
// the desk: only cases that finished more than `redactAfter` ago lose their texts; only inbound
// events and pacing rows old enough go; a second run finds nothing more to do.
import { describe, expect, it } from 'vitest';
import { RETENTION_DEFAULTS } from '../../src/config/schema.ts';
import { runRetention } from '../../src/jobs/retention.ts';
import { memoryLogger } from '../../src/log.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { paceKeyOf } from '../../src/store/pace-key.ts';
import { ERASED } from '../../src/store/redaction.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { customer } from '../support/desk-fixture.ts';
import { itOnEachDatabase } from '../support/each-database.ts';
import { as, harness } from '../support/desk-harness.ts';
import { SequentialIds } from '../support/fake-clock.ts';

const DAY = 24 * 60 * 60_000;
const START = '2025-01-06T08:00:00Z'; // a Monday
const config = { retention: RETENTION_DEFAULTS };

/** A customer of their own, whose every text says "zebra". */
const someone = (id: string) => ({ ...customer, id: `slack:T1:${id}`, name: `Zebra ${id}` });

/** Three cases: one closed at the start, one closed 200 days later, one still open; inbound events. */
async function seedYear(store: InspectableStore) {
  const h = harness({ store, start: START });
  const rasa = as('rasa');
  const work = async (who: string, close: boolean) => {
    const id = await h.open(`zebra ${who}: my invoice`, { customer: someone(who) });
    await h.desk.claim({ caseId: id, actor: rasa });
    await h.desk.answer({ caseId: id, actor: rasa, text: `zebra answer for ${who}` });
    if (close) {
      await h.desk.close({ caseId: id, actor: rasa });
      await h.desk.rate({
        caseId: id,
        actor: as(someone(who).id),
        score: 4,
        comment: `zebra thanks from ${who}`,
      });
    }
    return id;
  };
  const old = await work('UOLD', true);
  await store.inbound.remember('slack:Ev-old', h.clock.now());
  h.clock.set(new Date(h.clock.now().getTime() + 200 * DAY));
  const recent = await work('URECENT', true);
  const open = await work('UOPEN', false);
  h.clock.set(new Date(new Date(START).getTime() + 400 * DAY));
  await store.inbound.remember('slack:Ev-new', new Date(h.clock.now().getTime() - DAY / 2));
  return { clock: h.clock, old, recent, open };
}

async function runYear(store: InspectableStore) {
  const { clock, old, recent, open } = await seedYear(store);
  // Destinations paced long ago (their messages sent), and one paced two days ahead (a platform's
  // long Retry-After).
  const now = clock.now();
  const pace = (at: Date, paceMs: number, limit = 100) =>
    store.notices.claim({ now: at, limit, leaseMs: 60_000, owner: 'x', paceMs });
  const long = await pace(new Date(START), 1000);
  for (const n of long) await store.notices.markSent(n.id, n.leaseToken, new Date(START));
  const [ahead] = await pace(now, 2 * DAY, 1);
  if (!ahead) throw new Error('nothing to claim');
  const aheadKey = paceKeyOf(ahead.recipient);
  const pastKeys = new Set(long.map((n) => paceKeyOf(n.recipient)));
  pastKeys.delete(aheadKey);

  const logger = memoryLogger();
  const ids = new SequentialIds('retention');
  const first = await runRetention({ store, clock, logger, config, ids });
  expect(first).toMatchObject({ redacted: 1, inboundPruned: 1, paceKeysPruned: pastKeys.size });
  expect(first.events).toBeGreaterThanOrEqual(3); // opened, answered, rated
  expect(logger.lines.at(-1)).toMatch(/^info retention\.done redacted=1 /);

  const oldCase = await store.cases.getCase(old);
  expect(oldCase).toMatchObject({ words: ERASED, customer: { name: ERASED }, status: 'closed' });
  expect(oldCase?.rating).toEqual({ score: 4, comment: ERASED });
  expect(JSON.stringify(await store.inspect.listEvents(old))).not.toMatch(/zebra/i);
  expect(JSON.stringify(await store.inspect.listOutbox({ caseId: old }))).not.toMatch(/zebra/i);
  const erased = (await store.inspect.listEvents(old)).filter((e) => e.type === 'data_erased');
  expect(erased).toEqual([
    expect.objectContaining({
      actorId: 'system',
      at: now,
      data: { person: 'slack:T1:UOLD', reason: 'retention' },
    }),
  ]);
  for (const id of [recent, open]) {
    expect((await store.cases.getCase(id))?.words).toMatch(/^zebra/);
    expect(JSON.stringify(await store.inspect.listEvents(id))).toContain('zebra answer');
  }
  expect(await store.inbound.remember('slack:Ev-old', now)).toBe(true); // forgotten
  expect(await store.inbound.remember('slack:Ev-new', now)).toBe(false); // still known

  // The destination paced ahead still waits.
  const tomorrow = await pace(new Date(now.getTime() + DAY), 2 * DAY);
  expect(tomorrow.map((n) => paceKeyOf(n.recipient))).not.toContain(aheadKey);

  const second = await runRetention({ store, clock, logger, config, ids });
  expect(second).toEqual({
    redacted: 0,
    events: 0,
    notices: 0,
    references: 0,
    inboundPruned: 0,
    paceKeysPruned: 0,
  });
}

describe('the retention job', () => {
  it('redacts only cases finished long ago, prunes only old rows: memory', async () => {
    await runYear(createMemoryStore());
  });

  itOnEachDatabase('redacts only cases finished long ago, prunes only old rows', runYear);

  it('never redacts with redactAfter: never, and still prunes', async () => {
    const store = createMemoryStore();
    const { clock, old } = await seedYear(store);
    const never = { retention: { ...RETENTION_DEFAULTS, redactAfterMinutes: null } };
    const report = await runRetention({ store, clock, logger: memoryLogger(), config: never });
    expect(report).toMatchObject({ redacted: 0, inboundPruned: 1 });
    expect((await store.cases.getCase(old))?.words).toMatch(/^zebra/);
  });
});
