// Values the kit's tests share: an approval as the core writes it when a customer asks.
import type { Approval } from '../../../src/core/index.ts';
import { at } from '../../support/case-factory.ts';

export const approvalOf = (overrides: Partial<Approval> = {}): Approval => ({
  id: 'ap-1',
  status: 'pending',
  reason: 'customer_asked',
  requestedBy: 'slack:T1:U1',
  requestedByRole: 'customer',
  requestedAt: at(0),
  previous: { level: 2, status: 'waiting_on_expert', ownerId: 'tom' },
  ...overrides,
});
