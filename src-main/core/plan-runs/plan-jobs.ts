/**
 * The jobs one plan run is made of, for one target repository: the backup (between the plan's
 * hooks, plan-hooks.ts), then — when the plan has a retention policy — prune limited to the plan's
 * archives and compact. Each is a JobSpec for the repository's lane.
 */
import { buildCreateArgs, type CreateOptions } from '../../borg/commands/create.js';
import { buildPruneArgs, runPrune } from '../../borg/commands/prune.js';
import { buildCompactArgs, compactSupported, runCompact } from '../../borg/commands/compact.js';
import { type BorgContext } from '../../borg/exec.js';
import type { JobTrigger } from '../../model/history.js';
import { AppError } from '../app-error.js';
import { createInAFreshSecond } from '../jobs/create-in-a-fresh-second.js';
import { borgTimeToIso } from '../borg-time.js';
import type { JobRunContext, JobSpec } from '../jobs/job-manager.js';
import type { ProgressTracker } from '../jobs/job-progress.js';
import { runningLine } from '../jobs/command-line.js';
import { writableJobContext } from '../jobs/writable-context.js';
import { explainDiskFull } from '../jobs/disk-full.js';
import { backupSummary, formatBytes, plural, warningSummary } from '../jobs/job-summary.js';
import { archiveGlob, archiveNameFor } from '../../model/archive-name.js';
import { exclusionFlagArgs } from '../../model/exclude-presets.js';
import { borgPatternArgs } from '../plans/patterns.js';
import { expandHome, planPatternRules } from '../plans/plan.js';
import type { Plan } from '../../model/plan.js';
import { pruneKeepArgs } from '../../model/retention.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import type { BorgVersion } from '../../borg/version.js';
import { runWithPlanHooks } from './plan-hooks.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';
import { resultWarnings } from '../../borg/run-observer.js';

/** What plan jobs need from the rest of the core. */
export interface PlanJobDeps {
  readonly repos: RepositoryService;
  readonly homeDir: string;
  readonly platform: string;
  /** The host's environment: where borg keeps its cache, for the free space a DiskFull names. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  readonly now: () => number;
  readonly assertWritable: (repoId: string) => void;
  readonly borgVersion: () => Promise<BorgVersion | undefined>;
  /** The progress tracker of a plan's backup (with an estimated total for percent and time left). */
  readonly backupProgress?: (plan: Plan, repoId: string) => ProgressTracker;
}

/** The `borg create` options for a plan: its sources, compression, archive name, patterns and flags. */
export function planCreateOptions(
  plan: Plan,
  location: string,
  deps: Pick<PlanJobDeps, 'homeDir' | 'platform'>,
): CreateOptions {
  const rules = planPatternRules(plan, { homeDir: deps.homeDir, platform: deps.platform });
  return {
    location,
    archiveName: archiveNameFor(plan),
    sourcePaths: plan.sourcePaths.map((p) => expandHome(p, deps.homeDir)),
    compression: plan.compression,
    // The plan's flags (exclude caches, .nobackup, one file system) come with its pattern arguments.
    excludeCaches: false,
    excludePatterns: [],
    filterArgs: [...borgPatternArgs(rules), ...exclusionFlagArgs(plan)],
  };
}

/** The backup job of a plan run to `repo`. */
export function planBackupJob(
  plan: Plan,
  repo: StoredRepository,
  trigger: JobTrigger,
  deps: PlanJobDeps,
): JobSpec {
  const { backupProgress } = deps;
  return {
    kind: 'backup',
    repoId: repo.id,
    planId: plan.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('plan-backup', { plan: plan.name, repo: repo.name }),
    trigger,
    ...(backupProgress !== undefined ? { progress: () => backupProgress(plan, repo.id) } : {}),
    async run(job) {
      const hookRun = { plan, repository: repo, env: deps.env };
      // Preparing is part of the hooked run: a repository that cannot be opened still runs the
      // failure and "always" hooks, but never the "before" one.
      const prepare = async () => {
        const { repo: current, ctx } = await writableJobContext(repo.id, job, deps);
        return { current, ctx };
      };
      return runWithPlanHooks(hookRun, job, prepare, async ({ current, ctx }) => {
        const options = planCreateOptions(plan, current.location, deps);
        job.log('info', runningLine(buildCreateArgs(options, capabilitiesOf(ctx)), ctx));
        const run = await createInAFreshSecond(options, ctx, (line) => job.log('info', line)).catch(
          async (e: unknown) => {
            throw await explainDiskFull(e, options, deps.env);
          },
        );
        const { archive } = run;
        job.log('info', backupSummary(archive));
        const warned = warningSummary(run.warnings);
        if (warned !== undefined) job.log('warning', warned);
        const at = borgTimeToIso(archive.end ?? archive.start) ?? new Date(deps.now()).toISOString();
        await deps.repos.recordBackup(repo.id, at);
        const status = run.exitCode === 1 ? 'warning' : 'succeeded';
        return { status, result: { archive, ...resultWarnings(run.warnings) } };
      });
    },
  };
}

