// The console's incidents pages: the list (alerted, open, resolved), one incident with its linked
// cases (how many updates each customer was told) and its updates; in the reader's language;
// a person's words escaped; an unknown incident is a 404.
import { describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../src/console/app.ts';
import { incidentConfig } from '../store/incident-scenarios.ts';
import { as, harness } from '../support/desk-harness.ts';
import { consoleDeps } from './fixture.ts';

async function withIncident() {
  const h = harness({ config: incidentConfig() });
  const ids: string[] = [];
  for (const text of ['The invoice page is down', 'invoice page down', 'invoice page is down again']) {
    h.clock.advanceMinutes(1);
    ids.push(await h.open(text));
  }
  const { incident } = await h.desk.declareIncident({
    caseId: ids[0] as string,
    actor: as('marie'),
    title: 'Invoices <down>',
  });
  await h.desk.postIncidentUpdate({
    incidentId: incident.id,
    actor: as('paul'),
    text: 'Fix at noon & after',
  });
  const app = createConsoleApp({ ...consoleDeps(h, { mode: 'open' }), incidents: h.store.incidents });
  return { h, ids, incident, app };
}

describe('incidents pages', () => {
  it('lists the incidents with their state and updates, linked from the navigation', async () => {
    const { app, incident } = await withIncident();
    const response = await app.request('/incidents');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(`data-incident="${incident.id}"`);
    expect(body).toContain('Invoices &lt;down&gt;');
    expect(body).toContain('>open<');
    expect(body).toContain('href="/incidents"');
  });

  it('shows one incident: its linked cases, what each customer was told, the updates', async () => {
    const { app, incident, ids } = await withIncident();
    const body = await (await app.request(`/incidents/${incident.id}`)).text();
    for (const id of ids) expect(body).toContain(`data-case="${id}"`);
    expect(body).toContain('Linked cases: 3');
    expect(body).toContain('1 / 1');
    expect(body).toContain('Fix at noon &amp; after');
    expect(body).toContain('Paul Martin');
  });

  it('counts bursts, incidents and linked cases in the reports', async () => {
    const { app, h } = await withIncident();
    h.clock.advanceMinutes(1); // the period ends now: what happened at this instant is not in it yet
    const body = await (await app.request('/reports')).text();
    expect(body).toContain('Bursts alerted: 1 · incidents: 1 · cases linked: 3');
  });

  it('speaks the reader’s language, and answers 404 for an unknown incident', async () => {
    const { app } = await withIncident();
    const fr = await (await app.request('/incidents?lang=fr')).text();
    expect(fr).toContain('Incidents');
    expect(fr).toContain('ouvert');
    expect((await app.request('/incidents/nope')).status).toBe(404);
  });
});
