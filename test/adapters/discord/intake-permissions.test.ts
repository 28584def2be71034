// Opening a case when Discord refuses the bot the thread (50013 Missing Permissions): the member
// is told in plain words, in their language, that the bot may not open threads here; the admins
// hear which channel lacks what; no case is opened.
import { afterEach, describe, expect, it } from 'vitest';
import { missingPermissions } from '../../fakes/discord/rest-server.ts';
import { messageCreate } from '../../fakes/discord/payloads.ts';
import { IDS, type Rig, startRig } from './rig.ts';

const GENERIC = /something went wrong|quelque chose|kažkas/i;

describe('Discord intake without the thread permission', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  const toThreads = new RegExp(`^/channels/${IDS.support}/threads$`);

  it.each([
    ['en-US', 'Sorry, I cannot open your case right now: the bot is not allowed to open threads'],
    ['fr', 'Désolé, je ne peux pas ouvrir votre demande pour le moment : le bot n’a pas le droit'],
    ['lt', 'Atsiprašome, šiuo metu negaliu pateikti jūsų užklausos: botui neleidžiama atidaryti gijų'],
  ])('from the form (%s): the member reads why, the admin channel is told', async (locale, said) => {
    rig = await startRig({ adminChannelId: IDS.admin });
    rig.fake.rest.failNext({ method: 'POST', path: toThreads, reply: missingPermissions });
    const { egle } = rig.users;
    const form = await rig.command(egle, rig.channels.support, 'support', 'open', locale);
    const submitted = await rig.submit(
      egle,
      rig.channels.support,
      form,
      { topic: 'billing', description: 'I was charged twice.', urgency: 'normal' },
      undefined,
      locale,
    );
    const reply = submitted.messages.map((m) => m.content).join('\n');
    expect(reply).toContain(said);
    expect(reply).not.toMatch(GENERIC);
    expect(await rig.desk.listCases({})).toEqual([]);
    const admin = rig.fake.messagesIn(IDS.admin).map((m) => m.content);
    expect(admin).toEqual([
      expect.stringContaining(
        `I could not open a case for Eglė: Discord says I am missing permissions to open a thread in <#${IDS.support}>`,
      ),
    ]);
    expect(rig.logger.lines.some((l) => l.startsWith('error discord.missing_permissions'))).toBe(true);
  });

  it('from a #support message: the member reads why where they wrote, the supervisors are told by DM', async () => {
    rig = await startRig(); // no admin channel: the team's supervisors hear it
    rig.fake.rest.failNext({ method: 'POST', path: toThreads, reply: missingPermissions });
    await rig.dispatch(
      'MESSAGE_CREATE',
      messageCreate(rig.fake.state, {
        author: rig.users.egle,
        channel: rig.channels.support,
        content: 'My refund never came.',
      }),
    );
    const inSupport = rig.fake.messagesIn(IDS.support).map((m) => m.content);
    expect(inSupport).toEqual([expect.stringContaining('the bot is not allowed to open threads')]);
    expect(inSupport[0]).not.toMatch(GENERIC);
    expect(await rig.desk.listCases({})).toEqual([]);
    // The support team's supervisor (Marie, French) is told in her language.
    const dm = rig.dmWith(rig.users.marie);
    expect(rig.fake.messagesIn(dm?.id ?? '').map((m) => m.content)).toEqual([
      expect.stringContaining(`Je n’ai pas pu ouvrir de demande pour Eglė`),
    ]);
  });

  it('a refusal for another reason is not reported as a permission problem', async () => {
    rig = await startRig({ adminChannelId: IDS.admin });
    rig.fake.rest.failNext({
      method: 'POST',
      path: toThreads,
      reply: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
    });
    const { egle } = rig.users;
    const form = await rig.command(egle, rig.channels.support, 'support', 'open');
    const submitted = await rig.submit(egle, rig.channels.support, form, {
      topic: 'billing',
      description: 'I was charged twice.',
      urgency: 'normal',
    });
    expect(submitted.messages.map((m) => m.content).join('\n')).not.toContain('not allowed to open threads');
    expect(rig.fake.messagesIn(IDS.admin)).toEqual([]);
  });
});
