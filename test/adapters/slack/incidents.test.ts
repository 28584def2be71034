// Incidents through Slack (Bolt against the fake Web API): a burst of alike requests alerts the
// team's supervisor once with "Declare incident"; declaring links every case and tells each
// customer; one update posted from the incident's message reaches each customer exactly once, in
// their language; Resolve incident resolves every case. Malformed incident forms change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { directMessage, eventCallback, textValue, viewSubmission } from '../../fakes/slack/payloads.ts';
import { buttonsOf, type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

const MARIE_DM = `D${U.marie.slice(1)}`;
const EGLE_DM = `D${U.egle.slice(1)}`;
const PETRAS_DM = `D${U.petras.slice(1)}`;

const withIncidents =
  (threshold: number) => (config: Parameters<Parameters<typeof slackHarness>[2] & object>[0]) => {
    const support = config.desk.directory.teams.support;
    if (!support) throw new Error('the example config has no support team');
    const teams = {
      ...config.desk.directory.teams,
      support: { ...support, incidents: { threshold, withinMinutes: 30, similarity: 0.3 } },
    };
    return { ...config, desk: { ...config.desk, directory: { ...config.desk.directory, teams } } };
  };

describe('Slack incidents', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await slackHarness({}, () => {}, withIncidents(3));
  });
  afterEach(async () => {
    await h.close();
  });

  const posted = (channel: string, text: string) =>
    h.fake.posted((a) => a.channel === channel && textOf({ args: a }).includes(text));

  async function openForm(user: string, message: ApiCall, action: string): Promise<ApiCall> {
    const since = h.fake.calls.length;
    await h.click(user, message, action);
    return h.fake.waitFor((c) => c.method === 'views.open', { since });
  }

  async function burst(): Promise<ApiCall> {
    for (const [user, text] of [
      [U.egle, 'The VPN login page is down'],
      [U.petras, 'VPN login page down since morning'],
      [U.egle, 'vpn login page is down again'],
    ] as const) {
      await h.slack.event(eventCallback(directMessage(user, text)));
    }
    return h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === MARIE_DM &&
        buttonsOf(c).some((b) => b.action_id === 'ladder:declare_incident'),
    );
  }

  it('a burst becomes an incident: one alert, declared, one update to each customer once, resolved', async () => {
    const alert = await burst();
    await h.settled();
    // In the team's language (English), once for the burst.
    expect(textOf(alert)).toContain('3 new cases on General question');
    expect(
      h.fake.posted(
        (a) =>
          a.channel === MARIE_DM &&
          buttonsOf({ args: a }).some((b) => b.action_id === 'ladder:declare_incident'),
      ),
    ).toHaveLength(1);

    const declare = await openForm(U.marie, alert, 'ladder:declare_incident');
    const done = await h.submit(U.marie, declare, { title: textValue('VPN sign-in outage') });
    expect(done.status).toBe(200);
    await h.settled();
    const cases = await h.desk.listCases({});
    expect(cases).toHaveLength(3);
    expect(cases.every((c) => c.incident !== null)).toBe(true);
    expect(posted(EGLE_DM, 'known incident')).toHaveLength(2); // Eglė has two cases
    expect(posted(PETRAS_DM, 'žinomo incidento')).toHaveLength(1);

    // A new alike request joins the declared incident at intake, and its customer is told so.
    await h.slack.event(eventCallback(directMessage(U.petras, 'VPN login page is down for me too')));
    await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === PETRAS_DM &&
        textOf(c).includes('žinomo incidento') &&
        posted(PETRAS_DM, 'žinomo incidento').length === 2,
    );
    await h.settled();
    expect((await h.desk.listCases({})).filter((c) => c.incident !== null)).toHaveLength(4);

    const incidentMessage = h.fake.posted(
      (a) =>
        a.channel === MARIE_DM &&
        buttonsOf({ args: a }).some((b) => b.action_id === 'ladder:incident_update'),
    )[0];
    if (!incidentMessage) throw new Error('no incident message with Post an update');
    const call = incidentMessage;
    const update = await openForm(U.marie, call, 'ladder:incident_update');
    await h.submit(U.marie, update, {
      text: textValue('A fix is being deployed; sign-in works again by noon.'),
    });
    await h.settled();
    expect(posted(EGLE_DM, 'A fix is being deployed')).toHaveLength(2);
    expect(posted(PETRAS_DM, 'A fix is being deployed')).toHaveLength(2); // Petras has two cases now
    expect(posted(PETRAS_DM, 'Naujienos apie')).toHaveLength(2);

    const resolve = await openForm(U.marie, call, 'ladder:resolve_incident');
    await h.submit(U.marie, resolve, { summary: textValue('The VPN gateway was restarted.') });
    await h.settled();
    expect((await h.desk.listCases({})).map((c) => c.status)).toEqual([
      'resolved',
      'resolved',
      'resolved',
      'resolved',
    ]);
    expect(posted(PETRAS_DM, 'The VPN gateway was restarted.')).toHaveLength(2);
    // Nothing was sent twice.
    expect(posted(EGLE_DM, 'A fix is being deployed')).toHaveLength(2);
  });

  it('refuses the forms to someone who is not a supervisor, privately, and changes nothing', async () => {
    const alert = await burst();
    const declare = await openForm(U.marie, alert, 'ladder:declare_incident');
    const refused = await h.submit(U.rasa, declare, { title: textValue('Not mine to declare') });
    expect(JSON.parse(refused.body)).toMatchObject({
      response_action: 'errors',
      errors: { title: expect.any(String) },
    });
    expect((await h.store.incidents.listIncidents({})).map((i) => i.status)).toEqual(['alerted']);
  });

  it('survives malformed incident forms: no incident id, an unknown one, empty words, odd metadata', async () => {
    const alert = await burst();
    const declare = await openForm(U.marie, alert, 'ladder:declare_incident');
    const view = declare.args.view as { callback_id: string; private_metadata: string };
    const meta = JSON.parse(view.private_metadata) as { c: string };
    const attempts = [
      { callback_id: 'ladder:incident_update', private_metadata: JSON.stringify({ c: meta.c }) },
      { callback_id: 'ladder:incident_resolve', private_metadata: JSON.stringify({ c: meta.c, a: 'nope' }) },
      { callback_id: 'ladder:incident_declare', private_metadata: JSON.stringify({ c: 'nope', a: 'nope' }) },
      { callback_id: 'ladder:incident_declare', private_metadata: '{"c": 5}' },
      { callback_id: 'ladder:incident_update', private_metadata: 'not json' },
    ];
    for (const v of attempts) {
      const res = await h.slack.interaction(viewSubmission(U.marie, v, { text: textValue('x') }));
      expect(res.status).toBe(200);
    }
    const blank = await h.submit(U.marie, declare, { title: textValue('   ') });
    expect(JSON.parse(blank.body)).toMatchObject({ response_action: 'errors' });
    expect((await h.store.incidents.listIncidents({})).map((i) => i.status)).toEqual(['alerted']);
    // Still answering: a real declaration works.
    await h.submit(U.marie, declare, { title: textValue('VPN outage') });
    expect((await h.store.incidents.listIncidents({})).map((i) => i.status)).toEqual(['open']);
  });
});
