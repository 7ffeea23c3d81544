/**
 * What a running backup's card says about how far along it is: percent and time left once the core
 * trusts its estimate, where the estimate comes from, and that borg has stopped moving. Pure text.
 */
import type { BackupProgress } from '../../../src-main/model/job.js';
import { formatBytes, formatCount } from '../../lib/format.js';

/** The estimate row of a backup card; undefined when there is no estimate to speak of. */
export interface EstimateRow {
  /** 0–99 for the bar; absent while there is no trustworthy percent. */
  readonly percent?: number;
  readonly text: string;
  /** Where the estimate comes from, for the tooltip. */
  readonly basis: string;
}

/** "about 3 min left", "less than a minute left", "about 1 h 20 min left". */
export function timeLeftText(seconds: number): string {
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `about ${h} h left` : `about ${h} h ${m} min left`;
}

/** The row for `progress`, or undefined when the backup has no estimated total. */
export function estimateRow(progress: BackupProgress): EstimateRow | undefined {
  const { estimateSource: source, estimatedSize, estimatedFileCount } = progress;
  if (source === undefined || estimatedSize === undefined) return undefined;
  const totals = `${formatBytes(estimatedSize)}, ${formatCount(estimatedFileCount ?? 0)} files`;
  const basis =
    source === 'previous-archive'
      ? `Based on the last backup: ${totals}`
      : `Based on a quick count of the folders to back up: ${totals} (an estimate: exclusions are only roughly applied)`;
  if (progress.beyondEstimate === true) {
    const larger = source === 'previous-archive' ? 'Larger than last time' : 'Larger than estimated';
    return { text: `${larger}, time left unknown`, basis };
  }
  if (progress.percent === undefined) return { text: 'Estimating the time left…', basis };
  const percent = Math.floor(progress.percent);
  const left = progress.etaSeconds === undefined ? '' : ` · ${timeLeftText(progress.etaSeconds)}`;
  return { percent, text: `${percent} %${left}`, basis };
}

/** "No progress for 3 minutes" once borg's counters stood still long enough; undefined otherwise. */
export function stallText(progress: BackupProgress): string | undefined {
  if (progress.stalledForMs === undefined) return undefined;
  const minutes = Math.max(1, Math.floor(progress.stalledForMs / 60_000));
  return `No progress for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
