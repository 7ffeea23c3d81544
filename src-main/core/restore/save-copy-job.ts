/**
 * `jobs:save-copy` ("Save a copy as…"): restores one file to an exact path. Borg extracts it into a
 * private folder next to the target (same file system, so the final move is a rename), stripping
 * every leading folder; the file then takes its place only if nothing appeared there meanwhile.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildExtractArgs, runExtract, type ExtractOptions } from '../../borg/commands/extract.js';
import { archiveRefOf, type ArchiveRef } from '../../model/archive.js';
import type { RestoreResult } from '../../model/restore.js';
import { AppError } from '../app-error.js';
import { runningLine } from '../jobs/command-line.js';
import type { JobSpec } from '../jobs/job-manager.js';
import { restoreSummary, warningSummary } from '../jobs/job-summary.js';
import { ExtractProgressTracker } from './extract-progress.js';
import { normalizeArchivePath, isInside } from './restore-paths.js';
import type { RestoreDeps } from './restore-job.js';
import { realpathOr } from './restore-planner.js';
import { placeWithoutClobbering, repositoryDirOf, targetExists } from './restore-target.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';
import { resultWarnings } from '../../borg/run-observer.js';

/** One archive file and where its copy goes. */
export type SaveCopyRequest = ArchiveRef & { readonly path: string; readonly targetPath: string };

/** Validate the request (a file in the archive; a free target in an existing folder) and build its job. */
export async function prepareSaveCopyJob(request: SaveCopyRequest, deps: RestoreDeps): Promise<JobSpec> {
  const repo = deps.repos.require(request.repoId);
  await deps.repos.contextFor(repo);
  const archivePath = normalizeArchivePath(request.path);
  const tree = await deps.tree({ ...archiveRefOf(request), repoId: repo.id });
  const entry = tree.lookup(archivePath);
  if (entry === undefined) {
    throw new AppError(
      'InvalidInput',
      `"${archivePath}" is not in archive ${request.archiveName}.`,
      'Reload the archive.',
      { reason: 'saveCopyPathNotInArchive', params: { archivePath, archiveName: request.archiveName } },
    );
  }
  if (entry.type === 'directory') {
    throw new AppError('InvalidInput', `${entry.name} is a folder.`, 'Use Restore to copy a folder.', {
      reason: 'folder',
      params: { name: entry.name },
    });
  }
  if (entry.ambiguous === true) {
    throw new AppError(
      'InvalidInput',
      `${entry.name} cannot be saved on its own: borg shows another item in its folder under the same name (each "?" stands for a character that is not valid UTF-8).`,
      'Restore its folder instead, which brings back each item under its real name, or mount the archive.',
      { reason: 'savedBorgShowsAnother', params: { name: entry.name } },
    );
  }
  const target = await checkTarget(request.targetPath, await repositoryDirOf(repo.location));
  return {
    kind: 'restore',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('save-copy', { name: entry.name }),
    progress: () => new ExtractProgressTracker(),
    async run({ signal, onEvent, log, lockWaitSeconds, consentedPrompts }) {
      const current = deps.repos.require(repo.id);
      await checkTarget(target, await repositoryDirOf(current.location));
      const ctx = await deps.repos.contextFor(current, {
        signal,
        onEvent,
        lockWaitSeconds,
        consentedPrompts,
      });
      const scratch = await fs.mkdtemp(path.join(path.dirname(target), '.borgdesk-save-'));
      try {
        const options: ExtractOptions = {
          location: current.location,
          archiveName: request.archiveName,
          archiveId: request.archiveId,
          paths: [archivePath],
          cwd: scratch,
          stripComponents: archivePath.split('/').length - 1,
        };
        log('info', runningLine(buildExtractArgs(options, capabilitiesOf(ctx)), ctx));
        const outcome = await runExtract(options, ctx);
        // The one file borg wrote, under its real name: a "?" in the listed name may be a byte that
        // is not UTF-8, so the name is read (and used) as bytes.
        const [written] = await fs.readdir(scratch, { encoding: 'buffer' });
        const source =
          written === undefined
            ? path.join(scratch, path.posix.basename(archivePath))
            : Buffer.concat([Buffer.from(`${scratch}${path.sep}`), written]);
        await placeWithoutClobbering(source, target);
        const restoreResult: RestoreResult = {
          targetDir: path.dirname(target),
          fileCount: 1,
          totalBytes: entry.size,
          skippedCount: 0,
          ...resultWarnings(outcome.warnings),
        };
        log('info', `Saved ${archivePath} as ${target}.`);
        log('info', restoreSummary(restoreResult));
        const warned = warningSummary(outcome.warnings);
        if (warned !== undefined) log('warning', warned);
        return { status: outcome.exitCode === 1 ? 'warning' : 'succeeded', restoreResult };
      } finally {
        // The scratch folder is ours alone; whatever borg left in it goes.
        await fs.rm(scratch, { recursive: true, force: true });
      }
    },
  };
}

// The copy goes to an absolute path in an existing folder, outside the repository, and never over a file.
async function checkTarget(raw: string, repositoryDir: string | undefined): Promise<string> {
  if (!path.isAbsolute(raw)) {
    throw new AppError('InvalidInput', `${raw} is not a full path.`, 'Choose where to save the copy.', {
      reason: 'saveCopyTargetNotFullPath',
      params: { raw },
    });
  }
  const target = path.resolve(raw);
  const parent = path.dirname(target);
  const parentStat = await fs.stat(parent).catch(() => undefined);
  if (parentStat?.isDirectory() !== true) {
    throw new AppError('InvalidInput', `The folder ${parent} does not exist.`, 'Choose an existing folder.', {
      reason: 'saveCopyFolderMissing',
      params: { parent },
    });
  }
  if (
    repositoryDir !== undefined &&
    isInside(path.join(await realpathOr(parent), path.basename(target)), repositoryDir)
  ) {
    throw new AppError(
      'InvalidInput',
      'That would save the file inside the repository folder.',
      'Choose another folder.',
      { reason: 'wouldSaveFileInside' },
    );
  }
  if (
    await fs.lstat(target).then(
      () => true,
      () => false,
    )
  )
    throw targetExists(target);
  return target;
}
