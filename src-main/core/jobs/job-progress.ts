/**
 * Reduces a job's borg events to progress: `archive_progress` feeds the transfer sampler (backup
 * progress), and with an estimate the percent and time left; `progress_message` /
 * `progress_percent` become step progress (cache sync, commit). A heartbeat (`tick`) notices a
 * backup whose counters stopped moving, since then borg sends nothing that could say so.
 */
import type { BorgLogEvent } from '../../borg/log-json.js';
import type { BackupProgress, JobProgress } from '../../model/job.js';
import { BackupEstimator, type BackupEstimatorOptions, type EstimateFeed } from './backup-estimate.js';
import { TransferSampler } from './transfer-sampler.js';

type StepProgress = Extract<JobProgress, { kind: 'step' }>;

/**
 * What the throttle holds between deliveries. Backup progress is rendered only when delivered,
 * because its graph sample covers the time since the previous delivery.
 */
export type ProgressUpdate = { readonly kind: 'backup' } | StepProgress;

/** Reduces one job's borg events to progress; each job kind may bring its own (see JobSpec.progress). */
export interface ProgressTracker {
  /** Take in one event; returns an update to offer the throttle, or undefined if it changes nothing. */
  accept(event: BorgLogEvent, elapsedMs: number): ProgressUpdate | undefined;
  /** The progress value to publish for a delivered update. */
  render(update: ProgressUpdate): JobProgress;
  /** Called on the job's heartbeat while it runs, even when borg is silent; may offer an update. */
  tick?(elapsedMs: number): ProgressUpdate | undefined;
  /** The job started running (work that helps the progress, such as a walk of the sources, may begin). */
  start?(): void;
  /** The job ended: stop that work. */
  stop?(): void;
}

/** Options of a JobProgressTracker; without any it reports counters and steps only. */
export interface JobProgressTrackerOptions {
  /** The backup's estimated total, for percent and time left. */
  readonly estimate?: EstimateFeed;
  readonly estimator?: BackupEstimatorOptions;
  /** How long the counters must stand still before the backup counts as stalled (2 minutes). */
  readonly stallAfterMs?: number;
}

/** Per-job progress state for backups and other commands that report steps. */
export class JobProgressTracker implements ProgressTracker {
  private readonly sampler = new TransferSampler();
  private readonly stallAfterMs: number;
  private backupStarted = false;
  private estimator: BackupEstimator | undefined;
  private counters = { originalSize: -1, fileCount: -1 };
  private lastMoveMs = 0;
  private latestMs = 0;

  constructor(private readonly options: JobProgressTrackerOptions = {}) {
    this.stallAfterMs = options.stallAfterMs ?? 120_000;
  }

  /** Begin what the estimate needs (a walk of the sources) once the job runs, not while it waits. */
  start(): void {
    this.options.estimate?.start?.();
  }

  /** Stop that work: the job is over. */
  stop(): void {
    this.options.estimate?.stop?.();
  }

  /** Take in one event; returns an update to offer the throttle, or undefined if it changes nothing. */
  accept(event: BorgLogEvent, elapsedMs: number): ProgressUpdate | undefined {
    switch (event.type) {
      case 'archive_progress':
        // Borg's closing event carries no counters; the last real values stay on screen.
        if (event.finished === true) return undefined;
        this.sampler.record(event, elapsedMs);
        this.noteCounters(
          event.originalSize ?? this.counters.originalSize,
          event.nfiles ?? this.counters.fileCount,
          elapsedMs,
        );
        this.backupStarted = true;
        return { kind: 'backup' };
      case 'progress_message':
      case 'progress_percent': {
        // Once files are flowing, the final "saving cache" steps would hide the totals the user watches.
        if (this.backupStarted || event.finished || event.message === undefined || event.message === '') {
          return undefined;
        }
        const step: StepProgress = { kind: 'step', message: event.message, elapsedMs };
        if (event.words !== undefined) step.words = event.words;
        if (event.type === 'progress_percent' && event.total !== undefined && event.total > 0) {
          step.percent = Math.min(100, Math.max(0, ((event.current ?? 0) / event.total) * 100));
        }
        return step;
      }
      default:
        return undefined;
    }
  }

  /**
   * On the heartbeat: while the counters stand still long enough, an update that says so (and lets
   * the graph show the silence); nothing while they move, since borg's own events carry those.
   */
  tick(elapsedMs: number): ProgressUpdate | undefined {
    if (!this.backupStarted || elapsedMs - this.lastMoveMs < this.stallAfterMs) return undefined;
    this.sampler.record({}, elapsedMs);
    this.latestMs = elapsedMs;
    return { kind: 'backup' };
  }

  /** The progress value to publish for a delivered update. */
  render(update: ProgressUpdate): JobProgress {
    if (update.kind !== 'backup') return update;
    const progress = this.sampler.deliver();
    return { ...progress, ...this.estimateFields(progress), ...this.stallFields() };
  }

  private noteCounters(originalSize: number, fileCount: number, elapsedMs: number): void {
    const { counters } = this;
    if (originalSize !== counters.originalSize || fileCount !== counters.fileCount)
      this.lastMoveMs = elapsedMs;
    this.counters = { originalSize, fileCount };
    this.latestMs = elapsedMs;
  }

  private stallFields(): Pick<BackupProgress, 'stalledForMs'> {
    const still = this.latestMs - this.lastMoveMs;
    return this.backupStarted && still >= this.stallAfterMs ? { stalledForMs: still } : {};
  }

  private estimateFields(progress: BackupProgress): Partial<BackupProgress> {
    const estimate = this.options.estimate?.current();
    if (!BackupEstimator.usable(estimate)) return {};
    this.estimator ??= new BackupEstimator(estimate, this.options.estimator);
    const reading = this.estimator.read(progress, progress.elapsedMs);
    const stalled = this.latestMs - this.lastMoveMs >= this.stallAfterMs;
    // While nothing moves the time left means nothing; the stall line says what is going on.
    const { etaSeconds, ...rest } = reading;
    return {
      estimateSource: estimate.source,
      estimatedSize: estimate.originalSize,
      estimatedFileCount: estimate.fileCount,
      ...rest,
      ...(etaSeconds === undefined || stalled ? {} : { etaSeconds }),
    };
  }
}
