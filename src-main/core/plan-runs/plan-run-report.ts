/**
 * What a plan run to one repository was, as the services that follow plan runs see it (hooks,
 * monitoring pings and webhooks, the metrics textfile, background indexing, restore drills): who,
 * where, when, and how it ended. A run is the backup job and, after a successful backup of a plan with
 * a retention policy, its prune and compact; the run ends with the last of them.
 */
import type { ArchiveSummary } from '../../model/archive.js';
import type { SerializedError } from '../../model/errors.js';
import type { JobTrigger } from '../../model/history.js';
import type { Plan } from '../../model/plan.js';
import type { FinishedJob } from '../jobs/job-manager.js';
import type { StoredRepository } from '../repositories/repository-registry.js';

/** How a plan run ended, in the words hooks and monitoring receive (BORGDESK_RESULT and friends). */
export type PlanRunResult = 'succeeded' | 'warnings' | 'failed' | 'cancelled';

/** A plan run whose backup job has just started running (not merely queued). */
export interface PlanRunStart {
  readonly plan: Plan;
  readonly repo: StoredRepository;
  readonly trigger: JobTrigger;
  /** The backup job's id: also the id of its history entry and log. */
  readonly backupJobId: string;
  /** Epoch ms the backup started running. */
  readonly startedAt: number;
}

/** A plan run that ended: its backup and the prune/compact that followed it. */
export interface PlanRunReport extends PlanRunStart {
  readonly result: PlanRunResult;
  /** Epoch ms the last job of the run ended. */
  readonly finishedAt: number;
  readonly backup: FinishedJob;
  /** Prune and compact after the backup, in order; empty without retention or after a failed backup. */
  readonly followUps: readonly FinishedJob[];
  /** The archive the backup made (absent when it failed or was cancelled). */
  readonly archive?: ArchiveSummary;
  /** The first error of the run (the backup's, or a prune's or compact's after a good backup). */
  readonly error?: SerializedError;
}

/** The result of a run from the final statuses of its jobs: the worst one counts. */
export function planRunResult(jobs: readonly FinishedJob[]): PlanRunResult {
  const statuses = jobs.map((j) => j.snapshot.status);
  if (statuses.includes('cancelled')) return 'cancelled';
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('warning')) return 'warnings';
  return 'succeeded';
}
