/**
 * The request handlers of the restore domain (see ipc/contract/restore.ts): preview, restore,
 * save a copy, mount, open a folder.
 */
import type { HandlersFor } from '../../ipc/contract.js';
import type { restoreRequests } from '../../ipc/contract/restore.js';
import type { ArchiveIndexService } from '../archive-index/archive-index-service.js';
import type { JobManager } from '../jobs/job-manager.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import type { FileManager } from '../services.js';
import type { MountManager } from './mount-manager.js';
import { openFolder } from './open-folder.js';
import { planFor, prepareRestoreJob, type RestoreDeps } from './restore-job.js';
import { toPreview } from './restore-planner.js';
import { prepareSaveCopyJob } from './save-copy-job.js';

/** The services the handlers use. */
export interface RestoreWiring {
  readonly repos: RepositoryService;
  readonly jobs: JobManager;
  readonly index: ArchiveIndexService;
  readonly mounts: MountManager;
  readonly fileManager: FileManager | undefined;
  readonly now: () => number;
}

/** One handler per restore request. */
export function restoreHandlers(w: RestoreWiring): HandlersFor<typeof restoreRequests> {
  const restoreDeps: RestoreDeps = {
    repos: w.repos,
    tree: (ref) => w.index.tree(ref),
    now: w.now,
  };
  return {
    'restore:preview': async (request) => toPreview(await planFor(request, restoreDeps)),
    'jobs:start-restore': async (request) => ({
      jobId: w.jobs.submit(await prepareRestoreJob(request, restoreDeps)).id,
    }),
    'jobs:save-copy': async (request) => ({
      jobId: w.jobs.submit(await prepareSaveCopyJob(request, restoreDeps)).id,
    }),
    'mount:status': () => w.mounts.status(),
    'mount:mount': ({ repoId, archiveName, archiveId }) => w.mounts.mount(repoId, archiveName, archiveId),
    'mount:unmount': ({ mountPoint, lazy }) => w.mounts.unmount(mountPoint, { lazy: lazy === true }),
    'shell:open-path': ({ path }) => openFolder(path, w.fileManager),
  };
}
