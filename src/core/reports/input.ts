// What the reports read: cases with their audit trails, and a period. The shapes are structural
// and narrow on purpose: a stored `Case` and its `CaseEvent`s fit them as they are (a type test
// checks it), and a test can write a case by hand without the rest of the model.
import type { Calendar, PolicySnapshot } from '../model.ts';

/** A reporting period, `[from, to)`: an event at exactly `to` belongs to the next one. */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

/** The parts of a case the reports need. */
export interface ReportCase {
  id: string;
  /** Per workspace; shown next to comments and outside cases. */
  number: number;
  team: string;
  /** The topic now; the trail's `case_opened` and `topic_changed` say what it was before. */
  topic: string;
  customer: { id: string };
  createdAt: Date;
  /** The policy copied onto the case: its clock is what "business time" means for this case. */
  policy: { clock: PolicySnapshot['clock']; calendar: Calendar };
}

/**
 * An audit event as the reports read it. `data` is read field by field and checked (a field of
 * the wrong type is treated as absent), so any event shape the store returns fits.
 */
export interface ReportEvent {
  at: Date;
  actorId: string;
  type: string;
  data?: unknown;
}

/** A case and its whole audit trail (every event of the case, in any order). */
export interface CaseTrail {
  case: ReportCase;
  events: readonly ReportEvent[];
}

export const inPeriod = (period: ReportPeriod, at: Date): boolean =>
  at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();

// ---------------------------------------------------------------------------------------------
// Reading event data

function field(event: ReportEvent, name: string): unknown {
  const data = event.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
}

export function textField(event: ReportEvent, name: string): string | null {
  const value = field(event, name);
  return typeof value === 'string' ? value : null;
}

export function numberField(event: ReportEvent, name: string): number | null {
  const value = field(event, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function booleanField(event: ReportEvent, name: string): boolean {
  return field(event, name) === true;
}

/** An instant recorded as an ISO string (what the core writes) or as a Date. */
export function instantField(event: ReportEvent, name: string): Date | null {
  const value = field(event, name);
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date !== null && Number.isFinite(date.getTime()) ? date : null;
}

export function textListField(event: ReportEvent, name: string): string[] {
  const value = field(event, name);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
