/**
 * The scheduler as the core runs it: one target per (plan, repository) with that target's
 * schedule and its persisted last run, due targets run through the PlanRunner, and a cheap
 * periodic look for repositories that were absent (a drive plugged back in).
 */
import type { UpcomingRunRow } from '../../ipc/contract.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { Scheduler } from '../schedule/scheduler.js';
import type { SchedulerTimers, TimerHandle } from '../schedule/scheduler-types.js';
import type { Clock, PowerEvents } from '../services.js';
import { isLocalAndAbsent, type PlanRunner } from './plan-runner.js';
import { parseTargetKey, targetKey, type PlanStore } from './plan-store.js';

/** What the plan scheduler is built from. */
export interface PlanScheduleDeps {
  readonly clock: Clock;
  readonly timers: SchedulerTimers;
  readonly store: PlanStore;
  readonly repos: RepositoryService;
  readonly runner: PlanRunner;
  readonly onChanged: () => void;
  /** Resume events: each one makes the scheduler look for slots missed while asleep. */
  readonly power?: PowerEvents;
  /** How often absent repositories are looked for. Default 60 s. */
  readonly presenceIntervalMs?: number;
}

/** Owns the Scheduler for every plan target. */
export class PlanSchedule {
  readonly scheduler: Scheduler;
  private presenceTimer: TimerHandle | undefined;
  private stopped = false;
  private unsubscribePower: (() => void) | undefined;

  constructor(private readonly deps: PlanScheduleDeps) {
    this.scheduler = new Scheduler({
      clock: deps.clock,
      timers: deps.timers,
      onDue: (id) => {
        const { planId, repoId } = parseTargetKey(id);
        deps.runner.runScheduled(planId, repoId);
      },
    });
    deps.runner.attach(this.scheduler);
  }

  /** Load the targets and begin; missed slots become one catch-up each. */
  start(): void {
    this.refresh();
    this.scheduler.start();
    this.armPresenceCheck();
    this.unsubscribePower = this.deps.power?.onResume(() => {
      if (this.stopped) return;
      this.scheduler.notifyWake();
      this.deps.onChanged();
    });
    this.deps.onChanged();
  }

  /** Re-read the plans (after a save or delete). */
  refresh(): void {
    const targets = this.deps.store.list().flatMap((plan) =>
      plan.targets.map((t) => {
        const id = targetKey(plan.id, t.repoId);
        const state = this.deps.store.stateOf(id);
        return { id, schedule: t.schedule, ...state };
      }),
    );
    this.scheduler.setTargets(targets);
    this.deps.onChanged();
  }

  /** Rows for `schedules:upcoming`, times as ISO strings. */
  upcoming(): UpcomingRunRow[] {
    return this.scheduler.upcoming().map((row) => {
      const { planId, repoId } = parseTargetKey(row.id);
      const out: UpcomingRunRow = { planId, repoId };
      if (row.dueAt !== undefined) out.dueAt = new Date(row.dueAt).toISOString();
      if (row.reason !== undefined) out.reason = row.reason;
      if (row.waitingFor !== undefined) out.waitingFor = row.waitingFor;
      if (row.lastRunAt !== undefined) out.lastRunAt = new Date(row.lastRunAt).toISOString();
      return out;
    });
  }

  /** Stop every timer (on quit). */
  stop(): void {
    this.stopped = true;
    this.scheduler.stop();
    this.unsubscribePower?.();
    if (this.presenceTimer !== undefined) this.deps.timers.clearTimer(this.presenceTimer);
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
      const { repoId } = parseTargetKey(row.id);
      let location: string;
      try {
        location = this.deps.repos.require(repoId).location;
      } catch {
        continue;
      }
      if (!isLocalAndAbsent(location)) {
        this.scheduler.notifyTargetAvailable(row.id);
        this.deps.onChanged();
      }
    }
  }
}
