// Away in the playground: the staff pane's "I am away" (with an optional time) and "I am back",
// and "Hand over" on a case one holds; malformed posts answered kindly.
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

describe('away in the playground', () => {
  it('marks the pane’s person away and back; assignments skip them meanwhile', async () => {
    await s.playAs('staff', 'jonas');
    expect(await s.act('/act', { form: 'away', pane: 'staff', until: '' })).toEqual({
      kind: 'ok',
      text: 'You are marked away until you say you are back. New cases will go to others.',
    });
    expect((await escalated('I was charged twice.')).expertId).toBe('aiste');
    await s.playAs('staff', 'jonas');
    expect(await s.act('/act', { form: 'back', pane: 'staff' })).toEqual({
      kind: 'ok',
      text: 'Welcome back. New cases can come to you again.',
    });
  });

  it('offers Hand over on a case one holds, and hands it over through the desk', async () => {
    const c = await escalated('My invoice is wrong.');
    expect(c.expertId).toBe('jonas');
    await s.playAs('staff', 'jonas');
    const said = await s.act('/act', { form: 'away', pane: 'staff', until: 'tomorrow' });
    expect(said).toMatchObject({ kind: 'ok', text: expect.stringContaining('You hold 1 open case.') });
    expect(await s.page()).toContain('Hand over (I am going away)');
    expect(await s.act('/act', { form: 'hand_over', pane: 'staff', caseId: c.id })).toEqual({
      kind: 'ok',
      text: 'Done.',
    });
    expect((await pg.desk.getCase(c.id))?.expertId).toBe('aiste');
  });

  it('refuses kindly: an unreadable time, the customer pane, a case one does not hold', async () => {
    await s.playAs('staff', 'jonas');
    expect(await s.act('/act', { form: 'away', pane: 'staff', until: 'someday' })).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('like 17:00'),
    });
    expect(await s.act('/act', { form: 'away', pane: 'customer' })).toMatchObject({ kind: 'error' });
    const c = await escalated('Another invoice.');
    await s.playAs('staff', 'tom');
    expect(await s.act('/act', { form: 'hand_over', pane: 'staff', caseId: c.id })).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('Only the person holding case'),
    });
    expect(await pg.desk.awayNow('jonas')).toBe(false);
  });
});
