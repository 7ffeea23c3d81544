/** The request handlers of the migration domain (see ipc/contract/migration.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { migrationRequests } from '../../ipc/contract/migration.js';
import type { Plan } from '../../model/plan.js';
import type { JobManager } from '../jobs/job-manager.js';
import type { PlanStore } from '../plan-runs/plan-store.js';
import { migrateRepositoryJob, type MigrateDeps } from './migrate-job.js';

/** What the migration handlers use. */
export interface MigrationHandlerDeps extends MigrateDeps {
  readonly jobs: JobManager;
  readonly plans: PlanStore;
  readonly onPlansChanged: (plans: Plan[]) => void;
}

/** One handler per migration request. */
export function migrationHandlers(deps: MigrationHandlerDeps): HandlersFor<typeof migrationRequests> {
  return {
    'repos:migrate': async (params) => ({
      jobId: deps.jobs.submit(await migrateRepositoryJob(params, deps)).id,
    }),
    'plans:move-to-repository': async ({ fromRepoId, toRepoId }) => {
      deps.repos.require(fromRepoId);
      deps.repos.require(toRepoId);
      let moved = 0;
      for (const plan of deps.plans.list()) {
        if (!plan.targets.some((t) => t.repoId === fromRepoId)) continue;
        // A plan that already backs up to both keeps one target for the new repository.
        const alreadyThere = plan.targets.some((t) => t.repoId === toRepoId);
        const targets = alreadyThere
          ? plan.targets.filter((t) => t.repoId !== fromRepoId)
          : plan.targets.map((t) => (t.repoId === fromRepoId ? { ...t, repoId: toRepoId } : t));
        await deps.plans.put({ ...plan, targets });
        moved += 1;
      }
      if (moved > 0) deps.onPlansChanged(deps.plans.list());
      return { moved };
    },
  };
}
