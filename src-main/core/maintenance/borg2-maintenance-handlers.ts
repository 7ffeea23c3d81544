/**
 * The request handlers of borg 2's repository maintenance (ipc/contract/borg2-maintenance.ts):
 * the reserved emergency space, shown, freed or reserved in the repository's lane (freeing and
 * reserving change the repository, so the history records them), and recompression as a job.
 */
import { buildRepoSpaceArgs, runRepoSpace, type RepoSpaceAction } from '../../borg/commands/repo-space.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import type { HandlersFor } from '../../ipc/contract.js';
import type { borg2MaintenanceRequests } from '../../ipc/contract/borg2-maintenance.js';
import type { RecordOperation } from '../history/operation-record.js';
import type { JobManager } from '../jobs/job-manager.js';
import type { DiffDeps } from '../restore/diff-service.js';
import type { MaintenanceDeps } from './maintenance-jobs.js';
import { recompressJob } from './recompress-job.js';
import { jobTitle } from '../../model/job-titles.js';

/** What the borg 2 maintenance handlers use. */
export interface Borg2MaintenanceDeps extends MaintenanceDeps {
  readonly jobs: JobManager;
  /** How a short borg run reaches a repository (inside its lane). */
  readonly lane: DiffDeps;
  readonly record: RecordOperation;
}

/** One handler per borg 2 maintenance request. */
export function borg2MaintenanceHandlers(
  deps: Borg2MaintenanceDeps,
): HandlersFor<typeof borg2MaintenanceRequests> {
  const repoSpace = async (repoId: string, action: RepoSpaceAction) => {
    if (action.kind !== 'show') deps.assertWritable(repoId);
    const { location, ctx } = await deps.lane.resolve(repoId);
    const options = { location, action };
    const args = buildRepoSpaceArgs(options, capabilitiesOf(ctx));
    return deps.lane.runInLane(repoId, () => {
      if (action.kind === 'show') return runRepoSpace(options, ctx);
      const title =
        action.kind === 'free'
          ? jobTitle('repo-space-free')
          : jobTitle('repo-space-reserve', { amount: action.amount });
      const operation = { kind: 'repo-space' as const, repoId, ...title, args, ctx };
      return deps.record(operation, (recorded) => runRepoSpace(options, recorded));
    });
  };
  return {
    'repos:reserved-space': ({ repoId }) => repoSpace(repoId, { kind: 'show' }),
    'repos:reserve-space': ({ repoId, amount }) => repoSpace(repoId, { kind: 'reserve', amount }),
    'repos:free-reserved-space': ({ repoId }) => repoSpace(repoId, { kind: 'free' }),
    'repos:recompress': async ({ repoId, compression }) => ({
      jobId: deps.jobs.submit(await recompressJob(repoId, compression, deps)).id,
    }),
  };
}
