/**
 * Turns a repository's archives into the points of its growth chart: one point per archive, oldest
 * first, at the archive's start time, with the archive's original size, the deduplicated size
 * borg reports for it, and — for backups Borgdesk made — what the whole repository stored after it.
 */
import type { ArchiveSummary } from '../../../src-main/model/archive.js';
import { currentFormatLocale } from '../../i18n/locale-state.js';
import { markTranslated } from '../../i18n/pseudo.js';
import { formatBytes, parseDate } from '../../lib/format.js';

/** One point of the growth chart. */
export interface GrowthPoint {
  /** Archive start, ms since epoch (the x axis). */
  readonly time: number;
  readonly archiveName: string;
  /** Size of the backed-up data before compression and deduplication. */
  readonly originalSize?: number;
  /**
   * Data stored only for this archive (borg's "This archive: deduplicated size"). A running sum of
   * these is not drawn: chunks shared by several archives count in none of them, so it would not be
   * the repository's size; the card shows the real stored total from the repository's stats instead.
   */
  readonly deduplicatedSize?: number;
  /** What the whole repository stored right after this archive (known for backups Borgdesk made). */
  readonly storedSize?: number;
}

/** Archives with fewer points than this show an explanation instead of a chart. */
export const MIN_GROWTH_POINTS = 2;

/**
 * The chart's points. Archives whose start cannot be read are left out (a point at a made-up time
 * would mislead); archives that share a start keep borg's order.
 */
export function growthSeries(archives: readonly ArchiveSummary[]): readonly GrowthPoint[] {
  const points: GrowthPoint[] = [];
  for (const archive of archives) {
    const start = parseDate(archive.start);
    if (!start) continue;
    points.push({
      time: start.getTime(),
      archiveName: archive.name,
      originalSize: archive.originalSize,
      deduplicatedSize: archive.deduplicatedSize,
      storedSize: archive.repositoryStoredSize,
    });
  }
  // Array.prototype.sort is stable, so equal starts keep their order.
  return points.sort((a, b) => a.time - b.time);
}

/** Sum of the archives' original sizes (what all archives together hold). */
export function totalOriginalSize(archives: readonly ArchiveSummary[]): number | undefined {
  let total = 0;
  let known = false;
  for (const archive of archives) {
    if (archive.originalSize === undefined) continue;
    total += archive.originalSize;
    known = true;
  }
  return known ? total : undefined;
}

/**
 * Tick label for a time axis: the date when the points span days, the time of day (with seconds under
 * an hour) otherwise, so neighbouring ticks never read the same. In the UI's locale (lib/format.ts has
 * no axis-sized date format), marked as a figure for the pseudo-locale.
 */
export function formatTimeTick(ms: number, spanMs: number, locale: string = currentFormatLocale()): string {
  const date = new Date(ms);
  const options: Intl.DateTimeFormatOptions =
    spanMs < 3_600_000
      ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
      : spanMs < 86_400_000
        ? { hour: '2-digit', minute: '2-digit', hour12: false }
        : { month: 'short', day: 'numeric' };
  return markTranslated(new Intl.DateTimeFormat(locale, options).format(date));
}

/** Byte label for a chart axis: like borg's units, without a trailing ".0" or ",0" ("850 kB", "1.5 MB"). */
export function formatAxisBytes(bytes: number): string {
  // formatBytes keeps values under 1000 per unit, so the only separator is the decimal one.
  return formatBytes(bytes).replace(/[.,]0 /, ' ');
}
