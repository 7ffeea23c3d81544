/**
 * What a job is made of, as the JobManager (job-manager.ts) and every job kind see it: the spec a
 * caller submits, the context its work runs with, and what a started or finished job hands on.
 */
import type { BorgLogEvent } from '../../borg/log-json.js';
import type { BackupResult, JobKind, JobSnapshot, JobTitleWords, LogEntry } from '../../model/job.js';
import type { JobTrigger } from '../../model/history.js';
import type { RestoreResult } from '../../model/restore.js';
import type { DrillResult } from '../../model/drill.js';
import type { ProgressTracker } from './job-progress.js';

/** What a job's work function receives: cancellation, the sink for borg's events, and the job log. */
export interface JobRunContext {
  readonly signal: AbortSignal;
  readonly onEvent: (event: BorgLogEvent) => void;
  /** Adds a line of Borgdesk's own to the job log (the command line, a closing summary). */
  readonly log: (level: LogEntry['level'], message: string) => void;
  /** Set on a Wait retry after a lock failure: pass it to contextFor so borg waits for the lock. */
  readonly lockWaitSeconds?: number;
  /** Set on the one rerun after the user said yes to borg's question: pass it to contextFor. */
  readonly consentedPrompts?: readonly string[];
  /** Aborted by a second cancel: stops what still runs after the first one (a plan's failure hooks). */
  readonly stopSignal?: AbortSignal;
  /** The job's kept log lines so far (a plan hook gets them as a file). */
  readonly logSoFar?: () => readonly LogEntry[];
}

/** How a job's work ended when it did not throw; each kind fills in its own result. */
export interface JobRunOutcome {
  /** 'cancelled': the work noticed the cancel itself and reports what it had done (a restore). */
  readonly status: 'succeeded' | 'warning' | 'cancelled';
  readonly result?: BackupResult;
  readonly restoreResult?: RestoreResult;
  /** A restore drill: what it restored and compared. */
  readonly drillResult?: DrillResult;
  /** A compact job: about how many bytes borg freed. */
  readonly freedBytes?: number;
}

/** A job to run: what it is, where it queues, and the work itself. */
export interface JobSpec {
  readonly kind: JobKind;
  readonly repoId: string;
  /** Jobs with the same lane run one at a time (the repository location). */
  readonly lane: string;
  readonly title: string;
  /** The title as a code and names, for the renderer (see model/job-titles.ts). */
  readonly titleWords?: JobTitleWords;
  /** Who started the job; 'manual' when absent. */
  readonly trigger?: JobTrigger;
  /** The plan this job runs for; copied onto its snapshots so history can tell plans apart. */
  readonly planId?: string;
  /** Turns this kind's borg events into progress; the default knows backup and step progress. */
  readonly progress?: () => ProgressTracker;
  /**
   * A Wait retry after a lock failure: borg gets `--lock-wait=seconds`, and the running job shows
   * `waitingFor` until borg reports progress (it reports nothing while it waits for the lock).
   */
  readonly lockWait?: {
    readonly seconds: number;
    readonly waitingFor: string;
    readonly waitingWords?: JobSnapshot['waitingWords'];
  };
  /** A retry after the user answered yes to borg's question (its env var): for this run only. */
  readonly consentedPrompt?: string;
  run(ctx: JobRunContext): Promise<JobRunOutcome>;
}

/** A job that reached a final status, with everything its log kept. */
export interface FinishedJob {
  readonly snapshot: JobSnapshot;
  readonly trigger: JobTrigger;
  readonly log: readonly LogEntry[];
}

/** A job that has just started running: its snapshot, trigger, and its log as it grows. */
export interface RunningJob {
  readonly snapshot: JobSnapshot;
  readonly trigger: JobTrigger;
  /** The kept log lines so far (read whenever the observer wants to save them). */
  readonly log: () => readonly LogEntry[];
}