/** Prune limited to the plan's archives (`--glob-archives <prefix>-*`). */
export function planPruneJob(
  plan: Plan,
  repo: StoredRepository,
  trigger: JobTrigger,
  deps: PlanJobDeps,
): JobSpec {
  const retention = plan.retention;
  if (retention === undefined)
    throw new AppError('InvalidInput', `${plan.name} has no retention policy.`, undefined, {
      reason: 'retentionPolicy',
      params: { name: plan.name },
    });
  return {
    kind: 'prune',
    repoId: repo.id,
    planId: plan.id,
    lane: deps.repos.laneOf(repo),
    ...jobTitle('plan-prune', { plan: plan.name, repo: repo.name }),
    trigger,
    async run(job) {
      const ctx = await writableContext(repo, job, deps);
      const options = {
        location: ctx.location,
        glob: archiveGlob(plan),
        keep: pruneKeepArgs(retention),
        dryRun: false,
      };
      job.log('info', runningLine(buildPruneArgs(options, capabilitiesOf(ctx.borg)), ctx.borg));
      const outcome = await runPrune(options, ctx.borg);
      job.log(
        'info',
        `Kept ${plural(outcome.kept.length, 'archive')}, pruned ${plural(outcome.pruned.length, 'archive')}.`,
      );
      return { status: outcome.warnings.length > 0 ? 'warning' : 'succeeded' };
    },
  };
}

/**
 * `borg compact` after a prune; logs and succeeds without running where borg has no compact.
 * Given the plan whose prune it follows, it is titled and recorded as part of that plan's run.
 */
export function compactJob(
  repo: StoredRepository,
  trigger: JobTrigger,
  deps: Pick<PlanJobDeps, 'repos' | 'assertWritable' | 'borgVersion'>,
  forPlan?: Pick<Plan, 'id' | 'name'>,
): JobSpec {
  return {
    kind: 'compact',
    repoId: repo.id,
    lane: deps.repos.laneOf(repo),
    ...(forPlan === undefined
      ? jobTitle('compact', { repo: repo.name })
      : jobTitle('plan-compact', { plan: forPlan.name, repo: repo.name })),
    trigger,
    ...(forPlan !== undefined ? { planId: forPlan.id } : {}),
    async run(job) {
      const version = await deps.borgVersion();
      if (version !== undefined && !compactSupported(version)) {
        job.log('info', 'This borg version compacts on every commit; nothing to do.');
        return { status: 'succeeded' };
      }
      const ctx = await writableContext(repo, job, deps);
      job.log(
        'info',
        runningLine(buildCompactArgs({ location: ctx.location }, capabilitiesOf(ctx.borg)), ctx.borg),
      );
      const outcome = await runCompact({ location: ctx.location }, ctx.borg);
      const status = outcome.warnings.length > 0 ? 'warning' : 'succeeded';
      if (outcome.freedBytes === undefined) return { status };
      job.log('info', `Freed about ${formatBytes(outcome.freedBytes)}.`);
      return { status, freedBytes: outcome.freedBytes };
    },
  };
}

async function writableContext(
  repo: StoredRepository,
  job: JobRunContext,
  deps: Pick<PlanJobDeps, 'repos' | 'assertWritable'>,
): Promise<{ location: string; borg: BorgContext }> {
  const { repo: current, ctx } = await writableJobContext(repo.id, job, deps);
  return { location: current.location, borg: ctx };
}
