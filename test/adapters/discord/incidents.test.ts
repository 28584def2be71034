// Incidents through Discord (discord.js against the fake REST + gateway): five alike requests in
// #support alert the support team's supervisor once, in a DM with "Declare incident"; declaring
// links every case and tells each member in their thread; one update from the incident's message
// reaches each thread exactly once; Resolve incident resolves every case. Malformed incident
// buttons and forms change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { modalSubmit } from '../../fakes/discord/payloads.ts';
import { lastMessage, NO_INTAKE_LIMIT, type Rig, startRig } from './rig.ts';

describe('Discord incidents', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  /** Five alike requests (the example config's threshold), from two members; their threads. */
  async function burst(r: Rig): Promise<string[]> {
    const { egle, jean } = r.users;
    const threads: string[] = [];
    for (const [user, text] of [
      [egle, 'The game server login is down'],
      [jean, 'game server login down for everyone?'],
      [egle, 'login to the game server is down'],
      [jean, 'Game server login down again'],
      [egle, 'the game server login page is down'],
    ] as const) {
      threads.push((await r.openByMessage(user, text)).threadId);
    }
    await r.deliver();
    return threads;
  }
  const marieDm = (r: Rig) => {
    const dm = r.dmWith(r.users.marie);
    if (!dm) throw new Error('no DM with Marie');
    return dm.id;
  };
  const inThread = (r: Rig, threadId: string, text: string) =>
    r.fake.messagesIn(threadId).filter((m) => m.content.includes(text));

  it('a burst becomes an incident: one alert, declared, one update to each member once, resolved', async () => {
    rig = await startRig({}, { intake: NO_INTAKE_LIMIT });
    const r = rig;
    const threads = await burst(r);
    const alerts = r.fake
      .messagesIn(marieDm(r))
      .filter((m) => JSON.stringify(m.components).includes('act:declare_incident:'));
    expect(alerts).toHaveLength(1);

    const declare = await r.click(
      r.users.marie,
      lastMessage(r, marieDm(r), 'declare_incident'),
      'declare_incident',
    );
    expect(declare.callback?.type).toBe(9);
    const channel = r.fake.state.channel(marieDm(r));
    if (!channel) throw new Error('no DM channel');
    await r.submit(r.users.marie, channel, declare, { title: 'Game server sign-in outage' });
    await r.deliver();
    const cases = await r.desk.listCases({});
    expect(cases.filter((c) => c.incident !== null)).toHaveLength(5);
    for (const t of threads) expect(inThread(r, t, 'known incident')).toHaveLength(1);

    const incidentMessage = lastMessage(r, marieDm(r), 'incident_update');
    const update = await r.click(r.users.marie, incidentMessage, 'incident_update');
    await r.submit(r.users.marie, channel, update, {
      text: 'A fix is rolling out; sign-in is back by noon.',
    });
    await r.deliver();
    await r.deliver();
    for (const t of threads) expect(inThread(r, t, 'A fix is rolling out')).toHaveLength(1);

    const resolve = await r.click(r.users.marie, incidentMessage, 'resolve_incident');
    await r.submit(r.users.marie, channel, resolve, { summary: 'The login service was restarted.' });
    await r.deliver();
    expect((await r.desk.listCases({})).every((c) => c.status === 'resolved')).toBe(true);
    for (const t of threads) {
      expect(inThread(r, t, 'The login service was restarted.')).toHaveLength(1);
      expect(inThread(r, t, 'A fix is rolling out')).toHaveLength(1);
    }
  });

  it('refuses the forms to someone who is not a supervisor, privately, and survives malformed ones', async () => {
    rig = await startRig({}, { intake: NO_INTAKE_LIMIT });
    const r = rig;
    await burst(r);
    const channel = r.fake.state.channel(marieDm(r));
    if (!channel) throw new Error('no DM channel');
    const declare = await r.click(
      r.users.marie,
      lastMessage(r, marieDm(r), 'declare_incident'),
      'declare_incident',
    );
    const refused = await r.submit(r.users.tom, channel, declare, { title: 'Not Tom’s to declare' });
    expect(refused.messages.some((m) => (m.flags & 64) === 64)).toBe(true);
    const [caseId] = (await r.desk.listCases({})).map((c) => c.id);
    for (const customId of [
      'form:incident_update',
      `form:incident_update:${caseId}`,
      `form:incident_resolve:${caseId}:nope`,
      'form:incident_declare:nope:nope',
      `form:incident_declare:${caseId}:a:b`,
    ]) {
      // The declare form's fields under another form's id: the desk refuses, nothing crashes.
      const modal = { ...(declare.callback?.data as Record<string, unknown>), custom_id: customId };
      await r.interact(
        modalSubmit(r.fake.state, { user: r.users.marie, channel, modal, values: { title: 'x' } }),
      );
    }
    const empty = await r.submit(r.users.marie, channel, declare, { title: '' });
    expect(empty.messages.length).toBeGreaterThan(0);
    expect((await r.store.incidents.listIncidents({})).map((i) => i.status)).toEqual(['alerted']);
    // Still answering: a real declaration works.
    await r.submit(r.users.marie, channel, declare, { title: 'Game server outage' });
    expect((await r.store.incidents.listIncidents({})).map((i) => i.status)).toEqual(['open']);
  });
});
