/** A hand-driven clock for the notification tests. */
import type { Clock } from '../services.js';

/** A clock that moves only when told. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
}

/** Start a fake clock at `start` epoch ms. */
export function createFakeClock(start = Date.UTC(2026, 0, 10, 12)): FakeClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
  };
}

/** One hour in ms. */
export const HOUR = 3_600_000;
/** One day in ms. */
export const DAY = 24 * HOUR;
