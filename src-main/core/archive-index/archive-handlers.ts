/**
 * The request handlers of the archives domain (see ipc/contract/archives.ts): browse, search,
 * versions and compare through the contents index, and delete an archive as a job.
 */
import type { HandlersFor } from '../../ipc/contract.js';
import type { archiveRequests } from '../../ipc/contract/archives.js';
import type { JobManager } from '../jobs/job-manager.js';
import { archiveEditHandlers, type ArchiveEditDeps } from './archive-edit-handlers.js';
import { softDeleteHandlers } from './soft-delete-handlers.js';
import { deleteArchiveJob, type MaintenanceDeps } from '../maintenance/maintenance-jobs.js';
import { diffArchives, type DiffDeps } from '../restore/diff-service.js';
import type { ArchiveIndexService } from './archive-index-service.js';
import { growthReport } from './growth-report.js';

/** The services the archive handlers use. */
export interface ArchiveHandlerDeps extends MaintenanceDeps, Pick<ArchiveEditDeps, 'record'> {
  readonly index: ArchiveIndexService;
  readonly jobs: JobManager;
  /** How `borg diff` reaches a repository (inside its lane). */
  readonly lane: DiffDeps;
}

/** One handler per archive request. */
export function archiveHandlers(deps: ArchiveHandlerDeps): HandlersFor<typeof archiveRequests> {
  const { index } = deps;
  return {
    'archives:open': (ref) => index.open(ref),
    'archives:folder': ({ path, sort, offset, limit, ...ref }) =>
      index.folder(ref, path, sort, offset, limit),
    'archives:locate': ({ path, sort, ...ref }) => index.locate(ref, path, sort),
    'archives:search': ({ query, mode, limit, ...ref }) => index.search(ref, query, mode, limit),
    'archives:versions': async ({ repoId, path }) => {
      const { versions, archivesSearched } = await index.versions(repoId, path);
      return { versions: [...versions], archivesSearched };
    },
    'archives:search-all': async ({ repoId, query, mode, limit }) => {
      const found = await index.searchAll(repoId, query, mode, limit);
      return { hits: [...found.hits], archivesSearched: found.archivesSearched, truncated: found.truncated };
    },
    // Drilling into a folder reuses the listing the first report made; the first one lists afresh.
    'archives:growth': async ({ repoId, ...request }) =>
      growthReport(await index.indexedArchives(repoId, request.folder !== undefined), request),
    'archives:diff': (params) => diffArchives(params, deps.lane),
    'archives:index-usage': () => index.usage(),
    'archives:index-clear': async () => {
      await index.clear();
      return index.usage();
    },
    'archives:delete': async ({ repoId, archiveName, archiveId }) => ({
      jobId: deps.jobs.submit(await deleteArchiveJob(repoId, archiveName, deps, archiveId)).id,
    }),
    ...archiveEditHandlers(deps),
    ...softDeleteHandlers(deps),
  };
}
