/**
 * Which files a restore drill restores: the newest-modified, the largest, and random ones, about 20
 * in all and no more than about 200 MB together. An archive can hold millions of items, so the
 * collector sees each listed item once and keeps only a bounded set of candidates (top-N by mtime,
 * top-N by size, and a reservoir sample for the random ones); the choice is made at the end.
 */
import type { ArchiveItem } from '../../borg/json-output.js';

/** A regular file of the archive as the drill needs it. */
export interface SampleFile {
  /** The archive path as `borg list` prints it (no leading "/"). */
  readonly path: string;
  readonly size: number;
  /** For ordering only: parsed from borg's isomtime. */
  readonly mtimeMs: number;
}

/** How big the sample may be. */
export interface SampleLimits {
  readonly count: number;
  readonly maxBytes: number;
  /** How many of the newest-modified files to take first. */
  readonly newest: number;
  /** How many of the largest files (that still fit) to take next. */
  readonly largest: number;
}

/** ~20 files, at most ~200 MB: big enough to catch a broken chunk, small enough to run weekly. */
export const DEFAULT_SAMPLE_LIMITS: SampleLimits = {
  count: 20,
  maxBytes: 200 * 1000 * 1000,
  newest: 5,
  largest: 5,
};

// Random candidates kept while listing: more than needed, because some may not fit the byte budget.
const RESERVOIR_FACTOR = 3;

/** Collects candidates from a streamed archive listing, then picks the sample. */
export class SampleCollector {
  private readonly newest: SampleFile[] = [];
  private readonly largest: SampleFile[] = [];
  private readonly reservoir: SampleFile[] = [];
  private seen = 0;

  constructor(
    private readonly limits: SampleLimits = DEFAULT_SAMPLE_LIMITS,
    /** A number in [0, 1); tests pass a seeded one. */
    private readonly random: () => number = Math.random,
  ) {}

  /** One listed item; anything but a regular file (folders, links, devices, hard links) is skipped. */
  accept(item: ArchiveItem): void {
    if (item.type !== '-') return;
    const size = item.size ?? 0;
    // A file bigger than the whole budget could never be restored within it.
    if (size > this.limits.maxBytes) return;
    const parsed = item.mtime === undefined ? NaN : Date.parse(item.mtime);
    const file: SampleFile = { path: item.path, size, mtimeMs: Number.isNaN(parsed) ? 0 : parsed };
    keepTop(this.newest, file, this.limits.count, (a, b) => b.mtimeMs - a.mtimeMs);
    keepTop(this.largest, file, this.limits.count, (a, b) => b.size - a.size);
    this.sampleRandomly(file);
  }

  /** The sample: newest first, then the largest, then random ones, within count and maxBytes. */
  pick(): SampleFile[] {
    const chosen = new Map<string, SampleFile>();
    let bytes = 0;
    const take = (files: readonly SampleFile[], upTo: number): void => {
      let taken = 0;
      for (const file of files) {
        if (taken >= upTo || chosen.size >= this.limits.count) return;
        if (chosen.has(file.path) || bytes + file.size > this.limits.maxBytes) continue;
        chosen.set(file.path, file);
        bytes += file.size;
        taken++;
      }
    };
    take(this.newest, this.limits.newest);
    take(this.largest, this.limits.largest);
    take(this.reservoir, this.limits.count);
    // A small archive: fill up from whatever else was kept.
    take(this.newest, this.limits.count);
    take(this.largest, this.limits.count);
    return [...chosen.values()];
  }

  // Algorithm R: every file seen so far has the same chance to be in the reservoir.
  private sampleRandomly(file: SampleFile): void {
    const capacity = this.limits.count * RESERVOIR_FACTOR;
    this.seen++;
    if (this.reservoir.length < capacity) {
      this.reservoir.push(file);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < capacity) this.reservoir[slot] = file;
  }
}

// Insert into a list kept sorted by `order` and cut to `max` entries (max is small: 20).
function keepTop(
  list: SampleFile[],
  file: SampleFile,
  max: number,
  order: (a: SampleFile, b: SampleFile) => number,
): void {
  const last = list[list.length - 1];
  if (list.length >= max && last !== undefined && order(file, last) >= 0) return;
  let at = list.findIndex((existing) => order(file, existing) < 0);
  if (at === -1) at = list.length;
  list.splice(at, 0, file);
  if (list.length > max) list.pop();
}
