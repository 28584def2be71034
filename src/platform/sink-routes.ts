// Routes each notice to the sink registered for the platform its case lives on (the prefix of its
// conversation id, `slack:T:C:ts` → slack). Adapters register their sink when they are created; a
// case whose platform has no sink goes to the fallback (the console, when no platform runs), or
// waits for one. Notices come back from the database here, so this is where their text key is
// checked: sinks render only keys this version knows.
import type { Case, ClaimedNotice } from '../core/model.ts';
import type { CaseRepository, DeliveryResult, NoticeSink } from '../core/ports.ts';
import { isTextKey } from '../core/texts/index.ts';
import { type Platform, platformOf, type PlatformSink, type SinkRegistry } from './adapter.ts';

/** How long a notice waits before trying again when its platform's adapter is not running. */
export const NO_ADAPTER_RETRY_MS = 60_000;

export interface SinkRoutes extends SinkRegistry, NoticeSink {
  /** Where notices of a platform without a sink go (the console sink); without it they wait. */
  registerFallback(sink: NoticeSink): void;
}

/** What became of one delivery, for the metrics: the result's status, a rate limit, or unknown. */
export type DeliveryOutcome = 'sent' | 'retry' | 'rate_limited' | 'rejected' | 'ambiguous';

/** Told of each delivery a sink made, with the platform it went to (`fallback`: the console). */
export type DeliveryObserver = (platform: string, outcome: DeliveryOutcome) => void;

export function sinkRoutes(
  cases: Pick<CaseRepository, 'getCase'>,
  onDelivered: DeliveryObserver = () => {},
): SinkRoutes {
  const sinks = new Map<string, PlatformSink>();
  let fallback: NoticeSink | undefined;
  /** Runs one sink's delivery and tells the observer how it ended (a throw: unknown). */
  const observed = async (platform: string, run: () => Promise<DeliveryResult>) => {
    let outcome: DeliveryOutcome = 'ambiguous';
    try {
      const result = await run();
      outcome = result.status === 'retry' && result.rateLimited ? 'rate_limited' : result.status;
      return result;
    } finally {
      onDelivered(platform, outcome);
    }
  };
  return {
    register(platform: Platform, sink: PlatformSink) {
      sinks.set(platform, sink);
    },
    registerFallback(sink) {
      fallback = sink;
    },
    async deliver(notice: ClaimedNotice, knownCase?: Case): Promise<DeliveryResult> {
      // Written by another version whose catalog had this text (renamed or removed since): parked
      // where supervisors see it, never shown as a raw key.
      if (!isTextKey(notice.key)) return { status: 'rejected', error: `unknown text key "${notice.key}"` };
      // With only a fallback (no platform runs here), every notice goes to it: no case to read.
      const toFallback = fallback;
      if (sinks.size === 0 && toFallback)
        return observed('fallback', () => toFallback.deliver(notice, knownCase));
      const c = knownCase?.id === notice.caseId ? knownCase : await cases.getCase(notice.caseId);
      if (!c) return { status: 'rejected', error: `case ${notice.caseId} not found` };
      const platform = platformOf(c.conversation);
      const sink = sinks.get(platform);
      if (sink) return observed(platform, () => sink.deliver(notice, c));
      if (toFallback) return observed('fallback', () => toFallback.deliver(notice, c));
      return {
        status: 'retry',
        afterMs: NO_ADAPTER_RETRY_MS,
        error: `no ${platform || 'chat'} adapter is running`,
      };
    },
  };
}
