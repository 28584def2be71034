// A notice sent again after its sender died mid-send (the store marks it RESENT_AFTER_CRASH): the
// Discord sink posts with the same nonce and `enforce_nonce`, so Discord hands back the message
// that already arrived and the member reads it once.
import { afterEach, describe, expect, it } from 'vitest';
import { RESENT_AFTER_CRASH } from '../../../src/core/model.ts';
import { type Rig, startRig } from './rig.ts';

describe('Discord: a notice resent after a crash arrives once', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it('sends it again with the same nonce, and the thread keeps one message', async () => {
    rig = await startRig();
    const { case: c, threadId } = await rig.openByMessage(rig.users.egle, 'My order #4411 never arrived.');
    await rig.deliver();
    const [ack] = (await rig.store.inspect.listOutbox({ caseId: c.id })).filter(
      (n) => n.recipient.kind === 'customer' && n.status === 'sent',
    );
    if (!ack) throw new Error('no acknowledgement sent');
    const acks = () =>
      rig!.fake.messagesIn(threadId).filter((m) => m.content.includes('thank you for getting in touch'));
    expect(acks()).toHaveLength(1);
    const toThread = new RegExp(`^/channels/${threadId}/messages$`);
    const before = rig.fake.callsTo('POST', toThread);

    const resent = { ...ack, lastError: RESENT_AFTER_CRASH, leaseToken: 'test', leaseUntil: rig.clock.now() };
    expect(await rig.sink.deliver(resent)).toEqual({ status: 'sent', answeredAt: expect.any(Date) });

    const posts = rig.fake.callsTo('POST', toThread).slice(before.length);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ nonce: before.at(-1)?.body?.nonce, enforce_nonce: true });
    expect(acks()).toHaveLength(1);
  });
});
