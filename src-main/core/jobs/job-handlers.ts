/** The request handlers of the jobs domain (see ipc/contract/jobs.ts): one-off backups, cancel, list, log. */
import type { HandlersFor } from '../../ipc/contract.js';
import type { jobRequests } from '../../ipc/contract/jobs.js';
import { prepareBackupJob, type BackupJobDeps } from './backup-job.js';
import type { JobManager } from './job-manager.js';

/** What the job handlers use: the job manager, and what a backup job is prepared with. */
export interface JobHandlerDeps extends BackupJobDeps {
  readonly jobs: JobManager;
}

/** One handler per job request. */
export function jobHandlers(deps: JobHandlerDeps): HandlersFor<typeof jobRequests> {
  const { jobs } = deps;
  return {
    'jobs:start-backup': async (request) => ({
      jobId: jobs.submit(await prepareBackupJob(request, deps)).id,
    }),
    'jobs:cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'jobs:list': async () => jobs.list(),
    'jobs:log': async ({ jobId }) => jobs.log(jobId),
  };
}
