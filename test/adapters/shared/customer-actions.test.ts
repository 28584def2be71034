// Which buttons a notice shows, the same on both platforms: the customer's controls by the case's
// state (no second supervisor while a decision is pending), and Approve/Decline only while their
// approval is still pending, for the team's supervisors.
import { describe, expect, it } from 'vitest';
import { customerActions, liveActions } from '../../../adapters/shared/customer-actions.ts';
import { requireDecider } from '../../../adapters/shared/deciders.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import type { Case, CaseStatus } from '../../../src/core/index.ts';
import { makeCase } from '../../support/case-factory.ts';
import { approvalOf } from './fixtures.ts';

const pending = (id: string) => approvalOf({ id });
const ids = (c: Case, actions = customerActions({ actions: [] }, c)) => actions.map((a) => a.id);

describe('customerActions', () => {
  it.each<[CaseStatus, string[]]>([
    ['open', ['add_details', 'ask_supervisor', 'mark_resolved']],
    ['waiting_on_customer', ['add_details', 'ask_supervisor', 'mark_resolved']],
    ['waiting_on_expert', ['add_details', 'ask_supervisor', 'mark_resolved']],
    ['resolved', ['reopen']],
    ['closed', ['reopen']],
  ])('a case %s offers %j', (status, expected) => {
    expect(ids(makeCase({ status }))).toEqual(expected);
  });

  it('while a supervisor’s decision is pending, no second request is offered', () => {
    const c = makeCase({ status: 'awaiting_approval', approval: pending('ap-1') });
    expect(ids(c)).toEqual(['add_details', 'mark_resolved']);
  });

  it('a notice with buttons of its own keeps them', () => {
    const c = makeCase();
    expect(ids(c, customerActions({ actions: [{ id: 'rate', caseId: c.id }] }, c))).toEqual(['rate']);
  });
});

describe('liveActions', () => {
  const c = makeCase({ status: 'awaiting_approval', approval: pending('ap-1') });
  const card = {
    actions: [
      { id: 'approve', caseId: c.id, approvalId: 'ap-1' },
      { id: 'decline', caseId: c.id, approvalId: 'ap-1' },
      { id: 'claim', caseId: c.id },
    ] as const,
  };

  it('keeps Approve and Decline while their approval is pending', () => {
    expect(liveActions(card, c).map((a) => a.id)).toEqual(['approve', 'decline', 'claim']);
  });

  it('drops them once it is decided, or when they are for another approval', () => {
    const decided = { ...c, approval: approvalOf({ status: 'approved' }) };
    expect(liveActions(card, decided).map((a) => a.id)).toEqual(['claim']);
    expect(liveActions(card, { ...c, approval: pending('ap-2') }).map((a) => a.id)).toEqual(['claim']);
  });
});

describe('requireDecider', () => {
  const config = loadConfig('config/support.example.yaml').desk;
  const c = makeCase({ team: 'support', status: 'awaiting_approval', approval: pending('ap-1') });
  const refusal = (actorId: string, approvalId: string, x: Case = c) => {
    try {
      requireDecider(actorId, x, approvalId, config);
      return null;
    } catch (e) {
      return (e as { textKey?: string }).textKey;
    }
  };

  it('lets a supervisor of the team open the form while the approval waits', () => {
    expect(refusal('marie', 'ap-1')).toBeNull();
  });

  it('refuses anyone else, a decided approval and another approval', () => {
    expect(refusal('tom', 'ap-1')).toBe('error.supervisors_only');
    expect(refusal('marie', 'ap-1', { ...c, approval: approvalOf({ status: 'declined' }) })).toBe(
      'error.already_decided',
    );
    expect(refusal('marie', 'ap-0')).toBe('error.already_decided');
  });
});
