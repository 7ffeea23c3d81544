/**
 * What a running backup's card says about how far along it is: percent and time left once the core
 * trusts its estimate, where the estimate comes from, and that borg has stopped moving. Pure text.
 */
import i18next from 'i18next';
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
  const t = i18next.getFixedT(null, 'jobs');
  if (seconds < 60) return t('estimate.lessThanMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('estimate.aboutMinutes', { minutes: formatCount(minutes) });
  const hours = formatCount(Math.floor(minutes / 60));
  const m = minutes % 60;
  return m === 0
    ? t('estimate.aboutHours', { hours })
    : t('estimate.aboutHoursMinutes', { hours, minutes: formatCount(m) });
}

/** The row for `progress`, or undefined when the backup has no estimated total. */
export function estimateRow(progress: BackupProgress): EstimateRow | undefined {
  const { estimateSource: source, estimatedSize, estimatedFileCount } = progress;
  if (source === undefined || estimatedSize === undefined) return undefined;
  const t = i18next.getFixedT(null, 'jobs');
  const fileCount = estimatedFileCount ?? 0;
  const totals = t('estimate.totals', {
    count: fileCount,
    size: formatBytes(estimatedSize),
    formatted: formatCount(fileCount),
  });
  const basis =
    source === 'previous-archive'
      ? t('estimate.basisLastBackup', { totals })
      : t('estimate.basisQuickCount', { totals });
  if (progress.beyondEstimate === true) {
    const text =
      source === 'previous-archive' ? t('estimate.largerThanLast') : t('estimate.largerThanEstimated');
    return { text, basis };
  }
  if (progress.percent === undefined) return { text: t('estimate.estimating'), basis };
  const percent = Math.floor(progress.percent);
  const shown = t('estimate.percent', { percent: formatCount(percent) });
  const left = progress.etaSeconds === undefined ? '' : ` · ${timeLeftText(progress.etaSeconds)}`;
  return { percent, text: `${shown}${left}`, basis };
}

/** "No progress for 3 minutes" once borg's counters stood still long enough; undefined otherwise. */
export function stallText(progress: BackupProgress): string | undefined {
  if (progress.stalledForMs === undefined) return undefined;
  const minutes = Math.max(1, Math.floor(progress.stalledForMs / 60_000));
  return i18next.t('estimate.stalled', { ns: 'jobs', count: minutes });
}
