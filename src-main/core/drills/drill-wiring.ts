/** Subscribes the drill schedule to plan runs: a due plan target gets a drill after a good backup. */
import type { CoreHub } from '../core-hub.js';
import type { HistoryStore } from '../history/history-store.js';
import type { JobManager } from '../jobs/job-manager.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { allEntries, drillKey, latestDrills } from './drill-history.js';
import { drillJob } from './drill-job.js';
import { DrillSchedule } from './drill-schedule.js';

/** What the drill schedule is built from. */
export interface DrillWiring {
  readonly hub: CoreHub;
  readonly jobs: JobManager;
  readonly repos: RepositoryService;
  readonly history: Pick<HistoryStore, 'list'>;
  readonly now: () => number;
  readonly tmpDir?: string | undefined;
}

/** Builds the drill schedule and subscribes it to 'plan-run-finished'. */
export function followPlanRunsWithDrills(w: DrillWiring): DrillSchedule {
  const jobDeps = { repos: w.repos, ...(w.tmpDir === undefined ? {} : { tmpDir: w.tmpDir }) };
  const schedule = new DrillSchedule({
    now: w.now,
    jobs: w.jobs,
    lastDrillAt: (planId, repoId) => {
      const key = drillKey(planId, repoId);
      const last = latestDrills(allEntries((q) => w.history.list(q))).find(
        (e) => drillKey(e.planId, e.repoId) === key,
      );
      return last === undefined ? undefined : Date.parse(last.finishedAt);
    },
    drillJob: (target) => drillJob(target, jobDeps),
  });
  w.hub.on('plan-run-finished', (report) => schedule.onPlanRunFinished(report));
  return schedule;
}
