/**
 * `jobs:start-backup`: checks the request, then queues a job that runs `borg create` in the
 * repository's lane and records the new archive's time on success.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { archiveNameProblem } from '../../model/archive-name-syntax.js';
import { inputProblemEnglish } from '../../model/input-problems.js';
import { buildCreateArgs, type CreateOptions } from '../../borg/commands/create.js';
import type { BackupRequest } from '../../model/job.js';
import { AppError } from '../app-error.js';
import { borgTimeToIso } from '../borg-time.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { runningLine } from './command-line.js';
import { createInAFreshSecond } from './create-in-a-fresh-second.js';
import { explainDiskFull } from './disk-full.js';
import type { JobSpec } from './job-manager.js';
import { backupSummary, warningSummary } from './job-summary.js';
import { JobProgressTracker } from './job-progress.js';
import { preWalkFeed } from './pre-walk.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';
import { resultWarnings } from '../../borg/run-observer.js';

/** What a backup job needs from the rest of the core. */
export interface BackupJobDeps {
  readonly repos: RepositoryService;
  readonly homeDir: string;
  /** The host's environment: where borg keeps its cache, for the free space a DiskFull names. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  readonly now: () => number;
  /** Throws when borg could not take the repository's exclusive lock now (e.g. it is mounted). */
  readonly assertWritable?: (repoId: string) => void;
}

/** The `borg create` options for a request against the repository at `location`. */
export function buildCreateOptions(request: BackupRequest, location: string, homeDir: string): CreateOptions {
  return {
    location,
    archiveName: request.archiveName.trim(),
    sourcePaths: request.sourcePaths.map((p) => expandHome(p.trim(), homeDir)),
    compression: request.compression,
    excludeCaches: request.excludeCaches,
    excludePatterns: request.excludePatterns.map((p) => p.trim()).filter((p) => p !== ''),
  };
}

function expandHome(p: string, homeDir: string): string {
  if (p === '~') return homeDir;
  if (p.startsWith('~/')) return path.join(homeDir, p.slice(2));
  return path.resolve(homeDir, p);
}

/** Validate `request` (repository known and unlocked, sources exist) and build its job. */
export async function prepareBackupJob(request: BackupRequest, deps: BackupJobDeps): Promise<JobSpec> {
  const repo = deps.repos.require(request.repoId);
  deps.assertWritable?.(repo.id);
  // Fail now, with a clear message, rather than after the job waited in the queue.
  await deps.repos.contextFor(repo);
  if (request.archiveName.trim() === '') {
    throw new AppError('InvalidInput', 'Give the archive a name.', 'For example {hostname}-{now}.', {
      reason: 'giveArchiveName',
    });
  }
  const nameProblem = archiveNameProblem(request.archiveName.trim());
  if (nameProblem !== undefined) {
    // The reason is the problem's code: the UI has words for each.
    throw new AppError('InvalidInput', inputProblemEnglish(nameProblem), 'Choose another archive name.', {
      reason: nameProblem.code,
      ...(nameProblem.params === undefined ? {} : { params: { ...nameProblem.params } }),
    });
  }
  const options = buildCreateOptions(request, repo.location, deps.homeDir);
  await Promise.all(options.sourcePaths.map(requireExisting));
  return {
    kind: 'backup',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('backup', { repo: repo.name }),
    // A one-off backup has no earlier run to go by: a quick count of its folders estimates instead.
    progress: () =>
      new JobProgressTracker({
        estimate: preWalkFeed({
          sourcePaths: options.sourcePaths,
          rules: { excludes: options.excludePatterns, patterns: [] },
          flags: { excludeCaches: options.excludeCaches, excludeIfPresent: [], oneFileSystem: false },
        }),
      }),
    async run({ signal, onEvent, log, lockWaitSeconds, consentedPrompts }) {
      // Look again: the repository may have been removed, locked or mounted while the job waited.
      const current = deps.repos.require(repo.id);
      deps.assertWritable?.(repo.id);
      const ctx = await deps.repos.contextFor(current, {
        signal,
        onEvent,
        lockWaitSeconds,
        consentedPrompts,
      });
      const createOptions = { ...options, location: current.location };
      log('info', runningLine(buildCreateArgs(createOptions, capabilitiesOf(ctx)), ctx));
      const outcome = await createInAFreshSecond(createOptions, ctx, (line) => log('info', line)).catch(
        async (e: unknown) => {
          throw await explainDiskFull(e, createOptions, deps.env);
        },
      );
      log('info', backupSummary(outcome.archive));
      const warned = warningSummary(outcome.warnings);
      if (warned !== undefined) log('warning', warned);
      const finishedAt =
        borgTimeToIso(outcome.archive.end ?? outcome.archive.start) ?? new Date(deps.now()).toISOString();
      await deps.repos.recordBackup(repo.id, finishedAt);
      return {
        status: outcome.exitCode === 1 ? 'warning' : 'succeeded',
        result: { archive: outcome.archive, ...resultWarnings(outcome.warnings) },
      };
    },
  };
}

async function requireExisting(source: string): Promise<void> {
  try {
    await fs.stat(source);
  } catch {
    throw new AppError(
      'InvalidInput',
      `${source} does not exist or cannot be read.`,
      'Remove it from the folders to back up.',
      { reason: 'existRead', params: { source } },
    );
  }
}
