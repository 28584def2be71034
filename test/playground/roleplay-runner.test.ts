// The role-play runner and the scenarios' data: which step is due (pure, over a trail), the runner
// playing each step once in order on a fake desk, passing over a step the desk refuses, the
// trainee's own ticks; and every scenario complete in en, fr and lt, cast with people who exist.
import { describe, expect, it } from 'vitest';
import { PLAY_CUSTOMERS } from '../../adapters/playground/people.ts';
import { staffOf, supervisorsOf } from '../../adapters/playground/people.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { CoreError } from '../../src/core/errors.ts';
import { type CaseEvent, type CaseEventType, LOCALES } from '../../src/core/model.ts';
import { memoryLogger } from '../../src/log.ts';
import { EXAMPLE_CONFIG } from '../../src/playground/compose.ts';
import { isCheckId, type Trail } from '../../src/playground/roleplay/checks.ts';
import { createRunner, nextStep, triggered } from '../../src/playground/roleplay/runner.ts';
import { type Localized, type Scenario, SCENARIOS } from '../../src/playground/roleplay/scenarios.ts';

const CUSTOMER = PLAY_CUSTOMERS.find((c) => c.key === 'alex')!;
const ev = (type: CaseEventType, actorId = 'tom'): CaseEvent =>
  ({ id: type, caseId: 'c1', at: new Date(0), actorId, type, data: {} }) as unknown as CaseEvent;
const trail = (...types: (CaseEventType | [CaseEventType, string])[]): Trail => ({
  case: { customer: { id: CUSTOMER.id, name: CUSTOMER.name, locale: 'en', timeZone: 'UTC' } },
  events: types.map((t) => (Array.isArray(t) ? ev(t[0], t[1]) : ev(t))),
});
const words = (en: string): Localized => ({ en, fr: `${en} (fr)`, lt: `${en} (lt)` });

const SCRIPT: Scenario = {
  id: 'test',
  title: words('Test'),
  brief: words('Brief'),
  cast: { customer: 'alex', staff: 'tom', supervisor: 'marie' },
  steps: [
    { when: { at: 'start' }, do: { kind: 'open', text: words('Help'), topic: 'general', priority: 'high' } },
    { when: { event: 'claimed' }, do: { kind: 'write', text: words('Rude') } },
    { when: { event: 'answered', count: 2 }, do: { kind: 'wait', by: '1h' } },
    { when: { event: 'answered', count: 2 }, do: { kind: 'ask_supervisor', reason: words('Boss') } },
  ],
  checklist: [
    { id: 'claim', check: 'claimed', text: words('Claim') },
    { id: 'calm', text: words('Stay calm') },
    { id: 'fix', text: words('Fix') },
  ],
};

describe('which step is due', () => {
  it.each([
    ['start, no case', { at: 'start' } as const, null, true],
    ['an event, no case yet', { event: 'claimed' } as const, null, false],
    ['an event not in the trail', { event: 'claimed' } as const, trail('case_opened'), false],
    ['an event in the trail', { event: 'claimed' } as const, trail('case_opened', 'claimed'), true],
    [
      'the customer’s own event does not count',
      { event: 'details_added' } as const,
      trail(['details_added', CUSTOMER.id]),
      false,
    ],
    ['a timer’s event counts', { event: 'window_missed' } as const, trail(['window_missed', 'system']), true],
    ['two wanted, one there', { event: 'answered', count: 2 } as const, trail('answered'), false],
    ['two wanted, two there', { event: 'answered', count: 2 } as const, trail('answered', 'answered'), true],
  ])('%s', (_why, trigger, t, expected) => {
    expect(triggered(trigger, t)).toBe(expected);
  });

  it('only the next step, once its trigger holds; none past the end', () => {
    expect(nextStep(SCRIPT, 0, null)).toBe(SCRIPT.steps[0]);
    expect(nextStep(SCRIPT, 1, trail('case_opened'))).toBeNull();
    expect(nextStep(SCRIPT, 1, trail('case_opened', 'claimed'))).toBe(SCRIPT.steps[1]);
    // Step 3's trigger holds, but step 2 is next.
    expect(nextStep(SCRIPT, 1, trail('answered', 'answered'))).toBeNull();
    expect(nextStep(SCRIPT, 4, trail('claimed', 'answered', 'answered'))).toBeNull();
  });
});

function fakeDeps(options: { refuseOpen?: boolean; failWrite?: boolean } = {}) {
  const calls: string[] = [];
  let events: CaseEventType[] = [];
  const logger = memoryLogger();
  const deps = {
    desk: {
      openCase: async (input: { text: string; conversation: string; customer: { locale: string } }) => {
        calls.push(`open ${input.text} ${input.conversation} ${input.customer.locale}`);
        if (options.refuseOpen) throw new CoreError('invalid_input', 'error.empty_text');
        events = ['case_opened'];
        return { case: { id: 'c1' } };
      },
      followUp: async (input: { caseId: string; text: string }) => {
        calls.push(`write ${input.caseId} ${input.text}`);
        if (options.failWrite) throw new Error('the store is down');
        return {};
      },
      askSupervisor: async (input: { caseId: string; reason?: string }) => {
        calls.push(`ask ${input.caseId} ${input.reason ?? ''}`);
        return {};
      },
    },
    trail: async (caseId: string) => (caseId === 'c1' ? trail(...events) : null),
    advance: async (by: string) => void calls.push(`advance ${by}`),
    settle: async () => void calls.push('settle'),
    workspace: 'acme',
    customer: CUSTOMER,
    logger,
  };
  return {
    deps: deps as unknown as Parameters<typeof createRunner>[1],
    calls,
    logger,
    happen: (...types: CaseEventType[]) => events.push(...types),
  };
}

