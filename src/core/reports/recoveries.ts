// Level 4 recoveries (recovery.ts): opened in the period (`recovery_opened`), and sent in it
// (`recovery_sent`), kept on time or late (after their first due time). A recovery opened in one
// period may be sent in the next, so opened and sent need not match within one period.
import type { CaseHistory } from './case-history.ts';
import { booleanField, inPeriod, type ReportPeriod } from './input.ts';

export interface RecoveryReport {
  opened: number;
  /** Sent by the first due time. */
  kept: number;
  /** Sent after it. */
  late: number;
}

export function recoveryReport(histories: readonly CaseHistory[], period: ReportPeriod): RecoveryReport {
  const report: RecoveryReport = { opened: 0, kept: 0, late: 0 };
  for (const h of histories) {
    for (const e of h.events) {
      if (!inPeriod(period, e.at)) continue;
      if (e.type === 'recovery_opened') report.opened += 1;
      else if (e.type === 'recovery_sent') {
        if (booleanField(e, 'late')) report.late += 1;
        else report.kept += 1;
      }
    }
  }
  return report;
}
