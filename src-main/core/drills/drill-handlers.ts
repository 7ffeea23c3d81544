/** The request handlers of the drills domain (see ipc/contract/drills.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { drillRequests } from '../../ipc/contract/drills.js';
import { AppError } from '../app-error.js';
import type { HistoryStore } from '../history/history-store.js';
import type { JobManager } from '../jobs/job-manager.js';
import type { PlanStore } from '../plan-runs/plan-store.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { allEntries, latestDrills } from './drill-history.js';
import { drillJob, type DrillJobDeps } from './drill-job.js';

/** What the drill handlers use. */
export interface DrillHandlerDeps extends Omit<DrillJobDeps, 'repos'> {
  readonly repos: RepositoryService;
  readonly jobs: Pick<JobManager, 'submit'>;
  readonly plans: Pick<PlanStore, 'get'>;
  readonly history: Pick<HistoryStore, 'list' | 'idle'>;
}

/** One handler per drill request. */
export function drillHandlers(deps: DrillHandlerDeps): HandlersFor<typeof drillRequests> {
  return {
    'drills:start': async ({ repoId, planId }) => {
      const repo = deps.repos.require(repoId);
      const plan = planId === undefined ? undefined : deps.plans.get(planId);
      if (planId !== undefined && plan === undefined)
        throw new AppError('NotFound', 'That plan no longer exists.', 'Reload the plans.', {
          reason: 'drillPlanGone',
        });
      if (plan !== undefined && !plan.targets.some((t) => t.repoId === repo.id))
        throw new AppError(
          'InvalidInput',
          `${plan.name} does not back up to ${repo.name}.`,
          'Pick one of its repositories.',
          { reason: 'backUp', params: { name: plan.name, name2: repo.name } },
        );
      // A locked repository is refused now, not after the job waited in the queue.
      await deps.repos.contextFor(repo);
      const spec = drillJob({ repo, ...(plan === undefined ? {} : { plan }), trigger: 'manual' }, deps);
      return { jobId: deps.jobs.submit(spec).id };
    },
    'drills:latest': async () => {
      // Like history:list: a drill that just finished is on its way to the history; wait for it.
      await deps.history.idle();
      return latestDrills(allEntries((query) => deps.history.list(query)));
    },
  };
}
