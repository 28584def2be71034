// The ladder on a business-hours clock: promises count only the team's open hours.
import { describe, expect, it } from 'vitest';
import { deskConfig } from '../support/desk-fixture.ts';
import { as, harness } from '../support/desk-harness.ts';

describe('business-hours policy', () => {
  const config = () =>
    deskConfig({ policy: { clock: 'business', firstResponseMinutes: 60, callbackWindowMinutes: 240 } });

  it('a case opened late on Friday is due on Monday morning, in Vilnius hours', async () => {
    const h = harness({ config: config(), start: '2026-11-27T14:30:00Z' }); // Fri 16:30 Vilnius
    const id = await h.open();
    const [ack] = await h.sentWith(id, 'customer.ack');
    expect(ack?.params.firstResponseAt).toBe('2026-11-30T07:30:00.000Z'); // Mon 09:30 Vilnius
    h.clock.set('2026-11-29T12:00:00Z'); // Sunday: nothing is due yet
    expect(await h.desk.sweep()).toMatchObject({ claimed: 0 });
  });

  it('the callback window skips the Christmas holidays', async () => {
    const h = harness({ config: config(), start: '2026-12-23T13:00:00Z' }); // Wed 15:00 Vilnius
    const id = await h.open();
    await h.desk.escalate({ caseId: id, actor: as('rasa') });
    const c = await h.desk.getCase(id);
    // 2h left on Wed, 24th and 25th are holidays, weekend, then 2h on Monday the 28th.
    expect(c?.window?.dueAt.toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });
});
