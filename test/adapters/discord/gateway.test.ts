// The gateway connection: a disconnect and RESUME lose no case (events sent while away are
// replayed, a replayed event is handled once), and malformed payloads are logged, not fatal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageCreate } from '../../fakes/discord/payloads.ts';
import { IDS, type Rig, startRig } from './rig.ts';

describe('Discord gateway', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('resumes after a disconnect and opens the cases posted meanwhile and after', async () => {
    const session = rig.fake.gateway.sessions[0];
    if (!session) throw new Error('no gateway session');
    rig.fake.gateway.disconnect(4000);
    await rig.fake.waitFor(() => session.socket === null, { what: 'the socket to close' });

    // Posted while the bot is away: Discord keeps it for the session and replays it on RESUME.
    const whileAway = messageCreate(rig.fake.state, {
      author: rig.users.egle,
      channel: rig.channels.support,
      content: 'Posted while the bot was reconnecting: my account is locked.',
    });
    rig.fake.dispatch('MESSAGE_CREATE', whileAway);
    await rig.fake.waitFor(() => session.resumes === 1 && session.socket !== null, { what: 'RESUME' });
    expect(rig.fake.gateway.sessions).toHaveLength(1); // resumed, not identified again
    const resume = session.received.find((p) => p.op === 6);
    expect(resume?.d).toMatchObject({ session_id: session.id, token: 'test-token' });

    const replayed = await rig.caseWithWords(String(whileAway.content));
    expect(replayed.words).toContain('my account is locked');

    const after = await rig.openByMessage(rig.users.jean, 'After the resume: the app crashes when I log in.');
    expect(after.case.number).toBe(replayed.number + 1);
    expect(rig.logger.lines.some((l) => l.startsWith('info discord.resumed'))).toBe(true);
  });

  // Each member's next request comes after the intake cooldown, so it opens a case of its own.
  const afterCooldown = () => rig.clock.advance(3 * 60_000);

  it('handles an event delivered again after a restart once', async () => {
    afterCooldown();
    const message = messageCreate(rig.fake.state, {
      author: rig.users.egle,
      channel: rig.channels.support,
      content: 'Sent once, delivered twice.',
    });
    rig.fake.dispatch('MESSAGE_CREATE', message);
    await rig.caseWithWords('Sent once, delivered twice.');
    // A fresh process has no message cache: only the stored inbound id stops a second case.
    await rig.restart();
    await rig.dispatch('MESSAGE_CREATE', message);
    const cases = await rig.store.cases.listCases({});
    expect(cases.filter((c) => c.words === 'Sent once, delivered twice.')).toHaveLength(1);
    expect(
      rig.logger.lines.some((l) => l.includes(`discord.duplicate key=discord:message:${message.id}`)),
    ).toBe(true);
  });

  it('logs malformed payloads clearly and keeps serving', async () => {
    const before = (await rig.store.cases.listCases({})).length;
    await rig.dispatch('INTERACTION_CREATE', { id: '5', type: 3, data: null, token: 'broken' });
    await rig.dispatch('INTERACTION_CREATE', {
      id: '6',
      type: 5,
      token: 'x',
      application_id: '1',
      data: { custom_id: 'form:approve', components: [{}] },
    });
    await rig.dispatch('MESSAGE_CREATE', {
      id: '7',
      channel_id: IDS.support,
      guild_id: rig.fake.state.guildId,
    });
    await rig.dispatch('MESSAGE_CREATE', { id: '8', channel_id: IDS.support, author: 'not a user' });
    rig.fake.gateway.sendRaw('{"op":0,"t":"MESSAGE_CREATE","s":');

    const malformed = rig.logger.lines.filter((l) => l.startsWith('error discord.malformed_dispatch'));
    expect(malformed.length).toBeGreaterThanOrEqual(2);
    expect(malformed[0]).toMatch(/event=INTERACTION_CREATE seq=\d+ error=/);

    afterCooldown();
    const next = await rig.openByMessage(rig.users.jean, 'Still there? My password reset link expired.');
    expect(next.case.number).toBe(before + 1);
  });
});
