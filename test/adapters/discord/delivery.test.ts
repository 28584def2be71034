// Sending through the outbox: a 429 is retried when Discord says and the message arrives once; a
// 500 after the write is retried with the same nonce and Discord returns the first message; a
// timeout is an unknown outcome (never resent); missing permissions are parked and reported.
import { afterEach, describe, expect, it } from 'vitest';
import { missingPermissions, rateLimited } from '../../fakes/discord/rest-server.ts';
import { IDS, type Rig, startRig } from './rig.ts';

const realWait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Discord delivery', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  const ackIn = (r: Rig, threadId: string) =>
    r.fake.messagesIn(threadId).filter((m) => m.content.includes('thank you for getting in touch'));

  it('retries a rate-limited send when Discord says, and the message arrives once', async () => {
    rig = await startRig();
    const { case: c, threadId } = await rig.openByMessage(rig.users.egle, 'My order #4411 never arrived.');
    const toThread = new RegExp(`^/channels/${threadId}/messages$`);
    rig.fake.rest.failNext({ method: 'POST', path: toThread, reply: rateLimited(0.25) });

    const first = await rig.deliver();
    expect(first.retried).toBe(1);
    expect(ackIn(rig, threadId)).toHaveLength(0);
    const waiting = (await rig.store.inspect.listOutbox({ caseId: c.id })).find(
      (n) => n.key === 'customer.ack',
    );
    // A rate limit is not an attempt toward parking, and is retried when Discord said (250 ms,
    // plus discord.js's margin), not after a backoff's second.
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    const waitMs = (waiting?.nextAttemptAt.getTime() ?? 0) - rig.clock.now().getTime();
    expect(waitMs).toBeGreaterThanOrEqual(250);
    expect(waitMs).toBeLessThan(1_000);
    expect(waiting?.lastError).toContain('rate limit');
    expect(rig.logger.lines.some((l) => l.startsWith('warn discord.delivery_retry'))).toBe(true);

    expect((await rig.deliver()).claimed).toBe(0); // not due yet on the outbox's clock
    await realWait(300); // Discord's bucket resets (real time, as discord.js tracks it)
    rig.clock.advance(2_000);
    expect((await rig.deliver()).sent).toBe(1);
    expect(ackIn(rig, threadId)).toHaveLength(1);
    expect(rig.fake.callsTo('POST', toThread).map((call) => call.status)).toEqual([429, 200]);
  });

  it('resends after a 500 with the same nonce, and Discord keeps one message', async () => {
    rig = await startRig();
    const { threadId } = await rig.openByMessage(rig.users.egle, 'The invoice shows the wrong VAT number.');
    const toThread = new RegExp(`^/channels/${threadId}/messages$`);
    rig.fake.rest.failNext({
      method: 'POST',
      path: toThread,
      afterWrite: true,
      reply: { status: 502, body: { message: 'Bad Gateway', code: 0 } },
    });
    expect((await rig.deliver()).retried).toBe(1);
    expect(ackIn(rig, threadId)).toHaveLength(1); // it was written before the error

    rig.clock.advance(2_000);
    expect((await rig.deliver()).sent).toBe(1);
    const posts = rig.fake.callsTo('POST', toThread);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toMatchObject({ nonce: posts[0]?.body?.nonce, enforce_nonce: true });
    expect(ackIn(rig, threadId)).toHaveLength(1);
  });

  it('resumes a split message where it stopped: parts already sent are not sent again', async () => {
    rig = await startRig();
    const { case: c, threadId } = await rig.openByMessage(
      rig.users.egle,
      'How do I move my data to the new plan?',
    );
    await rig.deliver();
    const steps = Array.from(
      { length: 90 },
      (_, i) => `Step ${i + 1}: export table ${i + 1} and import it again.`,
    );
    await rig.desk.answer({ caseId: c.id, actor: { id: 'tom' }, text: steps.join('\n') });
    const toThread = new RegExp(`^/channels/${threadId}/messages$`);
    const before = rig.fake.callsTo('POST', toThread).length;
    rig.fake.rest.failNext({ method: 'POST', path: toThread, skip: 1, reply: rateLimited(0.2) });
    expect((await rig.deliver()).retried).toBe(1);
    await realWait(250);
    rig.clock.advance(2_000);
    expect((await rig.deliver()).sent).toBe(1);
    const parts = rig.fake.messagesIn(threadId).filter((m) => m.content.includes('export table'));
    expect(parts).toHaveLength(3);
    // Part 1, part 2 refused (429), then part 2 and part 3: part 1 was not posted again.
    expect(
      rig.fake
        .callsTo('POST', toThread)
        .slice(before)
        .map((call) => call.status),
    ).toEqual([200, 429, 200, 200]);
  });

  it('marks a timed-out send as unknown and never resends it blindly', async () => {
    rig = await startRig({ restTimeoutMs: 200 });
    const { case: c, threadId } = await rig.openByMessage(rig.users.egle, 'I was charged twice this month.');
    const toThread = new RegExp(`^/channels/${threadId}/messages$`);
    rig.fake.rest.failNext({
      method: 'POST',
      path: toThread,
      afterWrite: true,
      delayMs: 500,
      reply: { status: 200, body: {} },
    });
    expect((await rig.deliver()).ambiguous).toBe(1);
    rig.clock.advance(60_000);
    await rig.deliver();
    const ack = (await rig.store.inspect.listOutbox({ caseId: c.id })).find((n) => n.key === 'customer.ack');
    expect(ack?.status).toBe('ambiguous');
    expect(rig.fake.callsTo('POST', toThread)).toHaveLength(1);
  });

  it('parks a send refused for missing permissions and tells the admin channel in plain words', async () => {
    rig = await startRig({ adminChannelId: IDS.admin });
    const toTriage = new RegExp(`^/channels/${IDS.triageSupport}/messages$`);
    rig.fake.rest.failNext({ method: 'POST', path: toTriage, reply: missingPermissions, times: 3 });
    const { case: c } = await rig.openByMessage(rig.users.egle, 'Where is my refund?');
    const report = await rig.deliver();
    expect(report).toMatchObject({ sent: 1, parked: 1 });
    const parked = (await rig.store.inspect.listOutbox({ caseId: c.id, statuses: ['parked'] })).map(
      (n) => n.key,
    );
    expect(parked).toEqual(['triage.new_case']);
    const line = rig.logger.lines.find((l) => l.startsWith('error discord.missing_permissions'));
    expect(line).toContain(`not allowed to post in channel ${IDS.triageSupport}`);
    const notice = rig.fake.messagesIn(IDS.admin).map((m) => m.content);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain(`I could not post a message in <#${IDS.triageSupport}> for case #1`);
    expect(notice[0]).toContain('nothing is lost');
  });

  it('without an admin channel, tells the team supervisors by DM', async () => {
    rig = await startRig();
    const toTriage = new RegExp(`^/channels/${IDS.triageSupport}/messages$`);
    rig.fake.rest.failNext({ method: 'POST', path: toTriage, reply: missingPermissions });
    await rig.openByMessage(rig.users.egle, 'Where is my refund?');
    await rig.deliver();
    const dm = rig.dmWith(rig.users.marie); // the support team's supervisor (French)
    expect(rig.fake.messagesIn(dm?.id ?? '').map((m) => m.content)).toEqual([
      expect.stringContaining(`Je n’ai pas pu publier un message dans <#${IDS.triageSupport}>`),
    ]);
  });
});
