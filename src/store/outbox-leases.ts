// What the stores add to the CaseStore port for the outbox dispatcher: pacing per destination, a
// durable "the send is starting" mark, and a release for shutdown. Until the port carries these
// (see docs/replicas.md), the dispatcher checks for them at run time.
import type { CaseStore, ClaimOptions } from '../core/ports.ts';

export interface PacedClaimOptions extends ClaimOptions {
  /**
   * When > 0, at most one notice per destination (see pace-key.ts) is claimed per `paceMs`,
   * across every replica: the claim advances the destination's next allowed instant.
   */
  paceMs?: number;
}

export interface OutboxLeases {
  claimNotices(options: PacedClaimOptions): ReturnType<CaseStore['claimNotices']>;
  /**
   * Marks that the platform call is about to start. False when this lease no longer holds the
   * notice: do not send. A claim whose lease runs out before this mark goes back to pending and is
   * sent by someone else; after it, the notice becomes ambiguous instead (it may have gone out).
   */
  startNoticeSend(id: string, leaseToken: string, at: Date): Promise<boolean>;
  /** Gives back a claimed notice whose send never started (shutdown): pending again, at once. */
  releaseNotice(id: string, leaseToken: string): Promise<void>;
}

/** The CaseStore every store in src/store implements. */
export type AppStore = CaseStore & OutboxLeases;

export const hasOutboxLeases = (store: CaseStore): store is AppStore =>
  typeof (store as Partial<OutboxLeases>).startNoticeSend === 'function' &&
  typeof (store as Partial<OutboxLeases>).releaseNotice === 'function';
