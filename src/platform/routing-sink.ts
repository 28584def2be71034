// Routes each outbox notice to the adapter of the platform its case lives on. A case whose
// platform has no running adapter goes to the fallback (the console) or waits for one.
import type { Case, ClaimedNotice } from '../core/model.ts';
import type { CaseRepository } from '../core/ports.ts';
import type { DeliveryResult, NoticeSink } from '../jobs/outbox.ts';
import { type PlatformSink, platformOf } from './adapter.ts';

/** How long a notice waits before trying again when its platform's adapter is not running. */
export const NO_ADAPTER_RETRY_MS = 60_000;

export function routingSink(
  cases: Pick<CaseRepository, 'getCase'>,
  sinks: Readonly<Record<string, PlatformSink>>,
  fallback?: NoticeSink,
): NoticeSink {
  return {
    async deliver(notice: ClaimedNotice, known?: Case): Promise<DeliveryResult> {
      const c = known?.id === notice.caseId ? known : await cases.getCase(notice.caseId);
      if (!c) return { status: 'rejected', error: `case ${notice.caseId} not found` };
      const platform = platformOf(c.conversation);
      const sink = sinks[platform];
      if (sink) return sink.deliver(notice, c);
      if (fallback) return fallback.deliver(notice);
      return {
        status: 'retry',
        afterMs: NO_ADAPTER_RETRY_MS,
        error: `no ${platform || 'chat'} adapter is running`,
      };
    },
  };
}
