/**
 * `borg repo-compress` as a job in the repository's lane (borg 2): every chunk gets the chosen
 * compression. Refused while the repository is mounted, like every writing job.
 */
import { buildRepoCompressArgs, runRepoCompress } from '../../borg/commands/repo-compress.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import type { Compression } from '../../model/compression.js';
import { formatBytes } from '../jobs/job-summary.js';
import { runningLine } from '../jobs/command-line.js';
import { writableJobContext } from '../jobs/writable-context.js';
import type { JobSpec } from '../jobs/job-manager.js';
import type { MaintenanceDeps } from './maintenance-jobs.js';
import { jobTitle } from '../../model/job-titles.js';

/** A recompress job for `repoId`; validated (repository known, unlocked, unmounted, borg 2) now. */
export async function recompressJob(
  repoId: string,
  compression: Compression,
  deps: MaintenanceDeps,
): Promise<JobSpec> {
  const repo = deps.repos.require(repoId);
  deps.assertWritable(repo.id);
  // Fails now, with the reason, for a borg without repo-compress.
  buildRepoCompressArgs(
    { location: repo.location, compression },
    capabilitiesOf(await deps.repos.contextFor(repo)),
  );
  return {
    kind: 'recompress',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('recompress', { repo: repo.name, compression }),
    async run(job) {
      const { repo: current, ctx } = await writableJobContext(repo.id, job, deps);
      const options = { location: current.location, compression };
      job.log('info', runningLine(buildRepoCompressArgs(options, capabilitiesOf(ctx)), ctx));
      const outcome = await runRepoCompress(options, ctx);
      for (const line of outcome.stats) job.log('info', line);
      if (outcome.sizes !== undefined) {
        const { before, after } = outcome.sizes;
        job.log('info', `The chunks took ${formatBytes(before)} and now take ${formatBytes(after)}.`);
      }
      return { status: outcome.warnings.length > 0 ? 'warning' : 'succeeded' };
    },
  };
}
