/**
 * Progress of `borg extract --progress`: borg reports `progress_percent` events with msgid
 * "extract", `current`/`total` in bytes and the file being written in `info[0]` (borg 1.2.4
 * observed). They become step progress with bytes, the current file and a time estimate.
 */
import type { BorgLogEvent } from '../../borg/log-json.js';
import type { JobProgress } from '../../model/job.js';
import type { ProgressTracker, ProgressUpdate } from '../jobs/job-progress.js';
import { stepMessage } from '../../model/step-words.js';

type StepProgress = Extract<JobProgress, { kind: 'step' }>;

/** An estimate needs a little history: the first seconds mix in startup and the size calculation. */
export const ETA_MIN_ELAPSED_MS = 2_000;

/** Extract progress for restore jobs. */
export class ExtractProgressTracker implements ProgressTracker {
  private first: { readonly elapsedMs: number; readonly bytes: number } | undefined;

  /** Take in one event; step progress for extract (and any other progress message). */
  accept(event: BorgLogEvent, elapsedMs: number): ProgressUpdate | undefined {
    if (event.type !== 'progress_percent' && event.type !== 'progress_message') return undefined;
    if (event.finished) return undefined;
    const total = event.type === 'progress_percent' ? (event.total ?? 0) : 0;
    if (event.type !== 'progress_percent' || event.msgid !== 'extract' || total <= 0) {
      // Before the first file borg says what it is doing ("Calculating total archive size…").
      if (event.message === undefined || event.message === '') return undefined;
      return {
        kind: 'step',
        message: event.message,
        ...(event.words !== undefined ? { words: event.words } : {}),
        elapsedMs,
      };
    }
    const bytesDone = Math.min(total, Math.max(0, event.current ?? 0));
    this.first ??= { elapsedMs, bytes: bytesDone };
    const step: StepProgress = {
      kind: 'step',
      ...stepMessage({ code: 'restoring-files' }),
      percent: (bytesDone / total) * 100,
      elapsedMs,
      bytesDone,
      bytesTotal: total,
    };
    const currentPath = event.info?.[0];
    if (currentPath !== undefined) step.currentPath = currentPath;
    const eta = this.estimate(bytesDone, total, elapsedMs);
    if (eta !== undefined) step.etaSeconds = eta;
    return step;
  }

  /** Extract progress is complete when accepted, so it is published as is. */
  render(update: ProgressUpdate): JobProgress {
    if (update.kind === 'backup') throw new Error('extract progress has no backup counters');
    return update;
  }

  private estimate(bytesDone: number, total: number, elapsedMs: number): number | undefined {
    if (this.first === undefined) return undefined;
    const spanMs = elapsedMs - this.first.elapsedMs;
    const bytes = bytesDone - this.first.bytes;
    if (spanMs < ETA_MIN_ELAPSED_MS || bytes <= 0) return undefined;
    return Math.max(0, Math.round((total - bytesDone) / ((bytes * 1000) / spanMs)));
  }
}
