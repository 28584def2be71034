// What one sweep of due timers did, counted by outcome (the jobs add sweeps' reports up).
export interface SweepReport {
  claimed: number;
  nudged: number;
  missed: number;
  /** Missed expert windows that moved the case to another expert (reassignAfterMisses). */
  reassigned: number;
  /** Customers checked in with while their case waited on them. */
  checkedIn: number;
  /** Cases closed after waiting on the customer for the policy's autoCloseAfter. */
  autoClosed: number;
  stale: number;
  /** Timers whose lease was taken over by another sweeper: nothing written. */
  leaseLost: number;
  failed: number;
}

/** A report with every count at zero, to add sweeps' reports into. */
export const emptySweepReport = (): SweepReport => ({
  claimed: 0,
  nudged: 0,
  missed: 0,
  reassigned: 0,
  checkedIn: 0,
  autoClosed: 0,
  stale: 0,
  leaseLost: 0,
  failed: 0,
});
