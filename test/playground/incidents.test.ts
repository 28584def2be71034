// Incidents in the playground's panes: five alike requests alert the supervisor; Declare an
// incident, Incident update and Resolve the incident are forms on each case in the supervisor
// pane; each customer receives the update once. A malformed incident post is refused kindly.
import { describe, expect, it } from 'vitest';
import { eachTest, type Session, type TestPlayground } from './fixture.ts';

let pg: TestPlayground;
let s: Session;
eachTest((p, x) => {
  pg = p;
  s = x;
});

async function burst(): Promise<string[]> {
  const ids: string[] = [];
  for (const [n, text] of [
    'The invoice page is down',
    'invoice page down',
    'the invoice page is down?',
    'Invoice page down for me',
    'invoice page is down',
  ].entries()) {
    const { case: c } = await pg.desk.openCase({
      workspace: 'playground',
      audience: 'internal',
      conversation: `playground:customer-${n}`,
      customer: {
        id: `playground:customer-${n}`,
        name: `Customer ${n}`,
        locale: n % 2 ? 'fr' : 'en',
        timeZone: 'Europe/Paris',
      },
      text,
      topic: 'billing',
    });
    ids.push(c.id);
  }
  return ids;
}

const act = (form: string, caseId: string, fields: Record<string, string> = {}) =>
  s.act('/act', { form, pane: 'supervisor', caseId, ...fields });
const sent = async (caseId: string, key: string) =>
  (await pg.store.inspect.listOutbox({ caseId })).filter((n) => n.key === key);

describe('incidents in the playground', () => {
  it('declare, update once per customer, resolve', async () => {
    const ids = await burst();
    expect((await pg.store.incidents.listIncidents({})).map((i) => i.status)).toEqual(['alerted']);
    await s.playAs('supervisor', 'marie');
    const first = ids[0] as string;
    expect(await act('incident_declare', first, { title: 'Invoices unavailable' })).toEqual({
      kind: 'ok',
      text: 'Done.',
    });
    const [incident] = await pg.store.incidents.listIncidents({});
    expect(incident?.status).toBe('open');
    expect(
      await act('incident_update', first, { incidentId: incident?.id ?? '', text: 'Fixed by noon.' }),
    ).toEqual({ kind: 'ok', text: 'Done.' });
    for (const id of ids) expect(await sent(id, 'customer.incident_update')).toHaveLength(1);
    expect(
      await act('incident_resolve', first, { incidentId: incident?.id ?? '', summary: 'Restarted.' }),
    ).toEqual({ kind: 'ok', text: 'Done.' });
    for (const id of ids) expect((await pg.desk.getCase(id))?.status).toBe('resolved');
  });

  it('refuses a malformed incident post kindly', async () => {
    const [first] = await burst();
    await s.playAs('supervisor', 'marie');
    expect((await act('incident_update', first ?? '', { incidentId: 'nope', text: 'x' }))?.kind).toBe(
      'error',
    );
    expect((await act('incident_declare', first ?? '', { title: '' }))?.kind).toBe('error');
    expect((await act('incident_resolve', first ?? ''))?.kind).toBe('error');
  });
});
