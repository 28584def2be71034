// The ways in: the support panel (posted by an admin command), a message in the support channel,
// a post in the support forum, a DM to the bot; and `/support status`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/texts/index.ts';
import { messageCreate, slashCommand } from '../../fakes/discord/payloads.ts';
import { ChannelKind } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, NO_INTAKE_LIMIT, type Rig, startRig } from './rig.ts';

describe('Discord intake', () => {
  let rig: Rig;
  beforeAll(async () => {
    // One member opens several cases in a row here: the intake limit (intake-limits.test.ts) is off.
    rig = await startRig({}, { intake: NO_INTAKE_LIMIT });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('posts the support panel for a server manager, and refuses anyone else kindly', async () => {
    const { support } = rig.channels;
    const refused = await rig.command(rig.users.jean, support, 'support-panel', undefined, 'fr');
    expect(refused.callback).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(String(refused.callback?.data?.content)).toContain('Seules les personnes qui gèrent ce serveur');
    expect(rig.fake.messagesIn(IDS.support)).toHaveLength(0);

    const payload = slashCommand(rig.fake.state, {
      user: rig.users.marie,
      channel: support,
      name: 'support-panel',
      admin: true,
    });
    const posted = await rig.interact(payload);
    expect(posted.messages[0]?.content).toBe('Le panneau d’assistance est publié dans ce salon.'); // Marie reads French
    const panel = lastMessage(rig, IDS.support, 'open');
    expect(panel.content).toContain('Press the button below to open a private case');
  });

  it('opens a private case from the panel button, with the form in the member’s language', async () => {
    const panel = lastMessage(rig, IDS.support, 'open');
    const form = await rig.click(rig.users.jean, panel, 'open', 'fr');
    expect(form.callback?.type).toBe(9);
    expect(form.callback?.data?.title).toBe('Ouvrir une demande d’assistance');
    const labels = JSON.stringify(form.callback?.data?.components);
    expect(labels).toContain('Facturation');
    expect(labels).toContain('urgent');
    const done = await rig.submit(
      rig.users.jean,
      rig.channels.support,
      form,
      {
        topic: 'billing',
        description: 'Ma facture de mars est en double.',
        urgency: 'normal',
      },
      panel,
      'fr',
    );
    const reply = done.messages[0]?.content ?? '';
    expect(reply).toContain('Merci, Jean Bernard. La demande n°1 est ouverte');
    const threadId = /<#(\d+)>/.exec(reply)?.[1] ?? '';
    const c = await rig.caseOf(threadId);
    expect(c.customer).toMatchObject({ locale: 'fr', timeZone: 'Europe/Vilnius' });
    await rig.deliver();
    expect(rig.fake.messagesIn(threadId)[0]?.content).toContain('Bonjour Jean Bernard');
  });

  it('opens a case from a message in the support channel, in a private thread with the member', async () => {
    const { case: c, threadId } = await rig.openByMessage(
      rig.users.egle,
      'The mobile app logs me out every hour.',
    );
    const thread = rig.fake.state.channel(threadId);
    expect(thread).toMatchObject({ type: ChannelKind.privateThread, parent_id: IDS.support });
    expect([...(thread?.members ?? [])].sort()).toEqual([rig.fake.state.bot.id, rig.users.egle.id].sort());
    expect(c).toMatchObject({ topic: 'general', words: 'The mobile app logs me out every hour.' });
    // No thread was started on the member's message (Discord would make it public).
    const onMessage = new RegExp(`^/channels/${IDS.support}/messages/\\d+/threads$`);
    expect(rig.fake.callsTo('POST', onMessage)).toEqual([]);
    // The member's message is answered in #support with a link to the thread.
    const reply = rig.fake.callsTo('POST', new RegExp(`^/channels/${IDS.support}/messages$`)).at(-1);
    expect(reply?.body).toMatchObject({
      content: `Thank you, Eglė. Case #${c.number} is open in <#${threadId}>: we will talk there.`,
      message_reference: { fail_if_not_exists: false },
    });
  });

  it('does not open a case when staff write in the support channel', async () => {
    const before = (await rig.store.cases.listCases({})).length;
    const threadCalls = () => rig.fake.callsTo('POST', /\/threads$/).length;
    const threadsBefore = threadCalls();
    const message = messageCreate(rig.fake.state, {
      author: rig.users.tom,
      channel: rig.channels.support,
      content: 'Reminder: the status page is at status.acme.example',
    });
    await rig.dispatch('MESSAGE_CREATE', message);
    expect(await rig.store.cases.listCases({})).toHaveLength(before);
    expect(threadCalls()).toBe(threadsBefore);
  });

  it('opens a case from a new post in the support forum', async () => {
    const post = rig.fake.forumPost(
      IDS.forum,
      rig.users.egle,
      'Export fails',
      'CSV export stops at 1,000 rows.',
    );
    const c = await rig.fake.waitFor(
      () => rig.store.cases.findCaseByConversation(`discord:${rig.fake.state.guildId}:${post.id}`),
      {
        what: 'the forum case',
      },
    );
    expect(c.words).toBe('CSV export stops at 1,000 rows.');
    await rig.adapter.idle();
    await rig.deliver();
    expect(rig.fake.messagesIn(post.id)[0]?.content).toContain('Hello Eglė');
  });

  it('opens a case from a DM in a private thread, and adds later DMs to it', async () => {
    const dm = rig.fake.state.addChannel({
      id: '1250000000000000001',
      type: ChannelKind.dm,
      name: '',
      recipients: [rig.users.jean],
    });
    const customer = rig.users.jean;
    // Jean already has a case; a fresh member shows a new one opening.
    const newcomer = rig.fake.state.addUser('2000000000000000003', 'ona', 'Ona');
    const dmOna = rig.fake.state.addChannel({
      id: '1250000000000000002',
      type: ChannelKind.dm,
      name: '',
      recipients: [newcomer],
    });
    await rig.dispatch(
      'MESSAGE_CREATE',
      messageCreate(rig.fake.state, {
        author: newcomer,
        channel: dmOna,
        content: 'Hi, my parcel was damaged.',
      }),
    );
    const opened = lastMessage(rig, dmOna.id).content;
    expect(opened).toMatch(/Thank you, Ona\. Case #\d+ is open in <#\d+>/);
    const threadId = /<#(\d+)>/.exec(opened)?.[1] ?? '';
    expect(rig.fake.state.channel(threadId)?.type).toBe(ChannelKind.privateThread);
    expect(rig.fake.state.channel(threadId)?.members.has(newcomer.id)).toBe(true);

    await rig.dispatch(
      'MESSAGE_CREATE',
      messageCreate(rig.fake.state, {
        author: customer,
        channel: dm,
        content: 'Also: the duplicate was paid by card.',
      }),
    );
    expect(lastMessage(rig, dm.id).content).toMatch(
      /We have added this to case #1; you can follow it in <#\d+>/,
    );
    const events = await rig.store.inspect.listEvents(
      (await rig.desk.openCasesOf(`discord:${customer.id}`, 1)).cases[0]?.id ?? '',
    );
    expect(events.map((e) => e.type)).toContain('details_added');
  });

  it('answers /support status with the member’s open cases, privately', async () => {
    const status = await rig.command(rig.users.egle, rig.channels.support, 'support', 'status');
    expect(status.callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const text = status.messages[0]?.content ?? '';
    expect(text).toContain('Hello Eglė, here is where your requests stand:');
    expect(text.match(/Case #\d+: open/g)).toHaveLength(2);
    const none = await rig.command(rig.users.lucas, rig.channels.support, 'support', 'status');
    const expected = renderText('customer.status_none', {
      locale: 'fr',
      timeZone: 'UTC',
      params: { name: 'Lucas Bernard' },
    });
    expect(none.messages[0]?.content).toBe(expected); // Lucas is staff, in French, with no case of his own
  });

  it('lists the first 10 open cases by number in /support status and says there are more; a DM goes to the newest', async () => {
    const customer = {
      id: `discord:${rig.users.egle.id}`,
      name: 'Eglė',
      locale: 'en',
      timeZone: 'UTC',
    } as const;
    let newest = 0;
    for (let n = 1; n <= 9; n++) {
      const opened = await rig.desk.openCase({
        workspace: rig.config.workspace,
        audience: 'community',
        conversation: `discord:${rig.fake.state.guildId}:13000000000000000${n}`,
        customer,
        text: `Another request, number ${n}`,
      });
      newest = opened.case.number;
    }
    const open = await rig.store.cases.listCases({ customerId: customer.id, statuses: ['open'] });
    expect(open).toHaveLength(11); // two from earlier tests
    const status = await rig.command(rig.users.egle, rig.channels.support, 'support', 'status');
    const lines = (status.messages[0]?.content ?? '').split('\n');
    expect(lines.slice(1, -1).map((l) => /Case #(\d+)/.exec(l)?.[1])).toEqual(
      open.slice(0, 10).map((c) => String(c.number)),
    );
    expect(lines.at(-1)).toBe('…and more open requests, not shown here.');

    const dm = rig.fake.state.addChannel({
      id: '1250000000000000003',
      type: ChannelKind.dm,
      name: '',
      recipients: [rig.users.egle],
    });
    await rig.dispatch(
      'MESSAGE_CREATE',
      messageCreate(rig.fake.state, { author: rig.users.egle, channel: dm, content: 'Any news?' }),
    );
    expect(lastMessage(rig, dm.id).content).toContain(`We have added this to case #${newest};`);
  });
});
