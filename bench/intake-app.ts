// The intake benchmarks' load: `concurrency` workers opening cases through the desk for `seconds`,
// each a new person (so the intake limit never folds one into another), timing each from the call
// to its acknowledgement (the case, its timers and notices committed). Shared by bench/intake.ts and
// the replica processes of bench/intake-replicas.ts.
import { newId } from '../src/ids.ts';
import { createDesk } from '../src/core/desk.ts';
import type { DeskConfig } from '../src/core/model.ts';
import type { InspectableStore } from '../src/store/store.ts';
import { customer, deskConfig } from '../test/support/desk-fixture.ts';
import type { IntakeSample } from './intake-raw.ts';

export interface AppFigures {
  cases: number;
  elapsedSeconds: number;
  /** Node's CPU time over wall time during the run (1 = one core busy throughout). */
  cpuShare: number;
  latencies: number[];
  /** Cases acknowledged in each second of the run (is the rate sustained?). */
  bySecond: number[];
  sample: IntakeSample;
}

export interface AppRunOptions {
  seconds: number;
  concurrency: number;
  /** Distinguishes the people (and conversations) of one process from another's. */
  prefix?: string;
  /** The workspace the cases open in (default `bench`). */
  workspace?: string;
  config?: DeskConfig;
}

export async function appRun(store: InspectableStore, options: AppRunOptions): Promise<AppFigures> {
  const clock = { now: () => new Date() };
  const desk = createDesk({
    store,
    clock,
    ids: { next: () => newId() },
    config: options.config ?? deskConfig(),
  });
  const prefix = options.prefix ?? '';
  const latencies: number[] = [];
  const bySecond: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + options.seconds * 1000;
  let n = 0;
  let first: IntakeSample['c'] | undefined;
  let notices: IntakeSample['rows']['notices'] = [];
  const worker = async () => {
    while (performance.now() < end) {
      const i = n++;
      const opened = performance.now();
      const result = await desk.openCase({
        workspace: options.workspace ?? 'bench',
        audience: 'internal',
        conversation: `slack:T1:C1:${prefix}${i}`,
        customer: { ...customer, id: `slack:T1:U${prefix}${i}` },
        text: 'The export page times out after the upgrade',
        topic: 'billing',
      });
      const acknowledged = performance.now();
      latencies.push(acknowledged - opened);
      const second = Math.floor((acknowledged - started) / 1000);
      bySecond[second] = (bySecond[second] ?? 0) + 1;
      if (!first) {
        first = result.case;
        notices = result.notices;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedSeconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const cpuShare = (user + system) / 1e6 / elapsedSeconds;
  if (!first) throw new Error('no case opened');
  const timers = await store.cases.listTimers(first.id);
  const events = await store.inspect.listEvents(first.id);
  return {
    cases: latencies.length,
    elapsedSeconds,
    cpuShare,
    latencies,
    bySecond: Array.from(bySecond, (count) => count ?? 0),
    sample: { c: first, rows: { notices, timers, events } },
  };
}
