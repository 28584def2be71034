// Who may open the form that decides an escalation: a supervisor of the case's team (the core's
// own rule), and only while that approval still waits. Checked when Approve or Decline is clicked,
// so nobody types an apology for a decision already taken; the desk checks again on submit.
import { CoreError, type Case, type DeskConfig, requireRole } from '../../src/core/index.ts';

/** Throws the CoreError to show the person when they may not decide `approvalId` on `c` now. */
export function requireDecider(
  actorId: string,
  c: Case,
  approvalId: string | undefined,
  config: DeskConfig,
): void {
  requireRole(actorId, c, config, ['supervisor']);
  if (c.approval?.id !== approvalId || c.approval?.status !== 'pending') {
    throw new CoreError('invalid_state', 'error.already_decided', { number: c.number });
  }
}
