/**
 * Coalesces a flood of progress updates into at most one delivery per interval per key. The first
 * update is delivered at once, later ones within the interval are held and only the newest is
 * delivered when the interval ends; `flush` delivers a held value immediately (before a job ends).
 */
import type { Clock } from '../services.js';

/** Options for a ProgressThrottle. */
export interface ProgressThrottleOptions {
  readonly clock: Clock;
  /** Minimum time between two deliveries for one key; 100 ms gives ~10 updates a second. */
  readonly intervalMs?: number;
}

interface KeyState<T> {
  lastEmitAt: number | undefined;
  pending: { value: T } | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Per-key leading + trailing throttle; the latest value always arrives. */
export class ProgressThrottle<T> {
  private readonly states = new Map<string, KeyState<T>>();
  private readonly intervalMs: number;

  constructor(
    private readonly deliver: (key: string, value: T) => void,
    private readonly options: ProgressThrottleOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 100;
  }

  /** Offer a new value for `key`; delivered now or at the end of the current interval. */
  push(key: string, value: T): void {
    const state = this.stateFor(key);
    const now = this.options.clock.now();
    if (
      state.timer === undefined &&
      (state.lastEmitAt === undefined || now - state.lastEmitAt >= this.intervalMs)
    ) {
      this.emit(key, state, value, now);
      return;
    }
    state.pending = { value };
    if (state.timer === undefined) {
      const wait = Math.max(0, (state.lastEmitAt ?? now) + this.intervalMs - now);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        const held = state.pending;
        state.pending = undefined;
        if (held !== undefined) this.emit(key, state, held.value, this.options.clock.now());
      }, wait);
    }
  }

  /** Deliver the held value of `key` now (if any) and forget the key. */
  flush(key: string): void {
    const state = this.states.get(key);
    if (state === undefined) return;
    if (state.timer !== undefined) clearTimeout(state.timer);
    this.states.delete(key);
    if (state.pending !== undefined) this.deliver(key, state.pending.value);
  }

  /** Drop every held value and timer without delivering. */
  dispose(): void {
    for (const state of this.states.values()) if (state.timer !== undefined) clearTimeout(state.timer);
    this.states.clear();
  }

  private stateFor(key: string): KeyState<T> {
    let state = this.states.get(key);
    if (state === undefined) {
      state = { lastEmitAt: undefined, pending: undefined, timer: undefined };
      this.states.set(key, state);
    }
    return state;
  }

  private emit(key: string, state: KeyState<T>, value: T, now: number): void {
    state.lastEmitAt = now;
    this.deliver(key, value);
  }
}
