// The core's public entry: what code outside src/core (the adapters first) may use. Adapters import
// the core from here only (test/adapters/boundary.test.ts); the rest stays free to move.
export {
  type CommandResult,
  type Committed,
  createDesk,
  type Desk,
  type DeskDeps,
  type DeskStore,
  type SweepOptions,
} from './desk.ts';
export { isStaffMember } from './away.ts';
export { alreadySeen, CoreError, type CoreErrorCode, isCoreError } from './errors.ts';
export {
  promiseIdOf,
  type PromiseRule,
  promiseViolations,
  type StepRule,
  stepViolations,
  type Violation,
  WAITING_ON_STAFF,
} from './invariants.ts';
export * from './model.ts';
export { MAX_RECOVERY_CHARS, openRecovery } from './recovery.ts';
export type * from './ports.ts';
export { type Actor, type Role, requireRole, rolesOf, STAFF } from './roles.ts';
export { emptySweepReport, type SweepReport } from './sweep-report.ts';
export * from './texts/index.ts';
export * from './reports/index.ts';
export {
  type AbuseHit,
  type AbuseKind,
  findAbuse,
  forStaff,
  forStaffParams,
  isAbusive,
  maskAbuse,
} from './abuse.ts';
