/** The request handlers of the checks domain (see ipc/contract/checks.ts): a check now, and periodic checks. */
import type { HandlersFor } from '../../ipc/contract.js';
import type { checkRequests } from '../../ipc/contract/checks.js';
import type { JobManager } from '../jobs/job-manager.js';
import { checkRepositoryJob, type MaintenanceDeps } from '../maintenance/maintenance-jobs.js';
import type { PeriodicChecks } from './periodic-checks.js';

/** What the check handlers use. */
export interface CheckHandlerDeps extends MaintenanceDeps {
  readonly checks: PeriodicChecks;
  readonly jobs: JobManager;
}

/** One handler per check request. */
export function checkHandlers(deps: CheckHandlerDeps): HandlersFor<typeof checkRequests> {
  return {
    'repos:check': async ({ repoId, mode, findLostArchives }) => ({
      jobId: deps.jobs.submit(await checkRepositoryJob(repoId, mode, deps, findLostArchives === true)).id,
    }),
    'checks:list': async () => deps.checks.rows(),
    'checks:save': (check) => deps.checks.save(check),
  };
}
