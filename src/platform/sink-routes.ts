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

export function sinkRoutes(cases: Pick<CaseRepository, 'getCase'>): SinkRoutes {
  const sinks = new Map<string, PlatformSink>();
  let fallback: NoticeSink | undefined;
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
      if (sinks.size === 0 && fallback) return fallback.deliver(notice, knownCase);
      const c = knownCase?.id === notice.caseId ? knownCase : await cases.getCase(notice.caseId);
      if (!c) return { status: 'rejected', error: `case ${notice.caseId} not found` };
      const platform = platformOf(c.conversation);
      const sink = sinks.get(platform);
      if (sink) return sink.deliver(notice, c);
      if (fallback) return fallback.deliver(notice, c);
      return {
        status: 'retry',
        afterMs: NO_ADAPTER_RETRY_MS,
        error: `no ${platform || 'chat'} adapter is running`,
      };
    },
  };
}
