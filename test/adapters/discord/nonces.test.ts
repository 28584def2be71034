// Every message the adapter posts carries a nonce with enforce_nonce, whatever posts it: the
// outbox's notices and cards, the panel, answers to a DM, a refusal in public, a refusal by DM,
// the admins' notice, the link answered to a #support message.
import { afterEach, describe, expect, it } from 'vitest';
import { messageCreate, slashCommand } from '../../fakes/discord/payloads.ts';
import { missingPermissions } from '../../fakes/discord/rest-server.ts';
import { ChannelKind, type FakeChannel } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, type Rig, startRig } from './rig.ts';

const MESSAGES = /^\/channels\/(\d+)\/messages$/;

describe('Discord nonces', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it('every POST to /channels/*/messages in a full run carries a nonce', async () => {
    rig = await startRig({ adminChannelId: IDS.admin });
    const r = rig;
    const { egle, jean, tom, lucas, marie } = r.users;
    const s = r.fake.state;

    // The panel.
    await r.interact(
      slashCommand(s, { user: marie, channel: r.channels.support, name: 'support-panel', admin: true }),
    );
    // A case from the form, claimed, answered in its thread and from elsewhere, escalated.
    const form = await r.command(egle, r.channels.support, 'support', 'open');
    const submitted = await r.submit(egle, r.channels.support, form, {
      topic: 'billing',
      description: 'I was charged twice.',
      urgency: 'normal',
    });
    const threadId = /<#(\d+)>/.exec(submitted.messages[0]?.content ?? '')?.[1] ?? '';
    const thread = s.channel(threadId) as FakeChannel;
    await r.deliver();
    await r.click(tom, lastMessage(r, IDS.triageSupport), 'claim');
    await r.deliver();
    await r.say(tom, thread, 'Refund is on its way.');
    await r.desk.answer({ caseId: (await r.caseOf(threadId)).id, actor: { id: 'tom' }, text: 'Two days.' });
    await r.say(lucas, thread, 'Not my case, refused by DM.');
    await r.click(egle, lastMessage(r, threadId, 'ask_supervisor'), 'ask_supervisor');
    await r.deliver();
    // A note in the staff thread (the bot only reacts), a case from a #support message.
    await r.say(tom, s.channel(lastMessage(r, IDS.triageSupport).id) as FakeChannel, 'Checked the ledger.');
    await r.openByMessage(jean, 'The app crashes on start.');
    // A DM: a new case for a newcomer, answered in the DM.
    const newcomer = s.addUser('2000000000000000099', 'newbie', 'New Comer');
    const dm = s.addChannel({ id: s.snowflake(), type: ChannelKind.dm, name: '', recipients: [newcomer] });
    await r.dispatch(
      'MESSAGE_CREATE',
      messageCreate(s, { author: newcomer, channel: dm, content: 'Hello?' }),
    );
    // A refusal in public: the thread cannot be made (not a permission), said in #support.
    const refusalAuthor = s.addUser('2000000000000000098', 'other', 'Other Member');
    r.fake.rest.failNext({
      method: 'POST',
      path: new RegExp(`^/channels/${IDS.support}/threads$`),
      reply: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
    });
    await r.dispatch(
      'MESSAGE_CREATE',
      messageCreate(s, { author: refusalAuthor, channel: r.channels.support, content: 'Help please' }),
    );
    // The admins' notice: the triage channel refuses a card.
    r.fake.rest.failNext({
      method: 'POST',
      path: new RegExp(`^/channels/${IDS.triageSupport}/messages$`),
      reply: missingPermissions,
      times: 3,
    });
    r.clock.advance(3 * 60_000); // past the intake cooldown: a case of its own
    await r.openByMessage(egle, 'Another question about my invoice.');
    await r.deliver();
    await r.adapter.idle();

    const posts = r.fake.calls.filter((c) => c.method === 'POST' && MESSAGES.test(c.path));
    const channels = new Set(posts.map((c) => MESSAGES.exec(c.path)?.[1]));
    // The run reached each kind of sender.
    expect(channels).toContain(IDS.admin);
    expect(channels).toContain(IDS.support);
    expect(channels).toContain(dm.id);
    expect(channels).toContain(threadId);
    expect(channels).toContain(r.dmWith(lucas)?.id);
    expect(channels).toContain(r.dmWith(marie)?.id);
    const support = posts.filter((c) => c.path === `/channels/${IDS.support}/messages`).map((c) => c.body);
    expect(support.some((b) => JSON.stringify(b?.components).includes('"open"'))).toBe(true); // the panel
    expect(support.some((b) => String(b?.content).includes('Something went wrong'))).toBe(true); // a public error
    expect(support.some((b) => String(b?.content).includes('is open in <#'))).toBe(true); // a link

    const without = posts.filter((c) => typeof c.body?.nonce !== 'string' || c.body.nonce === '');
    expect(without.map((c) => `${c.path} ${JSON.stringify(c.body).slice(0, 80)}`)).toEqual([]);
    expect(posts.every((c) => c.body?.enforce_nonce === true)).toBe(true);
    expect(posts.length).toBeGreaterThan(15);
  });
});
