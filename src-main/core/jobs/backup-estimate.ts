/**
 * Percent done and time left of a running backup, from an estimated total (the plan's last backup,
 * or a quick walk of the sources) and borg's cumulative counters. Pure: time comes in as elapsedMs.
 *
 * An estimate is only a guess, so it is shown only once it has something to stand on (a share of
 * the total done and some seconds of history); percent stays below 100 while borg runs, and a backup
 * that outgrows its estimate says so instead of counting past 100 %.
 */
import type { BackupEstimateSource } from '../../model/job.js';

/** An estimated total for a backup: original bytes and files, and where the numbers come from. */
export interface BackupEstimate {
  readonly source: BackupEstimateSource;
  readonly originalSize: number;
  readonly fileCount: number;
}

/** Where a tracker gets its estimate; it may arrive late (a walk of the sources) or never. */
export interface EstimateFeed {
  /** The estimate as far as it is known now. */
  current(): BackupEstimate | undefined;
  /** The job started running: begin any work the estimate needs. */
  start?(): void;
  /** The job ended: stop that work. */
  stop?(): void;
}

/** Tuning of a BackupEstimator (the defaults are what the UI uses). */
export interface BackupEstimatorOptions {
  /** Share of the estimate that must be done before percent and time left are shown. */
  readonly minFraction?: number;
  /** Time since the job began before percent and time left are shown. */
  readonly minElapsedMs?: number;
  /** How far back the transfer rate behind the time left looks. */
  readonly rateWindowMs?: number;
  /** Time constant of the smoothing of the time left: larger is calmer and slower to follow. */
  readonly smoothingMs?: number;
}

/** What the estimator says about the backup now; empty while the estimate is not yet trustworthy. */
export interface EstimateReading {
  readonly percent?: number;
  readonly etaSeconds?: number;
  readonly beyondEstimate?: boolean;
}

/** The counters the estimator follows (cumulative, as borg reports them). */
export interface BackupCounters {
  readonly originalSize: number;
  readonly fileCount: number;
}

interface Point {
  readonly elapsedMs: number;
  readonly done: number;
}

// Below 100: the last steps after the files (saving the archive, the caches) take time too.
const MAX_PERCENT = 99;
// Counters standing still this long are a pause, not a slow stretch.
const PAUSE_MS = 10_000;

/** Follows one backup against one estimate. */
export class BackupEstimator {
  private readonly minFraction: number;
  private readonly minElapsedMs: number;
  private readonly rateWindowMs: number;
  private readonly smoothingMs: number;
  private trusted = false;
  private points: Point[] = [];
  private smoothed: { readonly elapsedMs: number; readonly seconds: number } | undefined;
  private lastReading: Point | undefined;
  // When the counters last changed (the first reading with the current value).
  private sameSinceMs = 0;

  constructor(
    private readonly estimate: BackupEstimate,
    options: BackupEstimatorOptions = {},
  ) {
    this.minFraction = options.minFraction ?? 0.05;
    this.minElapsedMs = options.minElapsedMs ?? 10_000;
    this.rateWindowMs = options.rateWindowMs ?? 30_000;
    this.smoothingMs = options.smoothingMs ?? 8_000;
  }

  /** An estimate worth following: one with something to count (an empty last backup is none). */
  static usable(estimate: BackupEstimate | undefined): estimate is BackupEstimate {
    return estimate !== undefined && (estimate.originalSize > 0 || estimate.fileCount > 0);
  }

  /** Take in the counters at `elapsedMs` (since the job began) and say where the backup stands. */
  read(counters: BackupCounters, elapsedMs: number): EstimateReading {
    // Bytes tell time better than files (one large file is many small ones); files when bytes are unknown.
    const byBytes = this.estimate.originalSize > 0;
    const done = byBytes ? counters.originalSize : counters.fileCount;
    const total = byBytes ? this.estimate.originalSize : this.estimate.fileCount;
    const fraction = done / total;
    this.noteResume({ elapsedMs, done });
    this.remember({ elapsedMs, done });
    if (fraction >= 1) {
      this.smoothed = undefined;
      return { beyondEstimate: true };
    }
    this.trusted ||= fraction >= this.minFraction && elapsedMs >= this.minElapsedMs;
    if (!this.trusted) return {};
    const percent = Math.min(MAX_PERCENT, Math.max(0, fraction * 100));
    const etaSeconds = this.timeLeft(total - done, elapsedMs);
    return etaSeconds === undefined ? { percent } : { percent, etaSeconds };
  }

  // After a pause (a stall, a sleeping disk) the rate over the window would count the pause and the
  // time left would jump to hours: measure afresh from where borg picked up again.
  private noteResume(point: Point): void {
    const previous = this.lastReading;
    this.lastReading = point;
    if (previous !== undefined && point.done === previous.done) return;
    if (previous !== undefined && point.elapsedMs - this.sameSinceMs >= PAUSE_MS) {
      this.points = [previous];
      this.smoothed = undefined;
    }
    this.sameSinceMs = point.elapsedMs;
  }

  private remember(point: Point): void {
    // One point a second is plenty for a rate over tens of seconds, and keeps the list short: the
    // newest point moves along until it is a second past the one before it, then stays.
    const kept = this.points[this.points.length - 2];
    if (kept !== undefined && point.elapsedMs - kept.elapsedMs < 1000)
      this.points[this.points.length - 1] = point;
    else this.points.push(point);
    const cutoff = point.elapsedMs - this.rateWindowMs;
    while (this.points.length > 2 && (this.points[1]?.elapsedMs ?? Infinity) <= cutoff) this.points.shift();
  }

  // Time left at the recent rate, smoothed so it counts down calmly instead of jumping with each file.
  private timeLeft(remaining: number, elapsedMs: number): number | undefined {
    const first = this.points[0];
    const last = this.points[this.points.length - 1];
    const spanMs = first !== undefined && last !== undefined ? last.elapsedMs - first.elapsedMs : 0;
    const moved = first !== undefined && last !== undefined ? last.done - first.done : 0;
    const previous = this.smoothed;
    if (spanMs <= 0 || moved <= 0) return previous?.seconds;
    const raw = remaining / (moved / (spanMs / 1000));
    if (previous === undefined) {
      this.smoothed = { elapsedMs, seconds: raw };
      return raw;
    }
    const stepMs = Math.max(0, elapsedMs - previous.elapsedMs);
    // Between two readings the old estimate has simply run down by the time that passed.
    const predicted = Math.max(0, previous.seconds - stepMs / 1000);
    const weight = 1 - Math.exp(-stepMs / this.smoothingMs);
    const seconds = predicted + weight * (raw - predicted);
    this.smoothed = { elapsedMs, seconds };
    return seconds;
  }
}
