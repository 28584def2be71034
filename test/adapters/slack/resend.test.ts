// A notice sent again after its sender died mid-send (the store marks it RESENT_AFTER_CRASH): the
// Slack sink looks in the conversation for a message carrying the notice's id in its metadata and
// does not post again when one is there; when none is, or the lookup fails, it posts (at least
// once). Every notice message carries its id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimedNotice, RESENT_AFTER_CRASH } from '../../../src/core/model.ts';
import { directMessage, eventCallback } from '../../fakes/slack/payloads.ts';
import { postedInThread, type SlackHarness, slackHarness, U } from './slack-harness.ts';

const DM = `D${U.egle.slice(1)}`;

describe('Slack: a notice resent after a crash is not posted twice', () => {
  let h: SlackHarness;
  let ack: ClaimedNotice;
  let thread = '';
  beforeAll(async () => {
    h = await slackHarness();
    const message = directMessage(U.egle, 'The VPN drops every ten minutes.');
    thread = message.ts;
    await h.slack.event(eventCallback(message));
    await h.fake.waitFor(
      postedInThread(DM, () => thread, 'thank you for getting in touch'),
      {
        what: 'the acknowledgement',
      },
    );
    await h.settled();
    const c = await h.onlyCase();
    const [first] = (await h.store.inspect.listOutbox({ caseId: c.id })).filter(
      (n) => n.recipient.kind === 'customer',
    );
    if (!first) throw new Error('no acknowledgement in the outbox');
    ack = { ...first, leaseToken: 'test', leaseUntil: h.clock.now() };
  });
  afterAll(async () => {
    await h.close();
  });

  const postsOf = (noticeId: string) =>
    h.fake.posted(
      (a) =>
        (a.metadata as { event_payload?: { notice?: string } } | undefined)?.event_payload?.notice ===
        noticeId,
    );

  it('tags each notice message with the notice id', () => {
    expect(postsOf(ack.id)).toHaveLength(1);
    expect(postsOf(ack.id)[0]?.args.metadata).toEqual({
      event_type: 'support_notice',
      event_payload: { notice: ack.id },
    });
  });

  it('finds the message already in the thread and does not post it again', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    expect(await h.sink.deliver({ ...ack, lastError: RESENT_AFTER_CRASH })).toEqual({
      status: 'sent',
      answeredAt: expect.any(Date),
    });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(before);
    expect(h.fake.callsTo('conversations.replies').at(-1)?.args).toMatchObject({
      channel: DM,
      ts: thread,
      include_all_metadata: 'true', // form-encoded, as the SDK sends it
    });
    expect(postsOf(ack.id)).toHaveLength(1);
  });

  it('posts a resent notice that never arrived, once', async () => {
    const lost = { ...ack, id: `${ack.id}-lost`, lastError: RESENT_AFTER_CRASH };
    expect(await h.sink.deliver(lost)).toEqual({ status: 'sent', answeredAt: expect.any(Date) });
    expect(postsOf(lost.id)).toHaveLength(1);
  });

  it('posts when the lookup itself fails (at least once), and says so in the log', async () => {
    h.fake.script('conversations.replies', { body: { ok: false, error: 'missing_scope' } });
    const unsure = { ...ack, id: `${ack.id}-unsure`, lastError: RESENT_AFTER_CRASH };
    expect(await h.sink.deliver(unsure)).toEqual({ status: 'sent', answeredAt: expect.any(Date) });
    expect(postsOf(unsure.id)).toHaveLength(1);
    expect(h.logger.lines.some((l) => l.includes('slack.notice_lookup_failed'))).toBe(true);
  });

  it('does not look when the notice was never started before', async () => {
    const lookups = h.fake.callsTo('conversations.replies').length;
    const fresh = { ...ack, id: `${ack.id}-fresh`, lastError: null };
    expect(await h.sink.deliver(fresh)).toEqual({ status: 'sent', answeredAt: expect.any(Date) });
    expect(h.fake.callsTo('conversations.replies')).toHaveLength(lookups);
    expect(postsOf(fresh.id)).toHaveLength(1);
  });
});
