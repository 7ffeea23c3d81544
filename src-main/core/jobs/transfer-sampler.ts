/**
 * Turns borg's cumulative `archive_progress` counters into the BackupProgress the UI shows: the
 * totals, a smoothed transfer rate over a recent window, and one graph sample per delivery with the
 * rates since the previous delivery. Pure: time comes in as `elapsedMs`.
 */
import type { BackupProgress } from '../../model/job.js';

/** The cumulative fields of one `archive_progress` event (each may be missing). */
export interface ArchiveProgressInput {
  readonly originalSize?: number;
  readonly compressedSize?: number;
  readonly deduplicatedSize?: number;
  readonly nfiles?: number;
  readonly path?: string;
}

/** Options for a TransferSampler. */
export interface TransferSamplerOptions {
  /** How far back the smoothed rate looks. */
  readonly windowMs?: number;
  /** History points closer together than this are merged, which bounds memory under a flood. */
  readonly minSpacingMs?: number;
}

interface Point {
  readonly elapsedMs: number;
  readonly original: number;
  readonly deduplicated: number;
}

const rate = (bytes: number, ms: number): number => (ms > 0 ? Math.max(0, bytes) / (ms / 1000) : 0);

/** Accumulates progress events and produces BackupProgress values on demand. */
export class TransferSampler {
  private readonly windowMs: number;
  private readonly minSpacingMs: number;
  private fileCount = 0;
  private originalSize = 0;
  private compressedSize = 0;
  private deduplicatedSize = 0;
  private currentPath = '';
  private latest: Point = { elapsedMs: 0, original: 0, deduplicated: 0 };
  // Starts with the origin so the first rate is measured from the job's start.
  private history: Point[] = [{ elapsedMs: 0, original: 0, deduplicated: 0 }];
  private lastDelivered: Point = { elapsedMs: 0, original: 0, deduplicated: 0 };

  constructor(options: TransferSamplerOptions = {}) {
    this.windowMs = options.windowMs ?? 3000;
    this.minSpacingMs = options.minSpacingMs ?? 50;
  }

  /** Take in one event; fields it lacks keep their previous values (borg's final event has none). */
  record(event: ArchiveProgressInput, elapsedMs: number): void {
    this.fileCount = event.nfiles ?? this.fileCount;
    this.originalSize = event.originalSize ?? this.originalSize;
    this.compressedSize = event.compressedSize ?? this.compressedSize;
    this.deduplicatedSize = event.deduplicatedSize ?? this.deduplicatedSize;
    // Borg sends an empty path once it is past the files; keep showing the last real one.
    if (event.path !== undefined && event.path !== '') this.currentPath = event.path;
    this.latest = { elapsedMs, original: this.originalSize, deduplicated: this.deduplicatedSize };
    const last = this.history[this.history.length - 1];
    if (last === undefined || elapsedMs - last.elapsedMs >= this.minSpacingMs) this.history.push(this.latest);
    else this.history[this.history.length - 1] = this.latest;
    this.trim();
  }

  /** The current progress; the graph sample covers the time since the previous call. */
  deliver(): BackupProgress {
    const latest = this.latest;
    const since = this.lastDelivered;
    this.lastDelivered = latest;
    return {
      kind: 'backup',
      fileCount: this.fileCount,
      originalSize: this.originalSize,
      compressedSize: this.compressedSize,
      deduplicatedSize: this.deduplicatedSize,
      currentPath: this.currentPath,
      elapsedMs: latest.elapsedMs,
      bytesPerSecond: this.windowRate(),
      sample: {
        elapsedMs: latest.elapsedMs,
        originalBytesPerSecond: rate(latest.original - since.original, latest.elapsedMs - since.elapsedMs),
        deduplicatedBytesPerSecond: rate(
          latest.deduplicated - since.deduplicated,
          latest.elapsedMs - since.elapsedMs,
        ),
      },
    };
  }

  private windowRate(): number {
    const cutoff = this.latest.elapsedMs - this.windowMs;
    const index = this.history.findIndex((p) => p.elapsedMs >= cutoff);
    // If only the latest point is inside the window, measure from the point just before it.
    const from =
      index > 0 && index === this.history.length - 1 ? this.history[index - 1] : this.history[index];
    if (from === undefined) return 0;
    return rate(this.latest.original - from.original, this.latest.elapsedMs - from.elapsedMs);
  }

  // Keep one point at or before the window's start so a sparse window still has a reference point.
  private trim(): void {
    const cutoff = this.latest.elapsedMs - this.windowMs;
    let drop = 0;
    while (drop + 1 < this.history.length && (this.history[drop + 1]?.elapsedMs ?? Infinity) <= cutoff)
      drop++;
    if (drop > 0) this.history = this.history.slice(drop);
  }
}
