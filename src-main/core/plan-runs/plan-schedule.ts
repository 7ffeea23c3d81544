/**
 * The scheduler as the core runs it: one target per (plan, repository) with that target's
 * schedule and its persisted last run, due targets run through the PlanRunner, and a cheap
 * periodic look for repositories that were absent (a drive plugged back in). Remote repositories
 * wait for the network; battery and metered state come from the host's EnvironmentSource.
 */
import type { UpcomingRunRow } from '../../model/schedule.js';
import type { NetworkReadiness } from '../environment/network-readiness.js';
import { isRemoteLocation } from '../repositories/location.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { HostedScheduler } from '../schedule/hosted-scheduler.js';
import type { Scheduler } from '../schedule/scheduler.js';
import type { SchedulerTimers } from '../schedule/scheduler-types.js';
import type { Clock, EnvironmentSource, PowerEvents } from '../services.js';
import type { PlanRunner } from './plan-runner.js';
import { parseTargetKey, targetKey, type PlanStore } from './plan-store.js';

/** What the plan scheduler is built from. */
export interface PlanScheduleDeps {
  readonly clock: Clock;
  readonly timers: SchedulerTimers;
  readonly store: PlanStore;
  readonly repos: Pick<RepositoryService, 'require'>;
  readonly runner: Pick<PlanRunner, 'attach' | 'runScheduled'>;
  readonly onChanged: () => void;
  /** Resume events: each one makes the scheduler look for slots missed while asleep. */
  readonly power?: PowerEvents;
  /** Battery / metered state for schedule conditions; absent: conditions never hold a run back. */
  readonly environment?: EnvironmentSource;
  /** Asked before a remote repository's scheduled run; absent: remote runs start without asking. */
  readonly networkReady?: NetworkReadiness;
  /** How often absent repositories are looked for. Default 60 s. */
  readonly presenceIntervalMs?: number;
}

/** Owns the Scheduler for every plan target. */
export class PlanSchedule {
  readonly scheduler: Scheduler;
  private readonly hosted: HostedScheduler;

  constructor(private readonly deps: PlanScheduleDeps) {
    const { power, environment, networkReady, presenceIntervalMs } = deps;
    this.hosted = new HostedScheduler({
      clock: deps.clock,
      timers: deps.timers,
      locationOf: (id) => this.locationOf(parseTargetKey(id).repoId),
      onDue: (id) => {
        const { planId, repoId } = parseTargetKey(id);
        deps.runner.runScheduled(planId, repoId);
      },
      onChanged: () => deps.onChanged(),
      ...(power !== undefined && { power }),
      ...(environment !== undefined && { environment }),
      ...(networkReady !== undefined && { networkReady }),
      ...(presenceIntervalMs !== undefined && { presenceIntervalMs }),
    });
    this.scheduler = this.hosted.scheduler;
    deps.runner.attach(this.scheduler);
  }

  /** Load the targets and begin; missed slots become one catch-up each. */
  start(): void {
    this.refresh();
    this.hosted.start();
    this.deps.onChanged();
  }

  /** Re-read the plans (after a save or delete). */
  refresh(): void {
    const targets = this.deps.store.list().flatMap((plan) =>
      plan.targets.map((t) => {
        const id = targetKey(plan.id, t.repoId);
        const state = this.deps.store.stateOf(id);
        return { id, schedule: t.schedule, needsNetwork: this.isRemote(t.repoId), ...state };
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
    this.hosted.stop();
  }

  private isRemote(repoId: string): boolean {
    const location = this.locationOf(repoId);
    return location !== undefined && isRemoteLocation(location);
  }

  private locationOf(repoId: string): string | undefined {
    try {
      return this.deps.repos.require(repoId).location;
    } catch {
      return undefined;
    }
  }
}
