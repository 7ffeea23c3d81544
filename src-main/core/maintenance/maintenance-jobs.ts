/**
 * Maintenance as jobs in the repository's lane: delete one archive, check a repository. Writing
 * jobs are refused while the repository is mounted (borg cannot take its exclusive lock).
 */
import { buildCheckArgs, runCheck, type CheckMode } from '../../borg/commands/check.js';
import { buildDeleteArchiveArgs, runDeleteArchive } from '../../borg/commands/delete.js';
import { BorgError } from '../../borg/errors.js';
import type { JobTrigger } from '../../model/history.js';
import { runningLine } from '../jobs/command-line.js';
import { writableJobContext } from '../jobs/writable-context.js';
import type { JobSpec } from '../jobs/job-manager.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';

/** Why a delete leaves the disk as full as before (borg 1.2: segments are rewritten only by compact). */
export const SPACE_NOTE =
  'Its space is freed only when the repository is compacted (Compact… on the repository screen).';

/** What maintenance jobs need from the rest of the core. */
export interface MaintenanceDeps {
  readonly repos: RepositoryService;
  readonly assertWritable: (repoId: string) => void;
}

/** A job deleting `archiveName` from `repoId`; validated (repository known, unlocked, unmounted) now. */
export async function deleteArchiveJob(
  repoId: string,
  archiveName: string,
  deps: MaintenanceDeps,
  /** The archive's id: borg 2 deletes one archive of a series by id. */
  archiveId?: string,
): Promise<JobSpec> {
  const repo = deps.repos.require(repoId);
  deps.assertWritable(repo.id);
  await deps.repos.contextFor(repo);
  return {
    kind: 'delete',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('delete', { archive: archiveName, repo: repo.name }),
    async run(job) {
      const { repo: current, ctx } = await writableJobContext(repo.id, job, deps);
      const options = { location: current.location, archiveName, archiveId };
      job.log('info', runningLine(buildDeleteArchiveArgs(options, capabilitiesOf(ctx)), ctx));
      const outcome = await runDeleteArchive(options, ctx);
      job.log('info', `Deleted ${archiveName}. ${SPACE_NOTE}`);
      return { status: outcome.warnings.length > 0 ? 'warning' : 'succeeded' };
    },
  };
}

/** A `borg check` job started by hand; validated (repository known, unlocked, unmounted) now. */
export async function checkRepositoryJob(
  repoId: string,
  mode: CheckMode,
  deps: MaintenanceDeps,
  findLostArchives = false,
): Promise<JobSpec> {
  const repo = deps.repos.require(repoId);
  deps.assertWritable(repo.id);
  await deps.repos.contextFor(repo);
  return checkJob(repo, mode, 'manual', deps, findLostArchives);
}

/**
 * A `borg check` job; problems borg finds fail the job and are listed in its log. It is validated
 * only when it runs, so a scheduled check of a locked or mounted repository fails with the usual
 * message and is recorded in the history instead of silently not happening.
 */
export function checkJob(
  repo: StoredRepository,
  mode: CheckMode,
  trigger: JobTrigger,
  deps: MaintenanceDeps,
  findLostArchives = false,
): JobSpec {
  return {
    kind: 'check',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('check', { repo: repo.name, mode }),
    trigger,
    async run(job) {
      const { repo: current, ctx } = await writableJobContext(repo.id, job, deps);
      const options = { location: current.location, mode, findLostArchives };
      job.log('info', runningLine(buildCheckArgs(options, capabilitiesOf(ctx)), ctx));
      const outcome = await runCheck(options, ctx);
      if (outcome.ok) {
        job.log('info', 'No problems found.');
        return { status: 'succeeded' };
      }
      throw new BorgError({
        code: 'RepositoryDamaged',
        message: `Borg found ${outcome.problems.length} problem(s): ${outcome.problems.slice(0, 3).join('; ')}`,
        remedy:
          'See the job log; restore what you need from a healthy copy, or ask for help before repairing.',
        reason: 'checkFoundProblems',
        params: { count: outcome.problems.length, borgText: outcome.problems.slice(0, 3).join('; ') },
      });
    },
  };
}
