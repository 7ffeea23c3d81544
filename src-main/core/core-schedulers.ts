/**
 * Builds what runs by itself: the plan runner, the plan schedule and the periodic checks, each
 * subscribed to the CoreHub topics it follows (finished jobs, repository changes).
 */
import { parseBorgVersion } from '../borg/version.js';
import type { AppStatusService } from './app-status.js';
import type { CheckStore } from './checks/check-store.js';
import { PeriodicChecks } from './checks/periodic-checks.js';
import type { CoreHub } from './core-hub.js';
import { createNetworkReadiness } from './environment/network-readiness.js';
import type { EventBus } from './event-bus.js';
import type { JobManager } from './jobs/job-manager.js';
import { planBackupProgress, planPreWalk } from './jobs/backup-progress.js';
import type { HistoryStore } from './history/history-store.js';
import { checkJob } from './maintenance/maintenance-jobs.js';
import { PlanRunner } from './plan-runs/plan-runner.js';
import { PlanSchedule } from './plan-runs/plan-schedule.js';
import type { PlanStore } from './plan-runs/plan-store.js';
import type { RepositoryService } from './repositories/repository-service.js';
import { systemTimers } from './schedule/scheduler-types.js';
import type { Services } from './services.js';
import { log } from './logging/log.js';

/** What the schedulers are built from. */
export interface SchedulerWiring {
  readonly services: Services;
  readonly hub: CoreHub;
  readonly bus: EventBus;
  readonly status: AppStatusService;
  readonly repos: RepositoryService;
  readonly jobs: JobManager;
  readonly plans: PlanStore;
  readonly checkStore: CheckStore;
  readonly history: HistoryStore;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly assertWritable: (repoId: string) => void;
}

/** The plan runner, the plan schedule and the periodic checks, wired and not yet started. */
export function createSchedulers(w: SchedulerWiring) {
  const { services, hub, bus, repos, jobs, assertWritable } = w;
  const upcomingChanged = (): void => void hub.publish('upcoming-changed', undefined);
  const runner = new PlanRunner({
    ...{ repos, jobs, assertWritable, homeDir: w.homeDir, platform: w.platform, store: w.plans },
    env: services.env,
    now: () => services.clock.now(),
    // Percent and time left go by the plan's last backup, as the history recorded it, or else by a
    // quick count of its sources.
    backupProgress: planBackupProgress({
      history: w.history,
      preWalk: planPreWalk({ homeDir: w.homeDir, platform: w.platform }),
    }),
    borgVersion: async () => {
      const borg = (await w.status.status()).borg;
      return borg.state === 'ok' ? parseBorgVersion(`borg ${borg.version}`) : undefined;
    },
    onRunsChanged: upcomingChanged,
    onRunStarted: (start) => void hub.publish('plan-run-started', start),
    onRunFinished: (report) => void hub.publish('plan-run-finished', report),
  });
  hub.on('job-started', (job) => runner.onJobStarted(job));
  hub.on('job-finished', (job) => runner.onJobFinished(job));
  // One readiness check for every scheduler that runs remote repositories (backups and checks).
  const scheduling = {
    clock: services.clock,
    timers: services.timers ?? systemTimers,
    repos,
    networkReady: createNetworkReadiness(),
    ...(services.power !== undefined ? { power: services.power } : {}),
    ...(services.environment !== undefined ? { environment: services.environment } : {}),
  };
  const schedule = new PlanSchedule({ ...scheduling, store: w.plans, runner, onChanged: upcomingChanged });
  hub.on('upcoming-changed', () =>
    bus.emit('schedules:changed', { paused: schedule.scheduler.isPaused(), upcoming: schedule.upcoming() }),
  );
  const checks = new PeriodicChecks({
    ...scheduling,
    store: w.checkStore,
    jobs,
    checkJob: (repo, mode) => checkJob(repo, mode, 'schedule', { repos, assertWritable }),
    onChanged: (rows) => bus.emit('checks:changed', rows),
  });
  hub.on('job-finished', (job) => checks.onJobFinished(job));
  hub.on('repositories-changed', () => checks.onRepositoriesChanged());
  hub.on('repository-removed', (repoId) => {
    void checks.onRepositoryRemoved(repoId).catch((e: unknown) => {
      log.warn('could not drop the check schedule of a removed repository', e);
    });
  });
  // Awaited by the removal: its plans no longer name it once `repos:remove` answers.
  hub.on('repository-removed', async (repoId) => {
    const changed = await w.plans.dropRepository(repoId);
    if (changed.length === 0) return;
    schedule.refresh();
    bus.emit('plans:changed', w.plans.list());
  });
  return { runner, schedule, checks };
}
