// The intake limit: a person's new request within the cooldown of their newest open case, or
// beyond the cap of open cases for their audience, is added to that case as details (nothing is
// dropped), and they are told where it went; the triage queue is not pushed back by it.
import { describe, expect, it } from 'vitest';
import type { DeskConfig } from '../../src/core/model.ts';
import { harness } from '../support/desk-harness.ts';
import { customer, deskConfig } from '../support/desk-fixture.ts';

const limited = (intake: NonNullable<DeskConfig['intake']>): DeskConfig => ({ ...deskConfig(), intake });

describe('intake limit', () => {
  const community = (h: ReturnType<typeof harness>, text: string, who = customer) =>
    h.desk.openCase({
      workspace: 'acme',
      audience: 'community',
      conversation: `discord:g:${h.clock.now().getTime()}:${text.length}`,
      customer: who,
      text,
    });

  it('a request within the cooldown goes to the open case as details, and the person is told', async () => {
    const h = harness({
      config: limited({
        internal: { cooldownMinutes: 0, maxOpenCases: null },
        community: { cooldownMinutes: 2, maxOpenCases: null },
      }),
    });
    const first = await community(h, 'My order #4411 never arrived.');
    h.clock.advanceMinutes(1);
    const second = await community(h, 'Also the tracking link is broken.');
    expect(second.case.id).toBe(first.case.id);
    expect(await h.store.cases.listCases({})).toHaveLength(1);
    const [told] = await h.sentWith(first.case.id, 'customer.added_to_open_case', 'customer');
    expect(told?.params).toMatchObject({
      number: first.case.number,
      text: 'Also the tracking link is broken.',
    });
    expect(told?.recipient).toMatchObject({ conversation: first.case.conversation });
    // Staff read it where they read the case.
    expect(await h.sentWith(first.case.id, 'triage.customer_details')).toHaveLength(1);
    // Past the cooldown, a new request opens its own case.
    h.clock.advanceMinutes(2);
    const third = await community(h, 'A different question about invoices.');
    expect(third.case.id).not.toBe(first.case.id);
  });

  it('beyond the cap, a request goes to the newest open case; a resolved case frees a place', async () => {
    const h = harness({
      config: limited({
        internal: { cooldownMinutes: 0, maxOpenCases: null },
        community: { cooldownMinutes: 0, maxOpenCases: 2 },
      }),
    });
    const a = await community(h, 'First question.');
    const b = await community(h, 'Second question.');
    const c = await community(h, 'Third question.');
    expect(c.case.id).toBe(b.case.id);
    expect(await h.store.cases.listCases({})).toHaveLength(2);
    await h.desk.resolve({ caseId: a.case.id, actor: { id: 'rasa' }, summary: 'Answered.' });
    const d = await community(h, 'Fourth question.');
    expect([a.case.id, b.case.id]).not.toContain(d.case.id);
  });

  it('another person is not limited by someone else’s cases; internal has no cooldown by default', async () => {
    const h = harness(); // DEFAULT_INTAKE_LIMITS
    const first = await community(h, 'My order never arrived.');
    const other = await community(h, 'Mine neither.', { ...customer, id: 'discord:999', name: 'Tomas' });
    expect(other.case.id).not.toBe(first.case.id);
    const one = await h.open('VPN drops.');
    const two = await h.open('Printer is jammed.');
    expect(one).not.toBe(two);
  });

  it('bad input is refused the same, limited or not, and writes nothing', async () => {
    const h = harness({
      config: limited({
        internal: { cooldownMinutes: 0, maxOpenCases: null },
        community: { cooldownMinutes: 60, maxOpenCases: null },
      }),
    });
    const first = await community(h, 'My order never arrived.');
    const before = await h.store.inspect.listOutbox({ caseId: first.case.id });
    await expect(community(h, '   ')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await h.store.inspect.listOutbox({ caseId: first.case.id })).toHaveLength(before.length);
  });
});
