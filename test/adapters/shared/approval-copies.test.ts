// Approval-copy bookkeeping on a real (in-memory) reference store: each copy kept once, and once
// the approval is decided or no longer needed every copy is redrawn with the outcome, once.
import { describe, expect, it } from 'vitest';
import { approvalCopies, approvalOutcome } from '../../../adapters/shared/approval-copies.ts';
import { neutralise as slackEscape } from '../../../adapters/slack/render/escape.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import type { Case } from '../../../src/core/index.ts';
import { createMemoryStore } from '../../../src/store/memory-store.ts';
import { makeCase } from '../../support/case-factory.ts';
import { approvalOf } from './fixtures.ts';

interface Copy {
  channel: string;
  ts: string;
}

const directory = loadConfig('config/support.example.yaml').desk.directory;
const reader = { locale: 'en', timeZone: 'Europe/Vilnius' } as const;
function setUp() {
  const refs = createMemoryStore().refs;
  const copies = approvalCopies<string, Copy>(
    refs,
    { copies: (id) => `test.approval.${id}`, settled: (id) => `test.approval.${id}.final` },
    (a, b) => a.channel === b.channel && a.ts === b.ts,
  );
  const redrawn: Copy[] = [];
  const redraw = async (copy: Copy) => {
    redrawn.push(copy);
  };
  return { copies, redrawn, redraw };
}

describe('approval copies', () => {
  it('are redrawn once the approval is decided, each once, and never again', async () => {
    const { copies, redrawn, redraw } = setUp();
    const c = makeCase({ status: 'awaiting_approval', approval: approvalOf() });
    await copies.add(c.id, 'ap-1', { channel: 'D1', ts: '1.1' });
    await copies.add(c.id, 'ap-1', { channel: 'D2', ts: '2.2' });
    await copies.add(c.id, 'ap-1', { channel: 'D1', ts: '1.1' }); // the same message, resent
    expect(await copies.settle(c, redraw)).toBe(false); // still pending
    const decided: Case = {
      ...c,
      status: 'open',
      approval: approvalOf({ status: 'approved', decidedBy: 'marie' }),
    };
    expect(await copies.settle(decided, redraw)).toBe(true);
    expect(await copies.settle(decided, redraw)).toBe(true);
    expect(redrawn).toEqual([
      { channel: 'D1', ts: '1.1' },
      { channel: 'D2', ts: '2.2' },
    ]);
  });

  it('with no copy kept there is nothing to settle', async () => {
    const { copies, redraw } = setUp();
    const c = makeCase({ approval: approvalOf({ status: 'declined', decidedBy: 'marie' }) });
    expect(await copies.settle(c, redraw)).toBe(false);
  });
});

describe('approvalOutcome', () => {
  it('names who decided, escaped for the platform', () => {
    const c = makeCase({ number: 9, approval: approvalOf({ status: 'approved', decidedBy: 'marie' }) });
    expect(approvalOutcome(c, directory, reader, slackEscape)).toBe(
      'Escalation of case #9: approved by Marie Dubois.',
    );
  });

  it('says when no decision is needed any more; nothing while pending', () => {
    const resolved = makeCase({
      number: 9,
      status: 'resolved',
      approval: approvalOf({ status: 'declined', declineReason: 'resolved' }),
    });
    expect(approvalOutcome(resolved, directory, reader, slackEscape)).toBe(
      'No decision is needed any more: case #9 is resolved.',
    );
    expect(approvalOutcome(makeCase({ approval: approvalOf() }), directory, reader, slackEscape)).toBeNull();
  });
});
