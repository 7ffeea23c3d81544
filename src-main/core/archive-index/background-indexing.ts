/**
 * Background indexing (issue 13): right after a plan run made an archive, its contents index is
 * built at low priority, so opening the newest archive is instant and searches across archives read
 * local indexes. The indexing waits behind, and gives way to, everything else in the repository's
 * lane (ArchiveIndexService.indexInBackground).
 */
import type { CoreHub } from '../core-hub.js';
import type { PlanRunReport } from '../plan-runs/plan-run-report.js';
import type { ArchiveIndexService } from './archive-index-service.js';
import { log } from '../logging/log.js';

/** The archive a finished plan run leaves to index, if any. */
export function archiveToIndex(report: PlanRunReport) {
  const made = report.result === 'succeeded' || report.result === 'warnings';
  if (!made || report.archive === undefined) return undefined;
  return { repoId: report.repo.id, archiveName: report.archive.name, archiveId: report.archive.id };
}

/** Indexes the archive of every successful plan run, in the background. */
export function indexAfterPlanRuns(hub: CoreHub, index: ArchiveIndexService): void {
  hub.on('plan-run-finished', (report) => {
    try {
      const ref = archiveToIndex(report);
      if (ref === undefined) return;
      // Not awaited: the publisher must not wait for an index build. indexInBackground never rejects.
      void index.indexInBackground(ref, report.repo.borgRepositoryId);
    } catch (e) {
      log.warn('could not start indexing the new archive in the background', e);
    }
  });
}
