// Heavy cases in the playground: the staff pane's "This one is heavy", the supervisor pane's Pair up
// and Take over, through the desk as on Slack and Discord; refused kindly where the desk refuses.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import { eachTest, escalatedBillingCase, type Session, type TestPlayground } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

const escalated = (text: string): Promise<Case> => escalatedBillingCase(pg, s, text, 'normal');

describe('heavy cases in the playground', () => {
  it('staff mark it heavy; a supervisor pairs up, then takes it over', async () => {
    const c = await escalated('Third angry call about the same invoice.');
    await s.playAs('staff', 'jonas');
    const staffPage = await s.page();
    expect(staffPage).toContain('This one is heavy');
    // The mark's form has the note; the one-click forms around it stay one click.
    expect(staffPage).toMatch(/<details class="act" data-form="mark_heavy"[^]*?name="note"/);
    expect(staffPage).toContain('class="act" data-form="close"');
    expect(staffPage).not.toContain('<details class="act" data-form="close"');
    expect(
      await s.act('/act', { form: 'mark_heavy', pane: 'staff', caseId: c.id, note: 'Shouted at me' }),
    ).toMatchObject({ kind: 'ok' });
    expect((await pg.desk.getCase(c.id))?.heavy).toMatchObject({ by: 'jonas', note: 'Shouted at me' });
    expect(await s.act('/act', { form: 'mark_heavy', pane: 'staff', caseId: c.id })).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('is already marked heavy'),
    });
    await s.playAs('supervisor', 'marie');
    const page = await s.page();
    expect(page).toContain('Pair up');
    expect(page).toContain('Take over');
    expect(await s.act('/act', { form: 'pair_up', pane: 'supervisor', caseId: c.id })).toMatchObject({
      kind: 'ok',
    });
    expect(await s.act('/act', { form: 'take_over', pane: 'supervisor', caseId: c.id })).toMatchObject({
      kind: 'ok',
    });
    expect((await pg.desk.getCase(c.id))?.ownerId).toBe('marie');
  });

  it('refuses kindly: the customer pane, a missing or unknown case', async () => {
    const c = await escalated('My invoice is wrong.');
    await s.playAs('customer', 'alex');
    expect(await s.act('/act', { form: 'mark_heavy', pane: 'customer', caseId: c.id })).toMatchObject({
      kind: 'error',
    });
    await s.playAs('staff', 'tom');
    expect(await s.act('/act', { form: 'mark_heavy', pane: 'staff' })).toMatchObject({ kind: 'error' });
    expect(await s.act('/act', { form: 'take_over', pane: 'staff', caseId: 'x'.repeat(5000) })).toMatchObject(
      { kind: 'error' },
    );
    expect((await pg.desk.getCase(c.id))?.heavy).toBeNull();
  });
});
