// The daily retention pass (the config's `retention`, see config/support.example.yaml): texts of
// cases that finished long ago are redacted (as an erasure would: numbers and times stay for
// reports), and bookkeeping rows that only grow are pruned: platform event ids older than any
// retry, and destinations' pacing instants long past. Work goes in batches, one transaction each,
// so SQLite's writer is held only briefly; a run that stops early leaves the rest to the next one.
import type { AppConfig } from '../config/load-config.ts';
import type { Clock, Ids, RetentionStore } from '../core/ports.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../log.ts';

/** Cases redacted per transaction. */
export const REDACT_BATCH = 100;
/** Inbound events forgotten per transaction. */
export const PRUNE_BATCH = 1000;
/** Batches of each kind per run at most: a run ends, whatever the backlog (the next run goes on). */
export const MAX_BATCHES = 1000;
/** How often it should run: once a day. */
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

export interface RetentionReport {
  /** Cases whose texts were redacted. */
  redacted: number;
  events: number;
  notices: number;
  references: number;
  inboundPruned: number;
  paceKeysPruned: number;
}

export interface RetentionDeps {
  store: { retention: RetentionStore };
  clock: Clock;
  logger: Logger;
  config: Pick<AppConfig, 'retention'>;
  /** Ids of the `data_erased` audit events (default: new UUIDv7s). */
  ids?: Ids;
}

export async function runRetention({
  store,
  clock,
  logger,
  config,
  ids = { next: () => newId() },
}: RetentionDeps): Promise<RetentionReport> {
  const now = clock.now();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const { redactAfterMinutes, inboundEventsAfterMinutes, paceKeysAfterMinutes } = config.retention;
  const report: RetentionReport = {
    redacted: 0,
    events: 0,
    notices: 0,
    references: 0,
    inboundPruned: 0,
    paceKeysPruned: 0,
  };

  if (redactAfterMinutes !== null) {
    const request = { requestedBy: 'system', at: now, ids };
    await inBatches(REDACT_BATCH, async () => {
      const done = await store.retention.redactFinishedBefore(ago(redactAfterMinutes), request, REDACT_BATCH);
      report.redacted += done.cases;
      report.events += done.events;
      report.notices += done.notices;
      report.references += done.references;
      return done.cases;
    });
  }
  await inBatches(PRUNE_BATCH, async () => {
    const pruned = await store.retention.pruneInbound(ago(inboundEventsAfterMinutes), PRUNE_BATCH);
    report.inboundPruned += pruned;
    return pruned;
  });
  // Always in the past: a destination paced ahead is never forgotten.
  report.paceKeysPruned = await store.retention.prunePaceKeys(ago(paceKeysAfterMinutes));

  logger.info('retention.done', { ...report });
  return report;
}

/** Runs `batch` until it handles fewer than `size` rows (none left), at most MAX_BATCHES times. */
async function inBatches(size: number, batch: () => Promise<number>): Promise<void> {
  for (let i = 0; i < MAX_BATCHES; i++) {
    if ((await batch()) < size) return;
  }
}
