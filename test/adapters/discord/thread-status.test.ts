// The case thread's name shows the status group (🟡 the team owes an answer, 💬 waiting on the
// member, ✅ finished), renamed only when the group changes (Discord allows 2 renames per 10
// minutes per thread), best effort: a failed rename is logged and never holds a message back.
import { afterEach, describe, expect, it } from 'vitest';
import { rateLimited } from '../../fakes/discord/rest-server.ts';
import type { FakeChannel } from '../../fakes/discord/state.ts';
import { type Rig, startRig } from './rig.ts';

describe('Discord: the status in the case thread’s name', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  async function open(r: Rig) {
    const form = await r.command(r.users.egle, r.channels.support, 'support', 'open');
    const done = await r.submit(r.users.egle, r.channels.support, form, {
      topic: 'access',
      description: 'I cannot reach my account.',
      urgency: 'normal',
    });
    const threadId = /<#(\d+)>/.exec(done.messages[0]?.content ?? '')?.[1] ?? '';
    await r.deliver();
    return { threadId, caseId: (await r.caseOf(threadId)).id };
  }
  const renames = (r: Rig, threadId: string) =>
    r.fake.calls.filter(
      (c) => c.method === 'PATCH' && c.path.endsWith(`/channels/${threadId}`) && c.body?.name,
    );

  it('renames only when the status group changes', async () => {
    rig = await startRig();
    const { threadId, caseId } = await open(rig);
    const name = () => (rig?.fake.state.channel(threadId) as FakeChannel).name;
    expect(name()).toBe('🟡 Case #1 · Eglė');
    const named = renames(rig, threadId).length;

    await rig.desk.claim({ caseId, actor: { id: 'tom' } }); // still the team's turn
    await rig.deliver();
    expect(renames(rig, threadId)).toHaveLength(named);

    await rig.desk.answer({ caseId, actor: { id: 'tom' }, text: 'Please try the reset link.' });
    await rig.deliver();
    expect(name()).toBe('💬 Case #1 · Eglė');
    await rig.desk.answer({ caseId, actor: { id: 'tom' }, text: 'It lasts an hour.' }); // same group
    await rig.deliver();
    expect(renames(rig, threadId)).toHaveLength(named + 1);

    await rig.desk.resolve({ caseId, actor: { id: 'tom' }, summary: 'Reset link sent.' });
    await rig.deliver();
    expect(name()).toBe('✅ Case #1 · Eglė');
    expect(renames(rig, threadId)).toHaveLength(named + 2);
  });

  it('a rate-limited rename is logged, the message is still delivered, and the next notice retries', async () => {
    rig = await startRig();
    const { threadId, caseId } = await open(rig);
    const name = () => (rig?.fake.state.channel(threadId) as FakeChannel).name;
    rig.fake.rest.failNext({
      method: 'PATCH',
      path: new RegExp(`/channels/${threadId}$`),
      reply: rateLimited(60),
    });
    await rig.desk.answer({ caseId, actor: { id: 'tom' }, text: 'Please try the reset link.' });
    const report = await rig.deliver();
    expect(report.sent).toBeGreaterThan(0);
    expect(rig.fake.messagesIn(threadId).at(-1)?.content).toContain('Please try the reset link.');
    expect(name()).toBe('🟡 Case #1 · Eglė');
    expect(rig.logger.lines.some((l) => l.includes('discord.thread_status_failed'))).toBe(true);

    await rig.desk.answer({ caseId, actor: { id: 'tom' }, text: 'It lasts an hour.' });
    await rig.deliver();
    expect(name()).toBe('💬 Case #1 · Eglė');
  });
});
