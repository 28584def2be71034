// The abuse shield in the playground: the staff and supervisor panes read a customer's insults
// masked and flagged while the customer pane keeps them; "Send this reply", "Stay with them" and
// "Take over" work as on Slack and Discord; malformed posts are answered kindly.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import { eachTest, type Session, type TestPlayground } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

/** The HTML of one pane of the page. */
const pane = (page: string, id: 'customer' | 'staff' | 'supervisor'): string => {
  const start = page.indexOf(`<section class="pane" id="${id}"`);
  const end = page.indexOf('</section>', start);
  return start < 0 ? '' : page.slice(start, end);
};

async function opened(text: string): Promise<Case> {
  await s.playAs('customer', 'alex');
  await s.act('/act', { form: 'open', pane: 'customer', text, topic: 'billing', priority: 'normal' });
  const [c] = await pg.desk.listCases({ newestFirst: true, limit: 1 });
  return c as Case;
}

describe('abuse shield in the playground', () => {
  it('masks for staff, keeps for the customer; Send this reply reaches the customer pane once', async () => {
    const c = await opened('You idiots lost my invoice');
    await s.playAs('staff', 'tom');
    const page = await s.page();
    expect(pane(page, 'staff')).toContain('⚠ Abusive language (masked)');
    expect(pane(page, 'staff')).toContain('You i••••• lost my invoice');
    expect(pane(page, 'staff')).not.toContain('idiots');
    expect(pane(page, 'customer')).toContain('You idiots lost my invoice');
    expect(pane(page, 'staff')).toContain('Send this reply');
    expect(await s.act('/act', { form: 'abuse_reply', pane: 'staff', caseId: c.id })).toEqual({
      kind: 'ok',
      text: 'Done.',
    });
    const after = await s.page();
    expect(
      pane(after, 'customer').split('I want to help you, and I will.').length - 1,
    ).toBeGreaterThanOrEqual(1);
    expect(pane(after, 'staff')).not.toContain('data-form="abuse_reply"');
    expect(await s.act('/act', { form: 'abuse_reply', pane: 'staff', caseId: c.id })).toMatchObject({
      kind: 'error',
    });
  });

  it('after a second abusive message a supervisor stays with the holder, then takes over', async () => {
    const c = await opened('You morons');
    await pg.desk.claim({ caseId: c.id, actor: { id: 'tom' } });
    await pg.desk.addDetails({ caseId: c.id, actor: { id: c.customer.id }, text: 'idiots, all of you' });
    await s.playAs('supervisor', 'marie');
    const page = await s.page();
    expect(pane(page, 'supervisor')).toContain('Take over');
    expect(await s.act('/act', { form: 'abuse_stay', pane: 'supervisor', caseId: c.id })).toMatchObject({
      kind: 'ok',
    });
    expect(await s.act('/act', { form: 'abuse_take_over', pane: 'supervisor', caseId: c.id })).toMatchObject({
      kind: 'ok',
    });
    expect((await pg.desk.getCase(c.id))?.ownerId).toBe('marie');
  });

  it('refuses kindly: the customer pane, no case, a huge case id', async () => {
    const c = await opened('You idiots');
    expect(await s.act('/act', { form: 'abuse_take_over', pane: 'customer', caseId: c.id })).toMatchObject({
      kind: 'error',
    });
    await s.playAs('supervisor', 'marie');
    expect(await s.act('/act', { form: 'abuse_stay', pane: 'supervisor' })).toMatchObject({ kind: 'error' });
    expect(
      await s.act('/act', { form: 'abuse_stay', pane: 'supervisor', caseId: 'x'.repeat(5000) }),
    ).toMatchObject({ kind: 'error' });
    expect((await pg.desk.getCase(c.id))?.ownerId).toBeNull();
  });
});
