// Every command, tried by every kind of person: only the right roles may act, and a refusal is a
// typed error with a kind text key that changes nothing.
import { describe, expect, it } from 'vitest';
import type { Desk } from '../../src/core/desk.ts';
import { customer } from '../support/desk-fixture.ts';
import { as, harness } from '../support/desk-harness.ts';

// rasa: front line · jonas: assigned expert · aiste: other expert of the topic · marie: supervisor
// customer: the case's customer · stranger: another customer
const PEOPLE = ['rasa', 'jonas', 'aiste', 'marie', customer.id, 'slack:T1:U999'] as const;
type Who = (typeof PEOPLE)[number];

interface Row {
  command: string;
  allowed: readonly Who[];
  run: (desk: Desk, caseId: string, actor: { id: string }, approvalId: string) => Promise<unknown>;
  /** Puts the case in the state the command needs (default: escalated to jonas). */
  setup?: 'escalated' | 'pending_approval' | 'resolved';
}

const ROWS: Row[] = [
  {
    command: 'addDetails',
    allowed: [customer.id],
    run: (d, caseId, actor) => d.addDetails({ caseId, actor, text: 'more' }),
  },
  {
    command: 'answer',
    allowed: ['rasa', 'jonas', 'aiste', 'marie'],
    run: (d, caseId, actor) => d.answer({ caseId, actor, text: 'hi' }),
  },
  {
    command: 'askCustomer',
    allowed: ['rasa', 'jonas', 'aiste', 'marie'],
    run: (d, caseId, actor) => d.askCustomer({ caseId, actor, text: 'which?' }),
  },
  {
    command: 'addNote',
    allowed: ['rasa', 'jonas', 'aiste', 'marie'],
    run: (d, caseId, actor) => d.addNote({ caseId, actor, text: 'note' }),
  },
  { command: 'accept', allowed: ['jonas'], run: (d, caseId, actor) => d.accept({ caseId, actor }) },
  {
    command: 'cannotResolve',
    allowed: ['jonas'],
    run: (d, caseId, actor) => d.cannotResolve({ caseId, actor, reason: 'no' }),
  },
  {
    command: 'reassign',
    allowed: ['jonas', 'marie'],
    run: (d, caseId, actor) => d.reassign({ caseId, actor }),
  },
  {
    command: 'askSupervisor',
    allowed: ['rasa', 'jonas', 'aiste', 'marie', customer.id],
    run: (d, caseId, actor) => d.askSupervisor({ caseId, actor }),
  },
  {
    command: 'approve',
    allowed: ['marie'],
    setup: 'pending_approval',
    run: (d, caseId, actor, approvalId) =>
      d.approve({ caseId, actor, approvalId, apology: 'Sorry', plan: 'Plan' }),
  },
  {
    command: 'decline',
    allowed: ['marie'],
    setup: 'pending_approval',
    run: (d, caseId, actor, approvalId) => d.decline({ caseId, actor, approvalId, reason: 'No' }),
  },
  {
    command: 'resolve',
    allowed: ['rasa', 'jonas', 'aiste', 'marie', customer.id],
    run: (d, caseId, actor) => d.resolve({ caseId, actor }),
  },
  {
    command: 'close',
    allowed: ['jonas', 'marie', customer.id],
    run: (d, caseId, actor) => d.close({ caseId, actor }),
  },
  {
    command: 'confirm',
    allowed: [customer.id],
    setup: 'resolved',
    run: (d, caseId, actor) => d.confirm({ caseId, actor }),
  },
  {
    command: 'reopen',
    allowed: ['marie', customer.id],
    setup: 'resolved',
    run: (d, caseId, actor) => d.reopen({ caseId, actor }),
  },
  {
    command: 'rate',
    allowed: [customer.id],
    setup: 'resolved',
    run: (d, caseId, actor) => d.rate({ caseId, actor, score: 4 }),
  },
  {
    command: 'recordOutside',
    allowed: ['rasa', 'jonas', 'marie'],
    run: (d, caseId, actor) => d.recordOutside({ caseId, actor, channel: 'Twitter' }),
  },
];

async function prepared(setup: Row['setup']) {
  const h = harness();
  const caseId = await h.open();
  await h.desk.escalate({ caseId, actor: as('rasa') });
  if (setup === 'pending_approval') await h.desk.askSupervisor({ caseId, actor: as(customer.id) });
  if (setup === 'resolved') await h.desk.resolve({ caseId, actor: as('jonas') });
  const c = await h.desk.getCase(caseId);
  return { h, caseId, approvalId: c?.approval?.id ?? '', version: c?.version };
}

describe.each(ROWS)('$command', (row) => {
  it.each(PEOPLE.map((who) => [who, row.allowed.includes(who)] as const))(
    'by %s → allowed: %s',
    async (who, allowed) => {
      const { h, caseId, approvalId, version } = await prepared(row.setup);
      const outcome = row.run(h.desk, caseId, as(who), approvalId);
      if (allowed) {
        await expect(outcome).resolves.toBeDefined();
        return;
      }
      await expect(outcome).rejects.toMatchObject({
        code: 'forbidden',
        textKey: expect.stringMatching(/^error\./),
      });
      expect((await h.desk.getCase(caseId))?.version).toBe(version);
    },
  );
});

describe('claim and escalate (level 1 only)', () => {
  it.each([
    ['rasa', true],
    ['marie', true],
    ['jonas', false],
    [customer.id, false],
  ] as const)('claim by %s → allowed: %s', async (who, allowed) => {
    const h = harness();
    const caseId = await h.open();
    const outcome = h.desk.claim({ caseId, actor: as(who) });
    if (allowed) await expect(outcome).resolves.toBeDefined();
    else await expect(outcome).rejects.toMatchObject({ code: 'forbidden' });
  });

  it.each([
    ['rasa', true],
    ['marie', true],
    ['aiste', false],
    [customer.id, false],
  ] as const)('escalate by %s → allowed: %s', async (who, allowed) => {
    const h = harness();
    const caseId = await h.open();
    const outcome = h.desk.escalate({ caseId, actor: as(who) });
    if (allowed) await expect(outcome).resolves.toBeDefined();
    else await expect(outcome).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a claimed case cannot be claimed by another responder, but a supervisor may take it', async () => {
    const h = harness();
    const caseId = await h.open();
    await h.desk.claim({ caseId, actor: as('rasa') });
    await expect(h.desk.claim({ caseId, actor: as('tom') })).rejects.toMatchObject({
      textKey: 'error.already_claimed',
    });
    await h.desk.claim({ caseId, actor: as('marie') });
    expect((await h.desk.getCase(caseId))?.ownerId).toBe('marie');
  });

  it('an unknown case is not found', async () => {
    const h = harness();
    await expect(h.desk.claim({ caseId: 'nope', actor: as('rasa') })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
