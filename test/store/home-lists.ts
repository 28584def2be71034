// Cases for the App Home's lists (pending approvals, overdue windows, cases at risk): the nested
// parts the stores copy into indexed columns, in every shape they take.
import type { Approval, ApprovalStatus, Case, PromiseWindow, Risk, RiskBand } from '../../src/core/model.ts';
import { at, MIN, makeDraft, newId, T0 } from '../support/case-factory.ts';

export const windowDue = (dueAt: Date, paused = false): PromiseWindow => ({
  id: newId('w'),
  kind: 'callback',
  holder: 'tom',
  startedAt: T0,
  dueAt,
  lengthMs: 60 * MIN,
  consumedMs: 0,
  paused: paused ? { at: at(MIN), consumedMs: MIN } : null,
});

export const approval = (status: ApprovalStatus): Approval => ({
  id: newId('ap'),
  status,
  reason: 'Customer asked for a supervisor',
  requestedBy: 'u1',
  requestedByRole: 'customer',
  requestedAt: T0,
  previous: { level: 1, status: 'open', ownerId: null },
});

export const risk = (band: RiskBand): Risk => ({
  score: band === 'low' ? 0 : 5,
  band,
  warnedBand: 'low',
  signals: [],
  recentCustomerMessages: [T0],
});

/** Numbered 1..n: no approval / pending / decided, a running, paused or no window, each risk band. */
export function homeListCases(): Case[] {
  const shapes: Partial<Case>[] = [
    {},
    { approval: approval('pending'), status: 'awaiting_approval', risk: risk('high') },
    { approval: approval('declined'), window: windowDue(at(90 * MIN + 7), true), risk: risk('elevated') },
    { approval: approval('approved'), window: null },
    { window: windowDue(new Date('2027-03-28T01:30:00.999Z')) },
  ];
  return shapes.map((shape, i) => ({ ...makeDraft(shape), number: i + 1 }));
}
