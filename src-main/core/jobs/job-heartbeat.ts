/**
 * A repeating beat for a running job, on the core's injected timers so a test clock (ManualTime)
 * drives it: it lets a job notice what borg cannot report, such as counters that stopped moving.
 */
import type { SchedulerTimers, TimerHandle } from '../schedule/scheduler-types.js';
import type { ProgressTracker, ProgressUpdate } from './job-progress.js';

/** A started beat; `stop` ends it (idempotent). */
export interface Heartbeat {
  stop(): void;
}

/** Call `beat` every `intervalMs` until stopped. */
export function startHeartbeat(timers: SchedulerTimers, intervalMs: number, beat: () => void): Heartbeat {
  let handle: TimerHandle | undefined;
  let stopped = false;
  const arm = (): void => {
    handle = timers.setTimer(intervalMs, () => {
      if (stopped) return;
      // Re-armed first: a beat that throws must not end the beating.
      arm();
      beat();
    });
  };
  arm();
  return {
    stop() {
      stopped = true;
      if (handle !== undefined) timers.clearTimer(handle);
    },
  };
}

/**
 * A job started running: its tracker's side work begins, and when the tracker can tell something
 * while borg is silent (stall detection) a heartbeat asks it and offers what it says.
 */
export function startTracking(
  tracker: ProgressTracker,
  timers: SchedulerTimers,
  intervalMs: number,
  job: { readonly elapsedMs: () => number; readonly offer: (update: ProgressUpdate) => void },
): Heartbeat | undefined {
  tracker.start?.();
  if (tracker.tick === undefined) return undefined;
  return startHeartbeat(timers, intervalMs, () => {
    const update = tracker.tick?.(job.elapsedMs());
    if (update !== undefined) job.offer(update);
  });
}
