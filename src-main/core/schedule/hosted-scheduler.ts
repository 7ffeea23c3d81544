/**
 * A Scheduler wired to the host, as both the plan backups and the periodic checks run it: resume
 * events become wake-ups, environment changes re-check held runs, remote repositories are asked
 * about the network by their own location, and a cheap poll notices an absent drive coming back.
 * The owners keep only what differs: which targets exist and what a due target does.
 */
import type { NetworkReadiness } from '../environment/network-readiness.js';
import { isLocalAndAbsent } from '../repositories/location.js';
import type { Clock, EnvironmentSource, PowerEvents } from '../services.js';
import { Scheduler } from './scheduler.js';
import type { SchedulerTimers, TimerHandle } from './scheduler-types.js';

/** What a hosted scheduler is built from. */
export interface HostedSchedulerDeps {
  readonly clock: Clock;
  readonly timers: SchedulerTimers;
  /** The repository location a target runs against; undefined once the repository is gone. */
  readonly locationOf: (targetId: string) => string | undefined;
  /** Called once per run; the owner starts the work and reports back to `scheduler`. */
  readonly onDue: (targetId: string) => void;
  /** Anything the UI shows may have changed (a wake, a drive back, conditions). */
  readonly onChanged: () => void;
  /** Resume events: each one makes the scheduler look for slots missed while asleep. */
  readonly power?: PowerEvents;
  /** Battery / metered state for schedule conditions; absent: conditions never hold a run back. */
  readonly environment?: EnvironmentSource;
  /** Asked before a remote repository's run; absent: remote runs start without asking. */
  readonly networkReady?: NetworkReadiness;
  /** How often absent repositories are looked for. Default 60 s. */
  readonly presenceIntervalMs?: number;
  /** Grace delay of a catch-up after start or wake; the Scheduler's default when absent. */
  readonly catchUpDelayMs?: number;
}

/** Owns one Scheduler and its host subscriptions from `start()` to `stop()`. */
export class HostedScheduler {
  readonly scheduler: Scheduler;
  private presenceTimer: TimerHandle | undefined;
  private unsubscribers: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly deps: HostedSchedulerDeps) {
    const { catchUpDelayMs: delay, networkReady, environment } = deps;
    this.scheduler = new Scheduler({
      clock: deps.clock,
      timers: deps.timers,
      onDue: (id) => deps.onDue(id),
      ...(delay === undefined ? {} : { startDelayMs: delay, wakeDelayMs: delay }),
      ...(networkReady !== undefined && {
        networkReady: (id: string) => {
          const location = deps.locationOf(id);
          // A repository removed meanwhile: let the owner report that instead of waiting forever.
          return location === undefined ? true : networkReady(location);
        },
      }),
      ...(environment !== undefined && { environment: () => environment.current() }),
    });
  }

  /** Begin (set the targets first): missed slots become one catch-up each. */
  start(): void {
    this.scheduler.start();
    this.armPresenceCheck();
    const power = this.deps.power?.onResume(() => this.whileRunning(() => this.scheduler.notifyWake()));
    const environment = this.deps.environment?.onChange(() =>
      this.whileRunning(() => this.scheduler.notifyEnvironmentChanged()),
    );
    this.unsubscribers = [power, environment].filter((u) => u !== undefined);
  }

  /** Stop every timer and subscription (on quit). */
  stop(): void {
    this.stopped = true;
    this.scheduler.stop();
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    if (this.presenceTimer !== undefined) this.deps.timers.clearTimer(this.presenceTimer);
  }

  private whileRunning(notify: () => void): void {
    if (this.stopped) return;
    notify();
    this.deps.onChanged();
  }

  // A stat per waiting target per minute: cheap enough, and no OS-specific mount events needed.
  private armPresenceCheck(): void {
    if (this.stopped) return;
    this.presenceTimer = this.deps.timers.setTimer(this.deps.presenceIntervalMs ?? 60_000, () => {
      this.checkPresence();
      this.armPresenceCheck();
    });
  }

  private checkPresence(): void {
    for (const row of this.scheduler.upcoming()) {
      if (row.waitingFor !== 'target') continue;
      const location = this.deps.locationOf(row.id);
      if (location !== undefined && !isLocalAndAbsent(location)) {
        this.scheduler.notifyTargetAvailable(row.id);
        this.deps.onChanged();
      }
    }
  }
}
