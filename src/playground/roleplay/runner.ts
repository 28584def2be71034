// Plays a scenario (scenarios.ts) in the playground. After the start and after each of the
// trainee's actions, the runner plays the script's next steps whose trigger the case's trail now
// holds, in order, each once: the customer opens the case, writes, asks for a supervisor; the
// clock moves. It also keeps the trainee's own ticks and says which checklist items the trail
// ticks (checks.ts). Which step is next is a pure function (nextStep); the runner only does it.
import { type Desk, isCoreError, type Locale } from '../../core/index.ts';
import type { PlayCustomer, ScenarioView } from '../../../adapters/playground/index.ts';
import type { Logger } from '../../log.ts';
import { autoTicks, type CheckId, type Trail } from './checks.ts';
import type { Scenario, Step, StepAction, Trigger } from './scenarios.ts';

/** Whether `trigger` holds on the trail (a step triggered by an event waits for the case). */
export function triggered(trigger: Trigger, trail: Trail | null): boolean {
  if ('at' in trigger) return true;
  if (trail === null) return false;
  const count = trail.events.filter(
    (e) => e.type === trigger.event && e.actorId !== trail.case.customer.id,
  ).length;
  return count >= (trigger.count ?? 1);
}

/** The step to play now, after `played` of them: the next one, once its trigger holds. */
export function nextStep(scenario: Scenario, played: number, trail: Trail | null): Step | null {
  const step = scenario.steps[played];
  return step !== undefined && triggered(step.when, trail) ? step : null;
}

export interface RunnerDeps {
  desk: Pick<Desk, 'openCase' | 'followUp' | 'askSupervisor'>;
  /** The case and its audit trail, or null when there is no such case. */
  trail(caseId: string): Promise<Trail | null>;
  advance(by: '15m' | '1h'): Promise<unknown>;
  /** Delivers the notices due now (so the panes show what a step caused). */
  settle(): Promise<void>;
  workspace: string;
  customer: PlayCustomer;
  logger: Logger;
}

/** A script never has this many steps; a fault cannot loop for ever. */
const MAX_STEPS = 100;

export function createRunner(scenario: Scenario, deps: RunnerDeps) {
  let played = 0;
  let caseId: string | null = null;
  const ownTicks = new Set<string>();
  const trail = () => (caseId === null ? Promise.resolve(null) : deps.trail(caseId));
  const customer = (locale: Locale) => ({
    id: deps.customer.id,
    name: deps.customer.name,
    locale,
    timeZone: deps.customer.timeZone,
  });

  async function perform(action: StepAction, locale: Locale): Promise<void> {
    const actor = { id: deps.customer.id, name: deps.customer.name };
    switch (action.kind) {
      case 'open': {
        const result = await deps.desk.openCase({
          workspace: deps.workspace,
          audience: deps.customer.audience,
          conversation: `playground:${deps.customer.key}:roleplay-${scenario.id}`,
          customer: customer(locale),
          text: action.text[locale],
          topic: action.topic,
          priority: action.priority,
        });
        caseId = result.case.id;
        return;
      }
      case 'wait':
        await deps.advance(action.by);
        return;
      case 'write':
      case 'ask_supervisor':
        if (caseId === null) return; // no case to write in (its opening was refused)
        if (action.kind === 'write') await deps.desk.followUp({ caseId, actor, text: action.text[locale] });
        else await deps.desk.askSupervisor({ caseId, actor, reason: action.reason[locale] });
        return;
    }
  }

  return {
    scenario,
    caseId: () => caseId,
    /** Plays every step due now, in order; a step the desk refuses is logged and passed over. */
    async play(locale: Locale): Promise<number> {
      let count = 0;
      for (let i = 0; i < MAX_STEPS; i++) {
        const step = nextStep(scenario, played, await trail());
        if (step === null) break;
        played += 1;
        count += 1;
        try {
          await perform(step.do, locale);
        } catch (e) {
          if (!isCoreError(e)) throw e;
          deps.logger.warn('playground.roleplay_step_refused', {
            scenario: scenario.id,
            step: played - 1,
            code: e.code,
          });
        }
        await deps.settle();
      }
      return count;
    },
    /** Ticks or unticks one of the trainee's own items; false for an unknown or automatic one. */
    toggle(itemId: string): boolean {
      const item = scenario.checklist.find((i) => i.id === itemId);
      if (!item || item.check !== undefined) return false;
      if (ownTicks.has(itemId)) ownTicks.delete(itemId);
      else ownTicks.add(itemId);
      return true;
    },
    async view(locale: Locale): Promise<ScenarioView> {
      const checks = scenario.checklist.flatMap((i) => (i.check ? [i.check] : []));
      const shown: ReadonlySet<CheckId> = autoTicks(checks, await trail());
      return {
        id: scenario.id,
        title: scenario.title[locale],
        brief: scenario.brief[locale],
        checklist: scenario.checklist.map((i) => ({
          id: i.id,
          text: i.text[locale],
          auto: i.check !== undefined,
          ticked: i.check !== undefined ? shown.has(i.check) : ownTicks.has(i.id),
        })),
        scriptDone: played >= scenario.steps.length,
      };
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
