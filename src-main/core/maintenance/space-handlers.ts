/** The request handlers of the space domain (see ipc/contract/space.ts): folder size and compact. */
import type { BorgVersion } from '../../borg/version.js';
import type { HandlersFor } from '../../ipc/contract.js';
import type { spaceRequests } from '../../ipc/contract/space.js';
import type { JobManager } from '../jobs/job-manager.js';
import { compactJob } from '../plan-runs/plan-jobs.js';
import type { MaintenanceDeps } from './maintenance-jobs.js';
import { measureRepositorySpace } from './repository-space.js';

/** What the space handlers use. */
export interface SpaceHandlerDeps extends MaintenanceDeps {
  readonly jobs: JobManager;
  readonly borgVersion: () => Promise<BorgVersion | undefined>;
}

/** One handler per space request. */
export function spaceHandlers(deps: SpaceHandlerDeps): HandlersFor<typeof spaceRequests> {
  return {
    'repos:space': ({ repoId }) => measureRepositorySpace(deps.repos.require(repoId).location),
    'repos:compact': async ({ repoId }) => {
      const repo = deps.repos.require(repoId);
      // Fail now, with a clear message, rather than after the job waited in the queue.
      deps.assertWritable(repo.id);
      await deps.repos.contextFor(repo);
      return { jobId: deps.jobs.submit(compactJob(repo, 'manual', deps)).id };
    },
  };
}
