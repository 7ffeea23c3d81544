/**
 * Reduces a job's borg events to progress: `archive_progress` feeds the transfer sampler (backup
 * progress); `progress_message` / `progress_percent` become step progress (cache sync, commit).
 */
import type { BorgLogEvent } from '../../borg/log-json.js';
import type { JobProgress } from '../../model/job.js';
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
}

/** Per-job progress state for backups and other commands that report steps. */
export class JobProgressTracker implements ProgressTracker {
  private readonly sampler = new TransferSampler();
  private backupStarted = false;

  /** Take in one event; returns an update to offer the throttle, or undefined if it changes nothing. */
  accept(event: BorgLogEvent, elapsedMs: number): ProgressUpdate | undefined {
    switch (event.type) {
      case 'archive_progress':
        // Borg's closing event carries no counters; the last real values stay on screen.
        if (event.finished === true) return undefined;
        this.sampler.record(event, elapsedMs);
        this.backupStarted = true;
        return { kind: 'backup' };
      case 'progress_message':
      case 'progress_percent': {
        // Once files are flowing, the final "saving cache" steps would hide the totals the user watches.
        if (this.backupStarted || event.finished || event.message === undefined || event.message === '') {
          return undefined;
        }
        const step: StepProgress = { kind: 'step', message: event.message, elapsedMs };
        if (event.type === 'progress_percent' && event.total !== undefined && event.total > 0) {
          step.percent = Math.min(100, Math.max(0, ((event.current ?? 0) / event.total) * 100));
        }
        return step;
      }
      default:
        return undefined;
    }
  }

  /** The progress value to publish for a delivered update. */
  render(update: ProgressUpdate): JobProgress {
    return update.kind === 'backup' ? this.sampler.deliver() : update;
  }
}
