/**
 * The request handlers of the restore feature (browse, search, versions, compare, preview,
 * restore, save a copy, mount, open a folder), wired to the services create-core builds.
 */
import type { RequestHandlers } from '../../ipc/contract.js';
import type { ArchiveIndexService } from '../archive-index/archive-index-service.js';
import type { JobManager } from '../jobs/job-manager.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import type { FileManager } from '../services.js';
import { diffArchives, type DiffDeps } from './diff-service.js';
import type { MountManager } from './mount-manager.js';
import { openFolder } from './open-folder.js';
import { planFor, prepareRestoreJob, type RestoreDeps } from './restore-job.js';
import { toPreview } from './restore-planner.js';
import { prepareSaveCopyJob } from './save-copy-job.js';

/** The requests this module answers. */
export type RestoreRequestName =
  | 'archives:open'
  | 'archives:folder'
  | 'archives:locate'
  | 'archives:search'
  | 'archives:versions'
  | 'archives:search-all'
  | 'archives:diff'
  | 'restore:preview'
  | 'jobs:start-restore'
  | 'jobs:save-copy'
  | 'mount:status'
  | 'mount:mount'
  | 'mount:unmount'
  | 'shell:open-path';

/** The services the handlers use. */
export interface RestoreWiring {
  readonly repos: RepositoryService;
  readonly jobs: JobManager;
  readonly index: ArchiveIndexService;
  readonly mounts: MountManager;
  readonly lane: DiffDeps;
  readonly fileManager: FileManager | undefined;
  readonly now: () => number;
}

/** One handler per restore request. */
export function restoreHandlers(w: RestoreWiring): Pick<RequestHandlers, RestoreRequestName> {
  const restoreDeps: RestoreDeps = {
    repos: w.repos,
    tree: (ref) => w.index.tree(ref),
    now: w.now,
  };
  return {
    'archives:open': (ref) => w.index.open(ref),
    'archives:folder': ({ path, sort, offset, limit, ...ref }) =>
      w.index.folder(ref, path, sort, offset, limit),
    'archives:locate': ({ path, sort, ...ref }) => w.index.locate(ref, path, sort),
    'archives:search': ({ query, mode, limit, ...ref }) => w.index.search(ref, query, mode, limit),
    'archives:versions': async ({ repoId, path }) => {
      const { versions, archivesSearched } = await w.index.versions(repoId, path);
      return { versions: [...versions], archivesSearched };
    },
    'archives:search-all': async ({ repoId, query, mode, limit }) => {
      const found = await w.index.searchAll(repoId, query, mode, limit);
      return { hits: [...found.hits], archivesSearched: found.archivesSearched, truncated: found.truncated };
    },
    'archives:diff': (params) => diffArchives(params, w.lane),
    'restore:preview': async (request) => toPreview(await planFor(request, restoreDeps)),
    'jobs:start-restore': async (request) => ({
      jobId: w.jobs.submit(await prepareRestoreJob(request, restoreDeps)).id,
    }),
    'jobs:save-copy': async (request) => ({
      jobId: w.jobs.submit(await prepareSaveCopyJob(request, restoreDeps)).id,
    }),
    'mount:status': () => w.mounts.status(),
    'mount:mount': ({ repoId, archiveName }) => w.mounts.mount(repoId, archiveName),
    'mount:unmount': ({ mountPoint }) => w.mounts.unmount(mountPoint),
    'shell:open-path': ({ path }) => openFolder(path, w.fileManager),
  };
}
