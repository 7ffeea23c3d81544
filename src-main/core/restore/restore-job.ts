/**
 * `jobs:start-restore`: checks the request against the archive's index, then queues a job of kind
 * 'restore' that plans again (the disk may have changed while it waited), creates the new folder
 * and runs `borg extract` in it, skipping or overwriting existing files as the user chose.
 */
import { buildExtractArgs, runExtract, type ExtractOptions } from '../../borg/commands/extract.js';
import { archiveRefOf, type ArchiveRef } from '../../model/archive.js';
import type { RestoreRequest, RestoreResult } from '../../model/restore.js';
import { AppError } from '../app-error.js';
import { runningLine } from '../jobs/command-line.js';
import type { JobSpec } from '../jobs/job-manager.js';
import { plural, restoreSummary, warningSummary } from '../jobs/job-summary.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { cancelledSummary, settleCancelledRestore } from './cancelled-restore.js';
import { ExtractProgressTracker } from './extract-progress.js';
import { planRestore, type RestorePlan, type RestoreTree } from './restore-planner.js';
import { createUniqueDir, removeIfEmpty, repositoryDirOf } from './restore-target.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';
import { resultWarnings } from '../../borg/run-observer.js';

/** What restore jobs and previews need from the rest of the core. */
export interface RestoreDeps {
  readonly repos: RepositoryService;
  /** The archive's fully indexed contents (see ArchiveIndexService.tree). */
  readonly tree: (ref: ArchiveRef) => Promise<RestoreTree>;
  readonly now: () => number;
}

/** A restore request with the user's choice for files that already exist. */
export type StartRestoreRequest = RestoreRequest & { readonly onConflict: 'skip' | 'overwrite' };

/** `restore:preview`: the plan for `request`; reads the disk, changes nothing. */
export async function planFor(request: RestoreRequest, deps: RestoreDeps): Promise<RestorePlan> {
  return (await loadAndPlan(request, deps)).plan;
}

async function loadAndPlan(
  request: RestoreRequest,
  deps: RestoreDeps,
): Promise<{ plan: RestorePlan; tree: RestoreTree }> {
  const repo = deps.repos.require(request.repoId);
  await deps.repos.contextFor(repo);
  const tree = await deps.tree({ ...archiveRefOf(request), repoId: repo.id });
  const plan = await planRestore(request, {
    tree,
    now: new Date(deps.now()),
    repositoryDir: await repositoryDirOf(repo.location),
  });
  return { plan, tree };
}

/** Validate `request` (known, unlocked repository; paths in the archive; usable destination) and build its job. */
export async function prepareRestoreJob(request: StartRestoreRequest, deps: RestoreDeps): Promise<JobSpec> {
  const repo = deps.repos.require(request.repoId);
  // Planning now reports bad input at once instead of after the job waited in the queue.
  const { tree, plan } = await loadAndPlan(request, deps);
  if (plan.items.length === 0) {
    throw new AppError(
      'InvalidInput',
      'Nothing would be restored: every selected item sits in the folders to strip.',
      'Strip fewer leading folders.',
      { reason: 'nothingWouldRestoredEvery' },
    );
  }
  return {
    kind: 'restore',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('restore', { archive: request.archiveName }),
    progress: () => new ExtractProgressTracker(),
    async run({ signal, onEvent, log, lockWaitSeconds, consentedPrompts }) {
      const current = deps.repos.require(repo.id);
      const plan = await planRestore(request, {
        tree,
        now: new Date(deps.now()),
        repositoryDir: await repositoryDirOf(current.location),
      });
      const ctx = await deps.repos.contextFor(current, {
        signal,
        onEvent,
        lockWaitSeconds,
        consentedPrompts,
      });
      const targetDir =
        plan.newFolder === undefined
          ? plan.targetDir
          : await createUniqueDir(plan.newFolder.parent, plan.newFolder.baseName);
      const skip = request.onConflict === 'skip' && plan.conflicts.length > 0;
      // A selected file that is itself skipped must not be named to borg too: borg would warn that its
      // include pattern never matched, and a clean restore would end "with warnings".
      const skipped = new Set(skip ? plan.conflicts : []);
      const paths = plan.paths.filter((p) => !skipped.has(p));
      const restoreResult: RestoreResult = {
        targetDir,
        fileCount: plan.fileCount - (skip ? plan.conflictFileCount : 0),
        totalBytes: plan.totalBytes - (skip ? plan.conflictBytes : 0),
        skippedCount: skip ? plan.conflicts.length : 0,
        warnings: [],
      };
      // An empty path list means "the whole archive" to borg, so never run it when all was skipped.
      if (plan.paths.length > 0 && paths.length === 0) {
        log(
          'info',
          `Every selected item already exists and was left unchanged. ${restoreSummary(restoreResult)}`,
        );
        return { status: 'succeeded', restoreResult };
      }
      // What borg names (--list) tells a cancelled run which file may be half-written.
      const listed = new Set<string>();
      let last: string | undefined;
      const options: ExtractOptions = {
        location: current.location,
        archiveName: request.archiveName,
        archiveId: request.archiveId,
        paths,
        cwd: targetDir,
        stripComponents: request.stripComponents,
        ...(skip ? { excludePaths: plan.conflicts } : {}),
        onItem: (item) => {
          listed.add(item);
          last = item;
        },
      };
      log('info', runningLine(buildExtractArgs(options, capabilitiesOf(ctx)), ctx));
      if (skip) {
        // runExtract hands these to borg in a temporary --exclude-from file, not on the command line.
        log(
          'info',
          `Leaving ${plural(plan.conflicts.length, 'existing item')} unchanged (passed to borg with --exclude-from).`,
        );
      } else if (plan.conflicts.length > 0) {
        log('info', `${plural(plan.conflicts.length, 'existing item')} will be replaced.`);
      }
      let outcome: Awaited<ReturnType<typeof runExtract>>;
      // The real clock, not deps.now: it is compared with the file system's timestamps.
      const startedAtMs = Date.now();
      try {
        outcome = await runExtract(options, ctx);
      } catch (e) {
        if (signal.aborted) {
          const settled = await settleCancelledRestore({
            ...{
              targetDir,
              listed,
              last,
              tree,
              paths,
              stripComponents: request.stripComponents,
              startedAtMs,
            },
            freshFolder: plan.newFolder !== undefined,
          });
          if (plan.newFolder !== undefined) await removeIfEmpty(targetDir);
          log('warning', cancelledSummary(settled, targetDir));
          const partial = settled.removedPartial ?? settled.keptPartial?.path;
          const cancelledResult: RestoreResult = {
            ...restoreResult,
            fileCount: settled.restoredFiles,
            totalBytes: settled.restoredBytes,
            ...(partial === undefined
              ? {}
              : { partialFile: { path: partial, removed: settled.removedPartial !== undefined } }),
          };
          return { status: 'cancelled', restoreResult: cancelledResult };
        }
        if (plan.newFolder !== undefined && !(await removeIfEmpty(targetDir)))
          log('warning', `Stopped early: what was restored so far is in ${targetDir}.`);
        throw e;
      }
      const finalResult: RestoreResult = { ...restoreResult, ...resultWarnings(outcome.warnings) };
      log('info', restoreSummary(finalResult));
      const warned = warningSummary(outcome.warnings);
      if (warned !== undefined) log('warning', warned);
      return { status: outcome.exitCode === 1 ? 'warning' : 'succeeded', restoreResult: finalResult };
    },
  };
}
