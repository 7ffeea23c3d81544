/**
 * A clock and timers that move only when told to: scheduler tests run days in microseconds, and a
 * host's test hook can drive the scheduler the same way.
 *
 * It models what really happens across a suspend: wall-clock time jumps, but timers (which Node
 * runs on a monotonic clock that stops while the machine sleeps) do not advance, so after `sleep`
 * pending timers fire late by wall-clock measure.
 */
import type { Clock } from '../services.js';
import type { SchedulerTimers, TimerHandle } from './scheduler-types.js';

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/** A hand-driven `Clock` plus `SchedulerTimers`. */
export class ManualTime implements Clock, SchedulerTimers {
  private monotonic = 0;
  private slept = 0;
  private nextId = 1;
  private pending: PendingTimer[] = [];

  constructor(private readonly startMs: number) {}

  /** Wall-clock epoch ms. */
  now(): number {
    return this.startMs + this.monotonic + this.slept;
  }

  /** Schedule `fn` after `ms` of awake time. */
  setTimer(ms: number, fn: () => void): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, at: this.monotonic + Math.max(0, ms), fn });
    return id;
  }

  /** Cancel a timer; unknown handles are ignored. */
  clearTimer(handle: TimerHandle): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  /** Let `ms` of awake time pass, firing due timers in order (each sees the clock at its own due time). */
  advance(ms: number): void {
    const end = this.monotonic + ms;
    for (;;) {
      const next = this.soonest();
      if (next === undefined || next.at > end) break;
      this.pending = this.pending.filter((t) => t !== next);
      this.monotonic = Math.max(this.monotonic, next.at);
      next.fn();
    }
    this.monotonic = end;
  }

  /** The machine sleeps for `ms`: wall-clock time jumps, timers stay where they were. */
  sleep(ms: number): void {
    this.slept += ms;
  }

  /** How many timers are waiting (a leak check for tests). */
  pendingCount(): number {
    return this.pending.length;
  }

  private soonest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.pending) if (best === undefined || t.at < best.at) best = t;
    return best;
  }
}
