// A clock that moves only when told: the demo and the playground run the real desk, sweeps and
// outbox on it, so hours of promises pass in a moment.
import type { Clock } from './core/ports.ts';

export class SimulatedClock implements Clock {
  private at: Date;
  constructor(at: Date) {
    this.at = new Date(at.getTime());
  }
  now(): Date {
    return new Date(this.at.getTime());
  }
  set(at: Date): void {
    this.at = new Date(at.getTime());
  }
  advanceMinutes(minutes: number): void {
    this.at = new Date(this.at.getTime() + minutes * 60_000);
  }
}
