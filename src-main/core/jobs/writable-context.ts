/**
 * The start of every job that writes to a repository: the repository as it is now (it may have been
 * edited since the job was queued), refused while it is mounted (borg cannot take its exclusive lock),
 * and a BorgContext carrying the job's cancellation, event sink, lock wait and consented prompts.
 */
import type { BorgContext } from '../../borg/exec.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import type { JobRunContext } from './job-manager.js';

/** What `writableJobContext` needs from the core. */
export interface WritableJobDeps {
  readonly repos: RepositoryService;
  readonly assertWritable: (repoId: string) => void;
}

/** The repository `repoId` as stored now and the borg context a writing job runs it with. */
export async function writableJobContext(
  repoId: string,
  job: JobRunContext,
  deps: WritableJobDeps,
): Promise<{ readonly repo: StoredRepository; readonly ctx: BorgContext }> {
  const repo = deps.repos.require(repoId);
  deps.assertWritable(repoId);
  const ctx = await deps.repos.contextFor(repo, {
    signal: job.signal,
    onEvent: job.onEvent,
    lockWaitSeconds: job.lockWaitSeconds,
    consentedPrompts: job.consentedPrompts,
  });
  return { repo, ctx };
}
