/**
 * The "Needs attention" lines for restore tests whose last run failed: an archive that does not give
 * back what was backed up is worse than no backup, because it looks like one.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import { formatDateTime } from '../../lib/format.js';
import { useDrillsStore } from '../../stores/drills-store.js';
import dashboard from '../dashboard/dashboard.module.css';
import { jobTitleText } from '../../lib/core-words/job-title.js';

/** The last drills that failed, newest first. */
export function useFailedDrills(): HistoryEntry[] {
  const latest = useDrillsStore((s) => s.latest);
  return Object.values(latest)
    .filter((e) => e.status === 'failed')
    .sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : -1));
}

/** One line per failed restore test, with its error and what to do. */
export function DrillAttentionList({ failed }: { readonly failed: readonly HistoryEntry[] }) {
  const { t } = useTranslation('drills');
  if (failed.length === 0) return null;
  return (
    <ul className={dashboard.attentionList} aria-label={t('attentionAria')}>
      {failed.map((entry) => (
        <li key={entry.id} className={dashboard.attentionItem}>
          <div className={dashboard.attentionHead}>
            <strong>{jobTitleText(entry)}</strong>
            <span className="muted">{t('inRepository', { name: entry.repoName })}</span>
            <span className="chip chip-warn">{t('failedChip')}</span>
          </div>
          <p className={dashboard.attentionAge}>{formatDateTime(entry.finishedAt)}</p>
          <p className={dashboard.attentionDetail}>
            {entry.error?.message ?? t('failedFallback')}
            {entry.error?.remedy ? ` ${entry.error.remedy}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
