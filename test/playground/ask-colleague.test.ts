// Ask a colleague in the playground: the holder's form in the staff pane, the colleague's Answer
// and Take this case on the case in their own pane; the customer's pane hears nothing; malformed
// posts answered kindly.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/model.ts';
import { eachTest, escalatedBillingCase, type Session, type TestPlayground } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

const escalated = (): Promise<Case> => escalatedBillingCase(pg, s, 'I was charged twice.');

describe('ask a colleague in the playground', () => {
  it('the holder asks, the colleague answers and takes the case; the customer is told only of the take', async () => {
    const c = await escalated();
    expect(c.ownerId).toBe('jonas');
    await s.playAs('staff', 'jonas');
    expect(await s.page()).toContain('data-form="ask_colleague"');
    const asked = await s.act('/act', {
      form: 'ask_colleague',
      pane: 'staff',
      caseId: c.id,
      colleague: 'aiste',
      question: 'Did the refund run already?',
    });
    expect(asked).toEqual({ kind: 'ok', text: 'Done.' });
    const after = (await pg.desk.getCase(c.id))!;
    expect([after.status, after.level, after.ownerId, after.window?.dueAt]).toEqual([
      c.status,
      c.level,
      c.ownerId,
      c.window?.dueAt,
    ]);

    await s.playAs('staff', 'aiste');
    const page = await s.page();
    expect(page).toContain('Did the refund run already?');
    expect(page).toContain('data-form="colleague_answer"');
    expect(page).toContain('data-form="colleague_take"');
    await s.act('/act', { form: 'colleague_answer', pane: 'staff', caseId: c.id, text: 'Yes, on Monday.' });
    await s.playAs('staff', 'jonas');
    expect(await s.page()).toContain('Yes, on Monday.');

    const page2 = await s.page();
    const from = page2.indexOf('<section class="pane" id="customer"');
    const customerPage = page2.slice(from, page2.indexOf('</section>', from));
    expect(customerPage).toContain('I was charged twice.');
    expect(customerPage).not.toContain('Did the refund run already?');
    expect(customerPage).not.toContain('Yes, on Monday.');

    await s.playAs('staff', 'aiste');
    await s.act('/act', { form: 'colleague_take', pane: 'staff', caseId: c.id });
    expect((await pg.desk.getCase(c.id))?.ownerId).toBe('aiste');
  });

  it('refuses kindly: nobody chosen, an empty question, someone not asked answering', async () => {
    const c = await escalated();
    await s.playAs('staff', 'jonas');
    expect(
      await s.act('/act', { form: 'ask_colleague', pane: 'staff', caseId: c.id, question: 'Hi?' }),
    ).toMatchObject({ kind: 'error' });
    expect(
      await s.act('/act', { form: 'ask_colleague', pane: 'staff', caseId: c.id, colleague: 'aiste' }),
    ).toMatchObject({ kind: 'error' });
    await s.playAs('staff', 'tom');
    expect(
      await s.act('/act', { form: 'colleague_answer', pane: 'staff', caseId: c.id, text: 'Me?' }),
    ).toMatchObject({ kind: 'error', text: expect.stringContaining('Only a colleague asked') });
    expect((await pg.desk.getCase(c.id))?.colleagues).toEqual([]);
  });
});
