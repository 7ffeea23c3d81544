/**
 * Runs plans: a run of one target queues its backup job and, after a successful backup of a plan
 * with a retention policy, prune then compact. The scheduler calls in through `runScheduled`; the
 * user through `runNow`. Runs are reported back to the scheduler (started / finished / skipped
 * because the repository is absent) and their times persisted in the PlanStore.
 */
import type { JobTrigger } from '../../model/history.js';
import { AppError } from '../app-error.js';
import type { FinishedJob, JobManager, JobSpec, RunningJob } from '../jobs/job-manager.js';
import type { Plan } from '../../model/plan.js';
import { isLocalAndAbsent } from '../repositories/location.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import { compactJob, planBackupJob, planPruneJob, type PlanJobDeps } from './plan-jobs.js';
import { planRunResult, type PlanRunReport, type PlanRunStart } from './plan-run-report.js';
import { targetKey, type PlanStore } from './plan-store.js';
import { log } from '../logging/log.js';

/** The scheduler calls a runner needs (a subset of Scheduler). */
export interface RunReporter {
  markStarted(id: string): void;
  markFinished(id: string, outcome: { ok: boolean; at: number }): void;
  skipQuietly(id: string, retryWhen: 'target-appears'): void;
}

interface PendingStep {
  readonly plan: Plan;
  readonly repo: StoredRepository;
  readonly trigger: JobTrigger;
  readonly step: 'backup' | 'prune' | 'compact';
  /** Set once the backup job starts running. */
  readonly start?: PlanRunStart;
  /** The run's jobs that have finished so far (backup first). */
  readonly done: readonly FinishedJob[];
}

/** Queues plan runs and follows their jobs to the end of the chain. */
export class PlanRunner {
  private readonly pending = new Map<string, PendingStep>();
  private reporter: RunReporter | undefined;

  constructor(
    private readonly deps: PlanJobDeps & {
      readonly store: PlanStore;
      readonly jobs: JobManager;
      readonly onRunsChanged: () => void;
      /** A plan run's backup started running (hooks, start pings). */
      readonly onRunStarted?: (start: PlanRunStart) => void;
      /** A plan run ended with its last job (monitoring, metrics, indexing, drills). */
      readonly onRunFinished?: (report: PlanRunReport) => void;
    },
  ) {}

  /** Set once the scheduler exists (it needs the runner for onDue). */
  attach(reporter: RunReporter): void {
    this.reporter = reporter;
  }

  /** Back up now: every target of the plan, or one. Returns the backup job ids. */
  runNow(planId: string, repoId?: string): string[] {
    const plan = this.requirePlan(planId);
    if (plan.targets.length === 0) {
      throw new AppError(
        'InvalidInput',
        `The plan “${plan.name}” has no destination: its repository was removed from Borgdesk.`,
        'Edit the plan and choose a repository to back up to.',
        { reason: 'planDestinationRepositoryRemoved', params: { name: plan.name } },
      );
    }
    const targets = plan.targets.filter((t) => repoId === undefined || t.repoId === repoId);
    if (targets.length === 0)
      throw new AppError('NotFound', 'That repository is not a target of this plan.', undefined, {
        reason: 'repositoryTargetPlan',
      });
    return targets.map((t) => {
      const repo = this.deps.repos.require(t.repoId);
      if (isLocalAndAbsent(repo.location)) {
        throw new AppError(
          'NotFound',
          `${repo.name} is not reachable at ${repo.location}.`,
          'Connect the drive that holds it, then try again.',
          { reason: 'reachable', params: { name: repo.name, location: repo.location } },
        );
      }
      this.deps.assertWritable(repo.id);
      return this.start(plan, repo, 'manual');
    });
  }

  /** The scheduler says target `id` is due. Never throws: failures are reported as a failed run. */
  runScheduled(planId: string, repoId: string): void {
    const id = targetKey(planId, repoId);
    try {
      const plan = this.requirePlan(planId);
      const repo = this.deps.repos.require(repoId);
      // An absent drive is not a failure: wait quietly until it appears.
      if (isLocalAndAbsent(repo.location)) {
        this.reporter?.skipQuietly(id, 'target-appears');
        this.deps.onRunsChanged();
        return;
      }
      this.start(plan, repo, 'schedule');
    } catch (e) {
      log.warn(`scheduled run of ${id} could not start`, e instanceof Error ? e.message : e);
      const at = this.deps.now();
      this.reporter?.markFinished(id, { ok: false, at });
      void this.deps.store.noteState(id, { lastAttemptAt: at }).catch(logStateWriteFailure);
      this.deps.onRunsChanged();
    }
  }

