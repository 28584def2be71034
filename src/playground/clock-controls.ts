// The playground's simulated time, driven like the jobs drive real time: the clock moves to each
// timer as it falls due, the desk's sweep handles it, and the outbox delivers what it wrote, until
// the target time is reached and nothing is left to send.
import type { Desk } from '../core/desk.ts';
import type { LeaseQueue, NoticeQueue } from '../core/ports.ts';
import type { Timer } from '../core/model.ts';
import type { Outbox } from '../jobs/outbox.ts';
import type { SimulatedClock } from '../simulated-clock.ts';
import type { Advance } from '../../adapters/playground/index.ts';

/** Bounds each loop: a sandbox's few cases never come near it; a fault cannot spin for ever. */
const MAX_STEPS = 1_000;

const STEP_MINUTES: Readonly<Record<Exclude<Advance, 'next'>, number>> = { '15m': 15, '1h': 60 };

export interface ClockControlDeps {
  clock: SimulatedClock;
  desk: Pick<Desk, 'sweep'>;
  outbox: Pick<Outbox, 'pass'>;
  store: { timers: Pick<LeaseQueue<Timer>, 'nextDueAt'>; notices: Pick<NoticeQueue, 'nextDueAt'> };
}

export function clockControls({ clock, desk, outbox, store }: ClockControlDeps) {
  /**
   * Outbox passes until no notice is due now. Nothing else runs passes here (no jobs, no desk
   * hook: every action settles itself), so each pass runs to its end before the next.
   */
  async function settle(): Promise<void> {
    for (let step = 0; step < MAX_STEPS; step++) {
      const next = await store.notices.nextDueAt();
      if (next === null || next.getTime() > clock.now().getTime()) return;
      await outbox.pass();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Every timer due by `target`, each at its own time, then the clock at `target`. */
  async function advanceTo(target: Date): Promise<void> {
    for (let step = 0; step < MAX_STEPS; step++) {
      const due = await store.timers.nextDueAt();
      if (due === null || due.getTime() > target.getTime()) break;
      if (due.getTime() > clock.now().getTime()) clock.set(due);
      const report = await desk.sweep({ owner: 'playground' });
      await settle();
      if (report.claimed === 0) break;
    }
    if (target.getTime() > clock.now().getTime()) clock.set(target);
    await desk.sweep({ owner: 'playground' });
    await settle();
  }

  return {
    settle,
    async nextDeadline(): Promise<Date | null> {
      return store.timers.nextDueAt();
    },
    /** The time the clock moved to; null when asked for the next deadline and none is pending. */
    async advance(by: Advance): Promise<Date | null> {
      if (by === 'next') {
        const due = await store.timers.nextDueAt();
        if (due === null) return null;
        await advanceTo(due.getTime() > clock.now().getTime() ? due : clock.now());
      } else {
        await advanceTo(new Date(clock.now().getTime() + STEP_MINUTES[by] * 60_000));
      }
      return clock.now();
    },
  };
}
