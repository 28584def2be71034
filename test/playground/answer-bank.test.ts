// The playground's Reply form offers the answer to the answer bank ("Reusable"), like Slack's and
// Discord's; unticked (absent or empty), the answer is a plain one.
import { expect, it } from 'vitest';
import { eachTest, type Session, type TestPlayground } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

it('a reply with "Reusable" ticked becomes an answer bank entry; one without does not', async () => {
  await s.playAs('customer', 'alex');
  await s.act('/act', {
    form: 'open',
    pane: 'customer',
    text: 'Charged twice',
    topic: 'billing',
    priority: 'normal',
  });
  const [c] = await pg.desk.listCases({ newestFirst: true, limit: 1 });
  if (!c) throw new Error('no case');
  await s.playAs('staff', 'tom');
  const reply = (fields: Record<string, string>) =>
    s.act('/act', { form: 'reply', pane: 'staff', caseId: c.id, ...fields });
  expect(await reply({ text: 'Double charges are refunded within 3 days.', reusable: '1' })).toMatchObject({
    kind: 'ok',
  });
  expect(await reply({ text: 'Anything else?' })).toMatchObject({ kind: 'ok' });
  expect(await reply({ text: 'Still there?', reusable: '' })).toMatchObject({ kind: 'ok' });
  const texts = (await pg.store.answers.list({ limit: 5 })).map((e) => e.text);
  expect(texts).toEqual(['Double charges are refunded within 3 days.']);
});
