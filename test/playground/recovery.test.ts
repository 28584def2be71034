// Level 4 recovery in the playground's supervisor pane: once a case went outside, Write the
// recovery is a form on it (even once the case is finished); the customer receives it once. A
// malformed or refused post is answered kindly and sends nothing.
import { describe, expect, it } from 'vitest';
import { eachTest, type Session, type TestPlayground } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

async function wentOutside(): Promise<string> {
  const { case: c } = await pg.desk.openCase({
    workspace: 'playground',
    audience: 'internal',
    conversation: 'playground:customer-1',
    customer: { id: 'playground:customer-1', name: 'Eglė', locale: 'fr', timeZone: 'Europe/Paris' },
    text: 'The invoice page is down',
    topic: 'billing',
  });
  await pg.desk.recordOutside({ caseId: c.id, actor: { id: 'marie' }, channel: 'press' });
  return c.id;
}

const act = (caseId: string, fields: Record<string, string>) =>
  s.act('/act', { form: 'write_recovery', pane: 'supervisor', caseId, ...fields });
const recoveries = async (caseId: string) =>
  (await pg.store.inspect.listOutbox({ caseId })).filter((n) => n.key === 'customer.recovery');

describe('level 4 recovery in the playground', () => {
  it('shows Write the recovery in the supervisor pane, even on a finished case, and sends it once', async () => {
    const id = await wentOutside();
    await pg.desk.resolve({ caseId: id, actor: { id: 'marie' }, summary: 'Fixed' });
    await s.playAs('supervisor', 'marie');
    expect(await s.page()).toContain('name="form" value="write_recovery"');
    expect(await act(id, { text: 'A credit on your next invoice.' })).toEqual({ kind: 'ok', text: 'Done.' });
    expect(await recoveries(id)).toHaveLength(1);
    expect(await s.page()).not.toContain('name="form" value="write_recovery"');
  });

  it('refuses empty words, no field, an unknown case and a second recovery kindly', async () => {
    const id = await wentOutside();
    await s.playAs('supervisor', 'marie');
    expect((await act(id, { text: '   ' }))?.kind).toBe('error');
    expect((await act(id, {}))?.kind).toBe('error');
    expect((await act('nope', { text: 'x' }))?.kind).toBe('error');
    expect(await recoveries(id)).toHaveLength(0);
    expect((await act(id, { text: 'A call from me.' }))?.kind).toBe('ok');
    expect((await act(id, { text: 'Again' }))?.kind).toBe('error');
    expect(await recoveries(id)).toHaveLength(1);
  });
});
