/**
 * Test-only: a scheduler on hand-driven time (ManualTime) with a simulated host that records every
 * `onDue` call. Shared by the scheduler test files.
 */
import { ManualTime } from './manual-time.js';
import { Scheduler } from './scheduler.js';
import type { DueReason, SchedulerOptions, ScheduleTarget } from './scheduler-types.js';

/** Durations in ms. */
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Epoch ms of an ISO string. */
export const at = (iso: string): number => Date.parse(iso);

/** One recorded `onDue` call. */
export interface Call {
  readonly id: string;
  readonly reason: DueReason;
  readonly at: string;
}

/**
 * A scheduler on hand-driven time with a simulated host: each due run starts at once and finishes
 * after `runMs` (or is handled by `host` when given).
 */
export function harness(
  startIso: string,
  targets: ScheduleTarget[],
  extra: Partial<Omit<SchedulerOptions, 'onDue'>> & {
    runMs?: number;
    host?: (id: string, s: Scheduler) => void;
  } = {},
) {
  const time = new ManualTime(at(startIso));
  const calls: Call[] = [];
  const timerDelays: number[] = [];
  const { runMs = 5 * MIN, host, ...options } = extra;
  const scheduler: Scheduler = new Scheduler({
    clock: time,
    timers: {
      setTimer: (ms, fn) => {
        timerDelays.push(ms);
        return time.setTimer(ms, fn);
      },
      clearTimer: (h) => time.clearTimer(h),
    },
    timeZone: 'UTC',
    onDue: (id, reason) => {
      calls.push({ id, reason, at: new Date(time.now()).toISOString() });
      if (host !== undefined) return host(id, scheduler);
      scheduler.markStarted(id);
      time.setTimer(runMs, () => scheduler.markFinished(id, { ok: true, at: time.now() }));
    },
    ...options,
  });
  scheduler.setTargets(targets);
  return { time, scheduler, calls, timerDelays };
}

/** Let pending promise callbacks (async network checks) run. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
