// The audit log's vocabulary: every event a command or a timer records, with what it records.
// `CaseEvent` is a union discriminated by `type`, so reading `data` needs no guessing, and a
// command that records an unknown type or leaves out a field does not compile. Instants are ISO
// strings; the actor is the person who acted, the customer, or `system`.
import type { Approval, Priority, RiskBand, WindowKind } from './model.ts';
import type { RiskSignal } from './risk.ts';

export interface CaseEventData {
  case_opened: { words: string; topic: string; priority: Priority; follows?: string };
  details_added: { text: string };
  answered: { text: string };
  asked_customer: { text: string };
  note_added: { text: string };
  claimed: Record<string, never>;
  /** `byMessage`: the customer's message on a finished case reopened it. */
  reopened: { text: string; byMessage?: true };
  rated: { score: number; comment: string };
  topic_changed: { from: string; to: string };
  /** `callbackBy`: the expert renegotiated the window to this instant. */
  accepted: { callbackBy?: string };
  window_renegotiated: { dueAt: string };
  cannot_resolve: { reason: string };
  /** `to`: the expert the supervisor chose, if any. */
  reassign_requested: { to?: string };
  no_expert_available: { topic: string };
  supervisor_requested: { reason: string; role: Approval['requestedByRole'] };
  escalation_approved: { approvalId: string; apology: string; plan: string };
  escalation_declined: { approvalId: string; reason: string };
  expert_assigned: { expertId: string; dueAt: string };
  resolved: { summary: string };
  closed: Record<string, never>;
  went_outside: { channel: string; note: string };
  risk_raised: { signals: readonly RiskSignal[]; score: number; band: RiskBand };
  window_nudged: { window: WindowKind; dueAt: string };
  window_missed: { window: WindowKind; dueAt: string; misses: number };
  reassigned_after_misses: { from: string; to: string; misses: number };
  customer_checked_in: { closeAt: string };
  auto_closed: { waitingSince: string };
  /** The auditor's repair: the rules of invariants.ts the case broke, and what was found. */
  promise_repaired: { rules: readonly string[]; details: readonly string[] };
}

export type CaseEventType = keyof CaseEventData;

/** One audit event; `CaseEvent<'rated'>` is one of a type, plain `CaseEvent` any of them. */
export type CaseEvent<T extends CaseEventType = CaseEventType> = T extends CaseEventType
  ? {
      id: string;
      caseId: string;
      at: Date;
      actorId: string;
      type: T;
      data: Readonly<CaseEventData[T]>;
    }
  : never;
