/**
 * The shapes the scheduler exchanges with its host: targets in, due notifications out, and the
 * injected time sources. Kept apart from scheduler.ts so hosts can import them cheaply.
 */
import type { Schedule } from '../../model/schedule.js';

/** Injected so job timing and schedules can be tested without waiting (Services.clock). */
export interface Clock {
  now(): number;
}

/** An opaque handle returned by `setTimer`. */
export type TimerHandle = unknown;

/** Injected timers, so tests (and the browser host's test hook) can run time by hand. */
export interface SchedulerTimers {
  setTimer(ms: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Real timers; unref'd so a pending schedule never keeps a Node process alive on its own. */
export const systemTimers: SchedulerTimers = {
  setTimer(ms, fn) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimer(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** One thing the scheduler runs: a plan's backup to one repository (a plan has one target per repository). */
export interface ScheduleTarget {
  readonly id: string;
  readonly schedule: Schedule;
  /** Epoch ms of the last successful run, from the job history. */
  readonly lastRunAt?: number;
  /** Epoch ms of the last attempt (successful or not, started by schedule or by hand). */
  readonly lastAttemptAt?: number;
  /** A remote repository: before running, wait until the injected `networkReady()` says yes. */
  readonly needsNetwork?: boolean;
}

/** Why a run is due: its regular slot, or one catch-up for slots missed while asleep, closed or paused. */
export type DueReason = 'schedule' | 'catch-up';

/** What a due target is waiting for, when it is not simply waiting for its time. */
export type WaitingFor = 'running' | 'target' | 'network' | 'conditions' | 'paused';

/** One row of the UI's "next run" column. `dueAt` is epoch ms; absent while waiting for a drive. */
export interface UpcomingRun {
  readonly id: string;
  readonly dueAt?: number;
  readonly reason?: DueReason;
  readonly waitingFor?: WaitingFor;
  readonly lastRunAt?: number;
}

/** Power and network state for schedule conditions; `undefined` means the platform cannot tell. */
export interface EnvironmentState {
  readonly onBattery?: boolean;
  readonly metered?: boolean;
}

/** How a run ended, as the host reports it. `at` is epoch ms. */
export interface RunOutcome {
  readonly ok: boolean;
  readonly at: number;
}

/** Everything the scheduler needs from its host. Delays are in ms; defaults in scheduler.ts. */
export interface SchedulerOptions {
  readonly clock: Clock;
  readonly timers: SchedulerTimers;
  /** Called once per run; the host queues the job and reports back via markStarted/markFinished. */
  readonly onDue: (targetId: string, reason: DueReason) => void;
  /**
   * Asked before a target with `needsNetwork` runs (with its id, so the host can check that
   * target's own server); a false answer is asked again a minute later.
   */
  readonly networkReady?: (targetId: string) => boolean | Promise<boolean>;
  /** Current power/network state for schedule conditions. */
  readonly environment?: () => EnvironmentState;
  /** IANA zone for calendar schedules; the machine's local zone when absent. */
  readonly timeZone?: string;
  /** Delay of the catch-up run after `start()` (the app was not running). Default 60 s. */
  readonly startDelayMs?: number;
  /** Delay of the catch-up run after a wake (the machine was asleep). Default 60 s. */
  readonly wakeDelayMs?: number;
  /** Delay of the catch-up run after `resume()` (schedules were paused). Default 10 s. */
  readonly resumeDelayMs?: number;
  /** Longest single timer; the scheduler re-checks the clock at least this often. Default 60 s. */
  readonly maxTimerMs?: number;
  /** A timer firing later than this is taken as a sign the machine slept. Default 30 s. */
  readonly lateToleranceMs?: number;
}