describe('the runner', () => {
  it('plays each step once, in order, as the trail allows, in the language asked', async () => {
    const { deps, calls, happen } = fakeDeps();
    const runner = createRunner(SCRIPT, deps);
    expect(await runner.play('fr')).toBe(1);
    expect(calls).toEqual(['open Help (fr) playground:alex:roleplay-test fr', 'settle']);
    expect(runner.caseId()).toBe('c1');
    expect(await runner.play('fr')).toBe(0);
    happen('claimed');
    expect(await runner.play('lt')).toBe(1);
    expect(await runner.play('lt')).toBe(0);
    happen('answered');
    expect(await runner.play('en')).toBe(0);
    happen('answered');
    expect(await runner.play('en')).toBe(2);
    expect(calls.slice(2)).toEqual([
      'write c1 Rude (lt)',
      'settle',
      'advance 1h',
      'settle',
      'ask c1 Boss',
      'settle',
    ]);
    expect((await runner.view('en')).scriptDone).toBe(true);
    happen('claimed', 'answered');
    expect(await runner.play('en')).toBe(0);
  });

  it('passes over a step the desk refuses (logged); with no case, the writes are skipped', async () => {
    const { deps, calls, logger, happen } = fakeDeps({ refuseOpen: true });
    const runner = createRunner(SCRIPT, deps);
    expect(await runner.play('en')).toBe(1);
    expect(runner.caseId()).toBeNull();
    expect(logger.lines.join('\n')).toContain('playground.roleplay_step_refused');
    happen('claimed');
    expect(await runner.play('en')).toBe(0); // no case: no trail, so no event triggers
    expect(calls.filter((c) => c.startsWith('write'))).toEqual([]);
  });

  it('lets an error that is not a refusal through', async () => {
    const { deps, happen } = fakeDeps({ failWrite: true });
    const runner = createRunner(SCRIPT, deps);
    await runner.play('en');
    happen('claimed');
    await expect(runner.play('en')).rejects.toThrow('the store is down');
  });

  it('shows the checklist: automatic ticks from the trail, the trainee’s own toggled', async () => {
    const { deps, happen } = fakeDeps();
    const runner = createRunner(SCRIPT, deps);
    const states = async () =>
      (await runner.view('lt')).checklist.map((i) => `${i.id}:${i.auto}:${i.ticked}`);
    expect(await states()).toEqual(['claim:true:false', 'calm:false:false', 'fix:false:false']);
    await runner.play('en');
    happen('claimed');
    expect(runner.toggle('calm')).toBe(true);
    expect(runner.toggle('claim')).toBe(false); // automatic
    expect(runner.toggle('nope')).toBe(false);
    expect(await states()).toEqual(['claim:true:true', 'calm:false:true', 'fix:false:false']);
    expect(runner.toggle('calm')).toBe(true);
    expect(await states()).toEqual(['claim:true:true', 'calm:false:false', 'fix:false:false']);
    const view = await runner.view('lt');
    expect([view.title, view.brief, view.checklist[1]?.text]).toEqual([
      'Test (lt)',
      'Brief (lt)',
      'Stay calm (lt)',
    ]);
  });
});

describe('the scenarios', () => {
  const config = loadConfig(EXAMPLE_CONFIG);
  const texts = (s: Scenario): Localized[] => [
    s.title,
    s.brief,
    ...s.checklist.map((i) => i.text),
    ...s.steps.flatMap((st) =>
      st.do.kind === 'open' || st.do.kind === 'write'
        ? [st.do.text]
        : st.do.kind === 'ask_supervisor'
          ? [st.do.reason]
          : [],
    ),
  ];

  it('are the four the issue asks for, with distinct ids', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      'angry-customer',
      'missed-window',
      'apology-level-3',
      'customer-outside',
    ]);
  });

  it.each(SCENARIOS.map((s) => [s.id, s]))('%s: every text in en, fr and lt, each different', (_id, s) => {
    for (const text of texts(s)) {
      for (const locale of LOCALES) expect(text[locale]?.trim(), JSON.stringify(text)).not.toBe('');
      expect(new Set(LOCALES.map((l) => text[l])).size, text.en).toBe(LOCALES.length);
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s]))(
    '%s: 3–6 items, ids distinct, checks known, some of each kind',
    (_id, s) => {
      expect(s.checklist.length).toBeGreaterThanOrEqual(3);
      expect(s.checklist.length).toBeLessThanOrEqual(6);
      expect(new Set(s.checklist.map((i) => i.id)).size).toBe(s.checklist.length);
      for (const i of s.checklist) if (i.check !== undefined) expect(isCheckId(i.check)).toBe(true);
      expect(s.checklist.some((i) => i.check !== undefined)).toBe(true);
      expect(s.checklist.some((i) => i.check === undefined)).toBe(true);
    },
  );

  it.each(SCENARIOS.map((s) => [s.id, s]))(
    '%s: opens the case first, on a topic of the config, cast with real people',
    (_id, s) => {
      const first = s.steps[0];
      expect(first?.when).toEqual({ at: 'start' });
      expect(first?.do.kind).toBe('open');
      if (first?.do.kind === 'open')
        expect(Object.keys(config.desk.directory.topics)).toContain(first.do.topic);
      expect(PLAY_CUSTOMERS.map((c) => c.key)).toContain(s.cast.customer);
      expect(staffOf(config.desk.directory).map((p) => p.id)).toContain(s.cast.staff);
      expect(supervisorsOf(config.desk.directory).map((p) => p.id)).toContain(s.cast.supervisor);
    },
  );
});
