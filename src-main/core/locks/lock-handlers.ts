/** The request handlers of the locks domain (see ipc/contract/locks.ts). */
import os from 'node:os';
import type { HandlersFor } from '../../ipc/contract.js';
import { lockWaitHolder } from '../../model/lock.js';
import type { lockRequests } from '../../ipc/contract/locks.js';
import type { RecordOperation } from '../history/operation-record.js';
import type { DiffDeps } from '../restore/diff-service.js';
import type { JobManager } from '../jobs/job-manager.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { borgProcessesOn } from './local-borg-processes.js';
import { breakLock, lockStatus, type LockServiceDeps } from './lock-service.js';

/** What the lock handlers use. */
export interface LockHandlerDeps {
  readonly repos: RepositoryService;
  readonly jobs: JobManager;
  readonly lane: DiffDeps;
  readonly assertWritable: (repoId: string) => void;
  readonly record: RecordOperation;
  readonly platform: NodeJS.Platform;
}

/** One handler per lock request. */
export function lockHandlers(deps: LockHandlerDeps): HandlersFor<typeof lockRequests> {
  const service: LockServiceDeps = {
    locationOf: (repoId) => deps.repos.require(repoId).location,
    resolve: (repoId) => deps.lane.resolve(repoId),
    runInLane: (repoId, task) => deps.lane.runInLane(repoId, task),
    hasActiveJob: (repoId) => deps.jobs.hasActive(repoId),
    assertWritable: deps.assertWritable,
    record: deps.record,
    probe: {
      hostname: os.hostname(),
      borgProcessesOn: (location) => borgProcessesOn(location, deps.platform),
    },
  };
  return {
    'locks:status': ({ repoId }) => lockStatus(repoId, service),
    'locks:break': (params) => breakLock(params, service),
    'locks:wait-and-retry': async ({ jobId, lockWaitSeconds }) => {
      // Who holds the lock now, for the running card; a roster Borgdesk cannot read names nobody.
      const repoId = deps.jobs.list().find((j) => j.id === jobId)?.repoId;
      const report =
        repoId === undefined ? undefined : await lockStatus(repoId, service).catch(() => undefined);
      const holder = lockWaitHolder(report);
      return { jobId: deps.jobs.retryWithLockWait(jobId, lockWaitSeconds, holder).id };
    },
  };
}
