// The playground's sink: the outbox delivers each notice of a `playground:` case here, like it
// delivers a Slack case's to Slack; the notice lands in the inbox the panes are drawn from.
import type { Case, ClaimedNotice, Clock } from '../../src/core/index.ts';
import type { PlatformSink } from '../../src/platform/adapter.ts';
import type { Inbox } from './inbox.ts';

export function playgroundSink(inbox: Inbox, clock: Clock): PlatformSink {
  return {
    async deliver(notice: ClaimedNotice, _c: Case) {
      inbox.add(notice, clock.now());
      return { status: 'sent' };
    },
  };
}