  /** Feed every job that starts running here: a plan run's backup starting is reported. */
  onJobStarted(job: RunningJob): void {
    const step = this.pending.get(job.snapshot.id);
    if (step === undefined || step.step !== 'backup') return;
    const start: PlanRunStart = {
      plan: step.plan,
      repo: step.repo,
      trigger: step.trigger,
      backupJobId: job.snapshot.id,
      startedAt: Date.parse(job.snapshot.startedAt ?? '') || this.deps.now(),
    };
    this.pending.set(job.snapshot.id, { ...step, start });
    this.deps.onRunStarted?.(start);
  }

  /** Feed every finished job here; continues or closes the chain of a plan run. */
  onJobFinished(job: FinishedJob): void {
    const found = this.pending.get(job.snapshot.id);
    if (found === undefined) return;
    this.pending.delete(job.snapshot.id);
    const step: PendingStep = { ...found, done: [...found.done, job] };
    const ok = job.snapshot.status === 'succeeded' || job.snapshot.status === 'warning';
    const continues =
      ok && (step.step === 'backup' ? step.plan.retention !== undefined : step.step === 'prune');
    if (!continues) this.reportFinished(step);
    if (step.step === 'backup') {
      const id = targetKey(step.plan.id, step.repo.id);
      const at = this.deps.now();
      this.reporter?.markFinished(id, { ok, at });
      void this.deps.store
        .noteState(id, ok ? { lastRunAt: at } : {})
        .catch(logStateWriteFailure)
        .finally(() => this.deps.onRunsChanged());
      if (ok && step.plan.retention !== undefined) {
        this.follow(step, 'prune', () => planPruneJob(step.plan, step.repo, step.trigger, this.deps));
      }
    } else if (step.step === 'prune' && ok) {
      this.follow(step, 'compact', () => compactJob(step.repo, step.trigger, this.deps, step.plan));
    }
  }

  private reportFinished(step: PendingStep): void {
    const backup = step.done[0];
    if (backup === undefined || this.deps.onRunFinished === undefined) return;
    const last = step.done[step.done.length - 1] ?? backup;
    // A backup cancelled while queued never started: its run starts and ends at once.
    const startedAt =
      step.start?.startedAt ?? (Date.parse(backup.snapshot.startedAt ?? '') || this.deps.now());
    const error = step.done.find((j) => j.snapshot.error !== undefined)?.snapshot.error;
    const archive = backup.snapshot.result?.archive;
    this.deps.onRunFinished({
      plan: step.plan,
      repo: step.repo,
      trigger: step.trigger,
      backupJobId: backup.snapshot.id,
      startedAt,
      result: planRunResult(step.done),
      finishedAt: Date.parse(last.snapshot.finishedAt ?? '') || this.deps.now(),
      backup,
      followUps: step.done.slice(1),
      ...(archive !== undefined ? { archive } : {}),
      ...(error !== undefined ? { error } : {}),
    });
  }

  private start(plan: Plan, repo: StoredRepository, trigger: JobTrigger): string {
    const id = targetKey(plan.id, repo.id);
    const snapshot = this.deps.jobs.submit(planBackupJob(plan, repo, trigger, this.deps));
    this.pending.set(snapshot.id, { plan, repo, trigger, step: 'backup', done: [] });
    this.reporter?.markStarted(id);
    void this.deps.store.noteState(id, { lastAttemptAt: this.deps.now() }).catch(logStateWriteFailure);
    this.deps.onRunsChanged();
    return snapshot.id;
  }

  private follow(step: PendingStep, next: 'prune' | 'compact', build: () => JobSpec): void {
    try {
      const snapshot = this.deps.jobs.submit(build());
      this.pending.set(snapshot.id, { ...step, step: next });
    } catch (e) {
      // Shutting down: the next step simply does not run, and the run ends here.
      this.reportFinished(step);
      log.warn(`could not queue ${next} for ${step.plan.name}`, e instanceof Error ? e.message : e);
    }
  }

  private requirePlan(planId: string): Plan {
    const plan = this.deps.store.get(planId);
    if (plan === undefined)
      throw new AppError('NotFound', 'That plan no longer exists.', 'Reload the plan list.', {
        reason: 'planGoneReloadList',
      });
    return plan;
  }
}

// A failed state save (disk full) must not end the host; the Needs attention card names the cause.
function logStateWriteFailure(e: unknown): void {
  log.warn('could not save the plan run state', e instanceof Error ? e.message : e);
}
