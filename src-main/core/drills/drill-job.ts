/**
 * A restore drill as a job in the repository's lane: find the newest archive (of the plan, or of the
 * repository), list it, restore a sample of its files with real `borg extract` into a temporary
 * folder, compare each with its source, and remove the folder whatever happened. A file that differs
 * from an unchanged source, or one borg did not restore, fails the job and is named in its error.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExtractArgs, runExtract, type ExtractOptions } from '../../borg/commands/extract.js';
import { runListArchives } from '../../borg/commands/list-archives.js';
import { runListContents } from '../../borg/commands/list-contents.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import type { BorgContext } from '../../borg/exec.js';
import { archivePrefix } from '../../model/archive-name.js';
import type { JobTrigger } from '../../model/history.js';
import type { Plan } from '../../model/plan.js';
import { AppError } from '../app-error.js';
import { runningLine } from '../jobs/command-line.js';
import type { JobRunContext, JobSpec } from '../jobs/job-manager.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { ExtractProgressTracker } from '../restore/extract-progress.js';
import { compareRestored, drillResultOf, type FileVerdict } from './drill-compare.js';
import { SampleCollector, type SampleFile } from './sample.js';
import { jobTitle } from '../../model/job-titles.js';

/** Which archive a drill tests: a plan's newest in a repository, or the repository's newest. */
export interface DrillTarget {
  readonly repo: StoredRepository;
  readonly plan?: Plan;
  /** The archive to test when already known (the one a plan run just made). */
  readonly archive?: { readonly name: string; readonly id?: string };
  readonly trigger: JobTrigger;
}

/** What a drill job needs from the core. */
export interface DrillJobDeps {
  readonly repos: Pick<RepositoryService, 'require' | 'contextFor' | 'laneOf'>;
  /** Where the temporary folder goes; os.tmpdir() when absent. */
  readonly tmpDir?: string;
  /** For tests: a seeded random for the sample. */
  readonly random?: () => number;
}

/** The drill job of `target`; validated only when it runs (a scheduled drill records its failure). */
export function drillJob(target: DrillTarget, deps: DrillJobDeps): JobSpec {
  const { repo, plan } = target;
  return {
    kind: 'drill',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...(plan === undefined
      ? jobTitle('drill', { repo: repo.name })
      : jobTitle('plan-drill', { plan: plan.name })),
    trigger: target.trigger,
    ...(plan === undefined ? {} : { planId: plan.id }),
    progress: () => new ExtractProgressTracker(),
    async run(job) {
      const current = deps.repos.require(repo.id);
      const ctx = await deps.repos.contextFor(current, {
        signal: job.signal,
        onEvent: job.onEvent,
        lockWaitSeconds: job.lockWaitSeconds,
        consentedPrompts: job.consentedPrompts,
      });
      const archive = target.archive ?? (await newestArchive(current, plan, ctx));
      job.log('info', `Testing a restore from ${archive.name}.`);
      const collector = new SampleCollector(undefined, deps.random);
      const listing = { location: current.location, archiveName: archive.name, archiveId: archive.id };
      await runListContents(listing, ctx, (item) => collector.accept(item));
      const sample = collector.pick();
      if (sample.length === 0) {
        throw new AppError(
          'NotFound',
          `${archive.name} holds no files to restore.`,
          'Check what the plan backs up, then back up again.',
          { reason: 'holdsFilesRestore', params: { name: archive.name } },
        );
      }
      const options: ExtractOptions = {
        ...listing,
        paths: sample.map((f) => f.path),
        stripComponents: 0,
        cwd: '',
      };
      const checked = await inTempFolder(deps.tmpDir, async (cwd) => {
        job.log('info', runningLine(buildExtractArgs({ ...options, cwd }, capabilitiesOf(ctx)), ctx));
        const outcome = await runExtract({ ...options, cwd }, ctx);
        for (const warning of outcome.warnings) job.log('warning', warning);
        return compareAll(sample, cwd);
      });
      const drillResult = drillResultOf(archive.name, checked);
      report(checked, job);
      const failed = checked.find((f) => f.verdict.kind === 'differs' || f.verdict.kind === 'not-restored');
      if (failed !== undefined) throw failure(failed, checked);
      job.log('info', drillResult.summary);
      return { status: 'succeeded', drillResult };
    },
  };
}

/** The plan's (or the repository's) newest archive; a NotFound AppError when there is none. */
async function newestArchive(
  repo: StoredRepository,
  plan: Plan | undefined,
  ctx: BorgContext,
): Promise<{ name: string; id: string }> {
  const listing = await runListArchives({ location: repo.location }, ctx);
  const prefix = plan === undefined ? '' : archivePrefix(plan);
  const mine = listing.archives.filter((a) => a.name.startsWith(prefix));
  const newest = mine.reduce<(typeof mine)[number] | undefined>(
    (best, a) => (best === undefined || a.start > best.start ? a : best),
    undefined,
  );
  if (newest === undefined) {
    const whose = plan === undefined ? '' : ` of ${plan.name}`;
    throw new AppError('NotFound', `${repo.name} holds no archive${whose} yet.`, 'Run a backup first.', {
      ...(plan === undefined
        ? { reason: 'holdsNoArchive', params: { name: repo.name } }
        : { reason: 'holdsNoArchiveOfPlan', params: { name: repo.name, plan: plan.name } }),
    });
  }
  return newest;
}

interface CheckedFile extends SampleFile {
  readonly verdict: FileVerdict;
}

// Borg writes each archive path below cwd; the source is where it was backed up from ("/" + path).
async function compareAll(sample: readonly SampleFile[], cwd: string): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const file of sample) {
    const verdict = await compareRestored(path.join(cwd, file.path), `/${file.path}`);
    checked.push({ ...file, verdict });
  }
  return checked;
}

// The folder goes even when borg or a comparison fails, or the job is cancelled.
async function inTempFolder<T>(tmpDir: string | undefined, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(tmpDir ?? os.tmpdir(), 'borgdesk-drill-'));
  try {
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const VERDICT_WORDS: Record<FileVerdict['kind'], string> = {
  identical: 'identical',
  'source-changed': 'restored, source changed since',
  differs: 'DIFFERS from the unchanged source',
  'not-restored': 'NOT restored',
};

function report(checked: readonly CheckedFile[], job: JobRunContext): void {
  for (const file of checked) {
    const bad = file.verdict.kind === 'differs' || file.verdict.kind === 'not-restored';
    job.log(bad ? 'error' : 'info', `/${file.path}: ${VERDICT_WORDS[file.verdict.kind]}`);
  }
}

function failure(first: CheckedFile, checked: readonly CheckedFile[]): AppError {
  const bad = checked.filter((f) => f.verdict.kind === 'differs' || f.verdict.kind === 'not-restored');
  const others = bad.length > 1 ? ` (and ${bad.length - 1} more; see the log)` : '';
  const what =
    first.verdict.kind === 'differs'
      ? 'was restored with content that differs from the unchanged source file'
      : 'could not be restored';
  return new AppError(
    'RestoreTestFailed',
    `Restore test failed: /${first.path} ${what}${others}.`,
    'Check the repository (Check repository on its screen, with its archives) and keep the source files until a new backup tests clean.',
    {
      reason:
        first.verdict.kind === 'differs'
          ? bad.length > 1
            ? 'differsAndMore'
            : 'differs'
          : bad.length > 1
            ? 'notRestoredAndMore'
            : 'notRestored',
      params: { path: first.path, more: bad.length - 1 },
    },
  );
}
