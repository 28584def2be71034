// Staff answering in the case's own thread: the member reads the answer once, under its author's
// name; the bot does not post it again there (only the buttons the relay offers). An answer given
// elsewhere still reaches the thread, once.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeChannel, FakeMessage } from '../../fakes/discord/state.ts';
import { IDS, lastMessage, type Rig, startRig } from './rig.ts';

const buttonIds = (m: FakeMessage): string[] =>
  (m.components as { components?: { custom_id?: string }[] }[])
    .flatMap((row) => row.components ?? [])
    .map((b) => b.custom_id?.split(':')[1] ?? '');

describe('staff answers in the case thread', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  async function openClaimed(r: Rig, topic: 'access' | 'billing' = 'access') {
    const { egle, tom } = r.users;
    const form = await r.command(egle, r.channels.support, 'support', 'open');
    const submitted = await r.submit(egle, r.channels.support, form, {
      topic,
      description: 'I cannot log in since this morning.',
      urgency: 'normal',
    });
    const threadId = /<#(\d+)>/.exec(submitted.messages[0]?.content ?? '')?.[1] ?? '';
    await r.deliver();
    await r.click(tom, lastMessage(r, topic === 'access' ? IDS.triageAccess : IDS.triageSupport), 'claim');
    await r.deliver();
    return { threadId, thread: r.fake.state.channel(threadId) as FakeChannel, c: await r.caseOf(threadId) };
  }

  const containing = (r: Rig, threadId: string, words: string) =>
    r.fake.messagesIn(threadId).filter((m) => m.content.includes(words));

  it('an answer written in the thread is recorded and not posted again by the bot', async () => {
    rig = await startRig();
    const { threadId, thread, c } = await openClaimed(rig);
    const words = 'Please clear your browser cookies and try again.';
    const written = await rig.say(rig.users.tom, thread, words);
    await rig.deliver();

    expect(containing(rig, threadId, words).map((m) => m.author.id)).toEqual([rig.users.tom.id]);
    expect(await rig.caseOf(threadId)).toMatchObject({ status: 'waiting_on_customer', ownerId: 'tom' });
    const events = await rig.store.inspect.listEvents(c.id);
    expect(events.filter((e) => e.type === 'answered').map((e) => e.data)).toEqual([{ text: words }]);
    // The relay's buttons still reach the member, without the words.
    const after = rig.fake.messagesIn(threadId).slice(-1)[0] as FakeMessage;
    expect(after.id).not.toBe(written.id);
    expect(after.author.id).toBe(rig.fake.state.bot.id);
    expect(after.content).toBe('');
    expect(buttonIds(after)).toEqual(['add_details', 'mark_resolved', 'ask_supervisor']);
    expect(after.nonce).toBeDefined();

    // Delivering again (a retry) adds nothing.
    rig.clock.advance(60_000);
    await rig.deliver();
    expect(rig.fake.messagesIn(threadId).at(-1)?.id).toBe(after.id);
  });

  it('an answer given elsewhere reaches the thread once, even with words already written there', async () => {
    rig = await startRig();
    const { threadId, thread, c } = await openClaimed(rig);
    const words = 'Your account is unlocked now.';
    await rig.say(rig.users.tom, thread, words);
    await rig.deliver();
    expect(containing(rig, threadId, words)).toHaveLength(1);

    // The same words, then other words, given from outside the thread (the desk directly).
    await rig.desk.answer({ caseId: c.id, actor: { id: 'tom' }, text: words });
    await rig.desk.answer({ caseId: c.id, actor: { id: 'tom' }, text: 'We also reset your password.' });
    await rig.deliver();
    const bot = rig.fake.state.bot.id;
    expect(containing(rig, threadId, words).map((m) => m.author.id)).toEqual([rig.users.tom.id, bot]);
    const other = containing(rig, threadId, 'We also reset your password.');
    expect(other.map((m) => m.author.id)).toEqual([bot]);
    expect(other[0]?.content).toContain('Reply from Tom Whitfield on case #1');
  });

  it('a refused answer in the thread does not hide the same words given later', async () => {
    rig = await startRig();
    const { threadId, thread, c } = await openClaimed(rig, 'billing');
    // Lucas works on the access team, not on this billing case: the desk refuses his answer.
    const words = 'Try the mobile app instead.';
    await rig.say(rig.users.lucas, thread, words);
    expect((await rig.store.inspect.listEvents(c.id)).some((e) => e.type === 'answered')).toBe(false);
    expect(rig.fake.messagesIn(rig.dmWith(rig.users.lucas)?.id ?? '')).toHaveLength(1);
    await rig.desk.answer({ caseId: c.id, actor: { id: 'tom' }, text: words });
    await rig.deliver();
    const bot = rig.fake.state.bot.id;
    expect(containing(rig, threadId, words).map((m) => m.author.id)).toEqual([rig.users.lucas.id, bot]);
  });

  it('with the outbox sending as soon as a command commits, as in the app: no copy of an answer or a note', async () => {
    rig = await startRig({}, { deliverAtOnce: true });
    const r = rig;
    const { egle, tom } = r.users;
    const form = await r.command(egle, r.channels.support, 'support', 'open');
    const submitted = await r.submit(egle, r.channels.support, form, {
      topic: 'billing',
      description: 'My invoice is wrong.',
      urgency: 'normal',
    });
    const threadId = /<#(\d+)>/.exec(submitted.messages[0]?.content ?? '')?.[1] ?? '';
    const c = await r.caseOf(threadId);
    // What the outbox held back (paced per destination on the test's clock) is sent by moving on.
    const settled = () =>
      r.fake.waitFor(
        async () => {
          const waiting = (await r.store.inspect.listOutbox({ caseId: c.id })).filter(
            (n) => n.status !== 'sent',
          );
          if (waiting.length === 0) return true;
          r.clock.advance(5_000);
          await r.deliver();
          return false;
        },
        { what: 'the outbox to send everything' },
      );
    await settled();
    const card = await r.fake.waitFor(() => r.fake.messagesIn(IDS.triageSupport)[0], { what: 'the card' });
    await r.click(tom, card, 'claim');
    await settled();

    const answer = 'We have corrected the invoice.';
    await r.say(tom, r.fake.state.channel(threadId) as FakeChannel, answer);
    await settled();
    expect(containing(r, threadId, answer).map((m) => m.author.id)).toEqual([tom.id]);

    const staffThread = await r.fake.waitFor(() => r.fake.state.channel(card.id), {
      what: 'the staff thread',
    });
    const note = 'Customer is on the legacy plan.';
    await r.say(tom, staffThread, note);
    await settled();
    const events = await r.store.inspect.listEvents(c.id);
    expect(events.some((e) => e.type === 'note_added')).toBe(true);
    expect(containing(r, staffThread.id, note).map((m) => m.author.id)).toEqual([tom.id]);
  });
});
