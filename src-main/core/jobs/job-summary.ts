/** Closing lines for the job log: what a finished backup or restore did, in words and numbers. */
import type { ArchiveSummary } from '../../model/archive.js';
import type { RestoreResult } from '../../model/restore.js';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes in decimal units with three significant digits, as borg prints them: "1.23 GB". */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? ''}`;
}

/** A count with thousands separators: "1,234". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "12.3 s" under a minute, "4 min 05 s" under an hour, then "1 h 02 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "1 file", "2 files": a count with its word. */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** "Archive X: 1,234 files, 1.20 GB original, 300 MB deduplicated, 12.3 s" (parts borg did not report are left out). */
export function backupSummary(archive: ArchiveSummary): string {
  const parts: string[] = [];
  if (archive.fileCount !== undefined) parts.push(plural(archive.fileCount, 'file'));
  if (archive.originalSize !== undefined) parts.push(`${formatBytes(archive.originalSize)} original`);
  if (archive.deduplicatedSize !== undefined)
    parts.push(`${formatBytes(archive.deduplicatedSize)} deduplicated`);
  if (archive.durationSeconds !== undefined) parts.push(formatDuration(archive.durationSeconds));
  return parts.length === 0
    ? `Archive ${archive.name} created.`
    : `Archive ${archive.name}: ${parts.join(', ')}`;
}

/** "Restored 12 files (3.40 MB) into DIR", plus what was skipped. */
export function restoreSummary(result: RestoreResult): string {
  const skipped =
    result.skippedCount === 0 ? '' : `; ${plural(result.skippedCount, 'existing file')} left unchanged`;
  return `Restored ${plural(result.fileCount, 'file')} (${formatBytes(result.totalBytes)}) into ${result.targetDir}${skipped}.`;
}

/** The closing warning line when borg finished with warnings, or undefined when it had none. */
export function warningSummary(warnings: readonly string[]): string | undefined {
  if (warnings.length === 0) return undefined;
  return `Finished with ${plural(warnings.length, 'warning')} (listed above).`;
}
