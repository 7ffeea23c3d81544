/**
 * The "Needs attention" lines for restore tests whose last run failed: an archive that does not give
 * back what was backed up is worse than no backup, because it looks like one.
 */
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
  if (failed.length === 0) return null;
  return (
    <ul className={dashboard.attentionList} aria-label="Restore tests needing attention">
      {failed.map((entry) => (
        <li key={entry.id} className={dashboard.attentionItem}>
          <div className={dashboard.attentionHead}>
            <strong>{jobTitleText(entry)}</strong>
            <span className="muted">in {entry.repoName}</span>
            <span className="chip chip-warn">Restore test failed</span>
          </div>
          <p className={dashboard.attentionAge}>{formatDateTime(entry.finishedAt)}</p>
          <p className={dashboard.attentionDetail}>
            {entry.error?.message ?? 'The restore test failed; its log is in History.'}
            {entry.error?.remedy ? ` ${entry.error.remedy}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
